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
    var now: ShopInstant { store.shopTime }

    static func now(_ commerce: Commerce) -> ShopInstant {
        commerce.shopTime(wallClock: ShopInstant(secondsSince1970: Int64(Date().timeIntervalSince1970)))
    }

    /// Decides and journals `command` at shop time now, then writes any mail it caused. When the
    /// mail fails after the command is journaled (a full disk, say), the message says that the
    /// command was saved, and the state of the order it `concerns`.
    @discardableResult
    func execute(_ command: CommerceCommand, concerning orderNumber: String? = nil) throws -> [ShopEvent] {
        do {
            return try store.trade(command)
        } catch let error as MaildirError {
            let message = "the shop's messages could not be written to \(store.folder.path)/mail: \(error)"
            guard let order = orderNumber.flatMap({ commerce.order(numbered: $0) }) else {
                throw CommandFailure("it was saved, but \(message)", status: .ioError)
            }
            throw CommandFailure(Self.saved(order, but: message), status: .ioError)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Places an order and returns it. A failure once the order is journaled (its mail, say, on a
    /// full disk) names the order and its payment, so that nobody orders or pays twice.
    func placeOrder(_ request: CheckoutRequest) throws -> Order? {
        let before = Set(commerce.orderNumbers)
        func placed() -> Order? {
            commerce.orderNumbers.first { !before.contains($0) }.flatMap { commerce.orders[$0] }
        }
        do {
            try store.trade(.placeOrder(request))
        } catch let error as MaildirError {
            let message = "the shop's messages could not be written to \(store.folder.path)/mail: \(error)"
            guard let order = placed() else { throw CommandFailure(message, status: .ioError) }
            throw CommandFailure(Self.saved(order, but: message), status: .ioError)
        } catch {
            let failure = CommandFailure(error)
            guard let order = placed() else { throw failure }
            throw CommandFailure(Self.saved(order, but: failure.message), status: .ioError)
        }
        return placed()
    }

    /// A failure after `order` was saved: `order C-2026-000001 is placed (payment: paid, total
    /// €42.00), but …; it is saved: see it with 'comptoir order C-2026-000001'`.
    static func saved(_ order: Order, but failure: String) -> String {
        "order \(order.number) is \(order.state.rawValue) (payment: \(order.paymentState.label), total \(order.totals.total)), "
            + "but \(failure); the order is saved: see it with 'comptoir order \(order.number)'"
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
        if commerce.account(email: email) == nil {
            // Spend the same time as a real check, so timing does not tell which addresses exist.
            _ = hasher.verifyWithoutAccount(password)
        }
        try execute(commerce.logInCommand(email: email, password: password, hasher: hasher, at: now))
        if let refusal = commerce.loginRefusal(email: email, at: now) {
            throw CommandFailure(refusal.description, status: .refused)
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
