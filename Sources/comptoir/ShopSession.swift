import ArgumentParser
import Foundation
import ShopCore
import ShopSecurity
import ShopStore

/// A write command's conversation with the shop: opens the store, reads the shop clock (wall
/// clock + the offset `courier advance` keeps in the state), draws the randomness, executes trade
/// commands and writes the mail they cause.
final class ShopSession {
    let store: Store
    let data: DataOptions

    init(data: DataOptions) throws {
        self.data = data
        self.store = try data.openStore(.readWrite)
    }

    deinit { try? store.close() }

    var state: ShopState { store.state }
    var commerce: Commerce { store.state.commerce }

    /// Shop time now.
    var now: ShopInstant { ShopSession.now(commerce) }

    static func now(_ commerce: Commerce) -> ShopInstant {
        commerce.shopTime(wallClock: ShopInstant(secondsSince1970: Int64(Date().timeIntervalSince1970)))
    }

    /// Decides and journals `command` at shop time now, then writes any mail it caused.
    @discardableResult
    func execute(_ command: CommerceCommand) throws -> [ShopEvent] {
        var generator = SystemRandomNumberGenerator()
        let events: [ShopEvent]
        do {
            events = try store.execute(.commerce(command, at: now, entropy: generator.next()))
        } catch {
            throw CommandFailure(error)
        }
        try deliverMail()
        return events
    }

    func deliverMail() throws {
        guard !commerce.outbox.isEmpty else { return }
        do {
            try store.deliverMail(to: Maildir(dataFolder: store.folder.path))
        } catch {
            throw CommandFailure("the shop's messages could not be written to \(store.folder.path)/mail: \(error)", status: .ioError)
        }
    }

    /// Makes sure a customer is logged in: with `--email`, logs that account in first (password
    /// from COMPTOIR_PASSWORD or a prompt); else the current session must exist.
    func authenticate(_ customer: CustomerOptions) throws -> Account {
        if let email = customer.email {
            try logIn(email: email, password: try customer.password())
        }
        guard let account = commerce.currentAccount else {
            throw CommandFailure(CommerceError.notLoggedIn.description, status: .refused)
        }
        return account
    }

    /// Verifies the password and records the attempt; a refused login throws the reason.
    func logIn(email: String, password: String) throws {
        let hasher = ScryptPasswordHasher()
        let account = commerce.account(email: email)
        let verified: Bool
        if let account {
            verified = account.isLocked(at: now) ? false : hasher.verify(password, against: account.passwordHash)
        } else {
            _ = hasher.verifyWithoutAccount(password)
            verified = false
        }
        try execute(.logIn(email: email, passwordVerified: verified))
        guard let account, commerce.session == account.id else {
            let after = account.flatMap { commerce.accounts[$0.id] }
            if let after, let until = after.lockedUntil, now < until {
                throw CommandFailure(LoginError.locked(remainingSeconds: until.seconds(since: now)).description, status: .refused)
            }
            throw CommandFailure(LoginError.wrongEmailOrPassword.description, status: .refused)
        }
    }
}

/// `--email` for commands that act for a customer.
struct CustomerOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Log in as this account first; the password comes from COMPTOIR_PASSWORD or a prompt.", valueName: "ADDRESS"))
    var email: String?

    func password() throws -> String {
        try PasswordInput.read(prompt: "Password: ")
    }
}
