import ArgumentParser
import Foundation
import ShopCore
import ShopServer

/// `comptoir account keys`: the SSH public keys that log an account in to `comptoir serve`
/// without a password.
struct AccountKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "The SSH public keys that log the account in to 'comptoir serve' without a password.",
        subcommands: [Add.self, List.self, Remove.self],
        defaultSubcommand: List.self
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register an OpenSSH public key (a .pub file, or - for standard input) to the account.")
        @Argument(help: ArgumentHelp("The public key file (e.g. ~/.ssh/id_ed25519.pub), or - to read it from standard input.",
                                     valueName: "FILE|-"))
        var file: String
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                _ = try customer.session.shopper()
                let entry: PublicKeyEntry
                do {
                    entry = try PublicKeyLine.parse(try Self.read(file))
                } catch let error as PublicKeyLineError {
                    throw CommandFailure("\(Self.shown(file)): \(error.description)", status: .usage)
                }
                let (shop, shopper, account) = try ShopSession.forCustomer(customer, data: data)
                try shop.execute(.addAccountKey(entry, by: shopper))
                printText(TerminalText.sanitize(
                    "Key \(entry.fingerprint) (\(entry.type)) added to \(account.email.value): 'ssh \(account.email.value)@HOST' logs in with it."))
            }
        }

        static let maximumBytes = 65_536

        static func shown(_ file: String) -> String { file == "-" ? "standard input" : Quote.text(file) }

        /// The text of `file` (`-`: standard input), at most `maximumBytes`.
        static func read(_ file: String) throws -> String {
            let handle: FileHandle
            if file == "-" {
                handle = FileHandle.standardInput
            } else {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue,
                      let opened = FileHandle(forReadingAtPath: file) else {
                    throw CommandFailure("\(shown(file)) is not a readable file: give the path of a public key such as ~/.ssh/id_ed25519.pub, or - for standard input", status: .noInput)
                }
                handle = opened
            }
            let bytes: Data
            do {
                bytes = try handle.read(upToCount: maximumBytes + 1) ?? Data()
            } catch {
                throw CommandFailure("\(shown(file)) cannot be read: \(error.localizedDescription)", status: .noInput)
            }
            guard bytes.count <= maximumBytes else {
                throw CommandFailure("\(shown(file)) is larger than \(maximumBytes) bytes: a public key is one short line", status: .usage)
            }
            guard let text = String(data: bytes, encoding: .utf8) else {
                throw CommandFailure("\(shown(file)) is not UTF-8 text: give an OpenSSH public key line", status: .usage)
            }
            return text
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The account's SSH keys, oldest first.")
        @Flag(help: "Print JSON for programs.") var json = false
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let (shop, _, account) = try ShopSession.forCustomer(customer, data: data)
                let keys = shop.commerce.keys(of: account.id)
                if json {
                    printJSON(.array(keys.map { key in
                        .object([
                            ("fingerprint", .string(key.fingerprint)), ("type", .string(key.type)),
                            ("comment", .string(key.comment)), ("added_at", .string(key.addedAt.iso8601)),
                        ])
                    }))
                } else if keys.isEmpty {
                    printText("No SSH key is registered to \(account.email.value): add one with 'comptoir account keys add ~/.ssh/id_ed25519.pub'.")
                } else {
                    for key in keys {
                        printText(TerminalText.sanitize("\(key.fingerprint)  \(key.type)  \(key.comment.isEmpty ? "-" : key.comment)"))
                    }
                }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unregister the key of that fingerprint from the account.")
        @Argument(help: ArgumentHelp("The key's fingerprint as 'keys list' shows it.", valueName: "FINGERPRINT"))
        var fingerprint: String
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let (shop, shopper, account) = try ShopSession.forCustomer(customer, data: data)
                try shop.execute(.removeAccountKey(fingerprint: fingerprint, by: shopper))
                printText(TerminalText.sanitize("Key \(fingerprint.trimmingCharacters(in: .whitespaces)) removed from \(account.email.value)."))
            }
        }
    }
}
