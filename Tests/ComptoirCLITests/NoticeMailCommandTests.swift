import Foundation
import Testing

/// The mails a careful customer expects, after real `comptoir` commands: a notice for each change
/// of password or SSH key and for a lockout, one confirmation for a payment made at an agent, each in the Maildir
/// and shown by `comptoir messages`, with no secret in any of them.
@Suite("comptoir messages: notices and the payment received", .serialized)
struct NoticeMailCommandTests {
    static func messages(_ shopper: Shopper, _ arguments: String...) throws -> [[String: Any]] {
        let outcome = try ComptoirProcess.run(["messages", "--json"] + arguments, environment: shopper.environment)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]] ?? []
    }

    /// Every message file of the Maildir, as text.
    static func mailFiles(_ shopper: Shopper) throws -> [String] {
        try shopper.allFileBytes().filter { $0.0.hasPrefix("mail/new/") || $0.0.hasPrefix("mail/cur/") }
            .map { String(decoding: $0.1, as: UTF8.self) }
    }

    @Test func passwordAndKeyChangesEachSendOneNotice() throws {
        var shopper = try Shopper()
        try shopper.register()
        let newPassword = "Marronnier-et-glycine-77"
        let changed = try ComptoirProcess.run(["account", "password"],
                                              environment: shopper.environment.merging(["COMPTOIR_NEW_PASSWORD": newPassword]) { $1 })
        #expect(changed.status == 0, "\(changed.stderr)")
        let oldPassword = shopper.password
        shopper.password = newPassword
        let file = try shopper.folder.write("id_ed25519.pub", AccountKeysCommandTests.zoeKey + "\n")
        #expect(try shopper.run("account", "keys", "add", file).status == 0)
        #expect(try shopper.run("account", "keys", "remove", AccountKeysCommandTests.zoeFingerprint).status == 0)
        // A refused change tells no one.
        #expect(try shopper.run("account", "keys", "remove", AccountKeysCommandTests.zoeFingerprint).status == 1)

        #expect(try shopper.messageKinds() == ["account-created", "password-changed", "account-key-added", "account-key-removed"])
        let password = try #require(try Self.messages(shopper, "--kind", "password-changed").first)
        #expect(password["subject"] as? String == "Your Comptoir password was changed")
        #expect((password["to"] as? String)?.hasSuffix("<zoe@example.fr>") == true)
        let body = try #require(password["body"] as? String)
        #expect(body.contains("in the shop on Comptoir's own computer"), "\(body)")
        #expect(body.contains("service@comptoir.shop"))
        let added = try #require(try Self.messages(shopper, "--kind", "account-key-added").first?["body"] as? String)
        #expect(added.contains("\(AccountKeysCommandTests.zoeFingerprint) (ssh-ed25519, \"zoe@laptop\")"), "\(added)")
        #expect(added.contains("comptoir account keys remove \(AccountKeysCommandTests.zoeFingerprint)"))
        let removed = try #require(try Self.messages(shopper, "--kind", "account-key-removed").first?["body"] as? String)
        #expect(removed.contains("It no longer logs you in."))

        let listed = try shopper.run("messages")
        for subject in ["Your Comptoir password was changed", "An SSH key was added to your Comptoir account",
                        "An SSH key was removed from your Comptoir account"] {
            #expect(listed.stdout.contains(subject), "\(listed.stdout)")
        }
        let files = try Self.mailFiles(shopper)
        #expect(files.count == 4)
        #expect(files.contains { $0.contains("X-Comptoir-Kind: password-changed\r\n") })
        for text in files {
            #expect(!text.contains(oldPassword) && !text.contains(newPassword) && !text.contains("scrypt$"))
        }
        let (status, report) = try pythonReadsMaildir(shopper.home + "/mail")
        #expect(status == 0, "\(report)")
    }

    @Test func theWrongPasswordThatLocksTheAccountSendsOneNotice() throws {
        let shopper = try Shopper()
        try shopper.register()
        let wrong = shopper.environment.merging(["COMPTOIR_PASSWORD": "not-the-password"]) { $1 }
        for attempt in 1...6 {
            let login = try ComptoirProcess.run(["account", "login", "--email", "zoe@example.fr"], environment: wrong)
            #expect(login.status != 0, "attempt \(attempt) logged in")
        }
        // The session registered earlier is still logged in and reads its mail.
        #expect(try shopper.messageKinds() == ["account-created", "account-locked"])
        let notice = try #require(try Self.messages(shopper, "--kind", "account-locked").first)
        #expect((notice["subject"] as? String)?.hasPrefix("Your Comptoir account is locked until ") == true)
        let body = try #require(notice["body"] as? String)
        #expect(body.contains("After 5 wrong passwords in a row"), "\(body)")
        #expect(body.contains("in the shop on Comptoir's own computer"))
        #expect(!body.contains("not-the-password") && !body.contains(shopper.password))
    }

    @Test func cashPaidAtTheAgentIsConfirmedOnceAndAsked() throws {
        let shopper = try Shopper()
        try shopper.register()
        #expect(try shopper.run("cart", "add", "BOK-PHA-003", "1").status == 0)
        #expect(try shopper.run("checkout", "--accept-terms", "--cash").status == 0)
        let number = try #require(try Self.messages(shopper, "--kind", "order-received").first?["order"] as? String)
        let order = try shopper.order(number)
        let reference = try #require((order["payment"] as? [String: Any])?["reference"] as? String)
        let total = try #require(order["total_minor"] as? Int)
        #expect(try Self.messages(shopper, "--kind", "order-confirmation").isEmpty)
        let paid = try shopper.run("agent", "pay", reference, "--amount", String(format: "%d.%02d", total / 100, total % 100))
        #expect(paid.status == 0, "\(paid.stderr)")

        #expect(try shopper.messageKinds() == ["account-created", "order-received", "cash-payment-reference", "order-confirmation"])
        let confirmation = try #require(try Self.messages(shopper, "--order", number, "--kind", "order-confirmation").first)
        #expect(confirmation["subject"] as? String == "Order \(number) paid and confirmed: your voucher")
        let body = try #require(confirmation["body"] as? String)
        #expect(body.contains("by cash, reference \(reference)."), "\(body)")
        #expect(body.contains("What happens next: we are preparing your order now."))
        #expect(body.contains("SIREN 902 123 454"))

        // The kind that no event sends is refused by name, with the kinds there are.
        let unknown = try shopper.run("messages", "--kind", "payment-received")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("comptoir: --kind 'payment-received' is not a kind of message: one of account-created, "),
                "\(unknown.stderr)")
        #expect(unknown.stderr.contains("password-changed") && unknown.stderr.split(separator: "\n").count == 1)
    }

    @Test func aCardIsNamedByBrandAndLastFourOnly() throws {
        let shopper = try Shopper()
        try shopper.register()
        #expect(try shopper.run("cart", "add", "BOK-PHA-003", "1").status == 0)
        let checkout = try shopper.run("checkout", "--accept-terms", "--card-number", "4242424242424242", "--expiry", "12/30", "--cvc", "123")
        #expect(checkout.status == 0, "\(checkout.stderr)")
        let confirmation = try #require(try Self.messages(shopper, "--kind", "order-confirmation").first?["body"] as? String)
        #expect(confirmation.contains("by card Visa •••• 4242."), "\(confirmation)")
        #expect(try shopper.messageKinds() == ["account-created", "order-received", "order-confirmation"])
        for text in try Self.mailFiles(shopper) {
            #expect(!text.contains("4242424242424242") && !text.contains("4242 4242 4242"))
        }
    }
}
