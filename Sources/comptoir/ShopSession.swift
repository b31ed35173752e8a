import ArgumentParser
import Foundation
import ShopCore
import ShopSecurity
import ShopService
import ShopStore

/// A write command's conversation with the shop: opens the store and calls the application
/// layer (`ShopService`) with the wall clock, the system's randomness and scrypt; turns what it
/// refuses into a `CommandFailure`.
final class ShopSession {
    let service: ShopService
    let data: DataOptions

    init(data: DataOptions) throws {
        self.data = data
        self.service = ShopService(store: try data.openStore(.readWrite), hasher: ScryptPasswordHasher())
    }

    deinit { try? service.store.close() }

    var store: Store { service.store }
    var state: ShopState { service.state }
    var commerce: Commerce { service.commerce }

    /// Shop time now.
    var now: ShopInstant { service.now }

    /// Decides and journals `command` at shop time now, then writes any mail it caused. When the
    /// mail fails after the command is journaled (a full disk, say), the message says that the
    /// command was saved, and the state of the order it `concerns`.
    @discardableResult
    func execute(_ command: CommerceCommand, concerning orderNumber: String? = nil) throws -> [ShopEvent] {
        do throws(ServiceError) {
            return try service.trade(command)
        } catch {
            guard case .mailNotWritten = error else { throw CommandFailure(error) }
            guard let order = orderNumber.flatMap({ commerce.order(numbered: $0) }) else {
                throw CommandFailure("it was saved, but \(error.description)", status: .ioError)
            }
            throw CommandFailure(Self.saved(order, but: error.description), status: .ioError)
        }
    }

    /// Who acts in this command: with `--email`, that account once its password (COMPTOIR_PASSWORD
    /// or a prompt) is verified, the attempt journaled and no session touched; else the session.
    func shopper(_ customer: CustomerOptions) throws -> Shopper {
        guard let email = customer.email else { return try customer.session.shopper() }
        let account = try logIn(email: email, password: try customer.password(), session: nil)
        return .account(account.id)
    }

    /// Places an order and returns it. A failure once the order is journaled (its mail, say, on a
    /// full disk) names the order and its payment, so that nobody orders or pays twice.
    func placeOrder(_ request: CheckoutRequest, by shopper: Shopper) throws -> Order? {
        let before = Set(commerce.orderNumbers)
        func placed() -> Order? {
            commerce.orderNumbers.first { !before.contains($0) }.flatMap { commerce.orders[$0] }
        }
        do throws(ServiceError) {
            try service.trade(.placeOrder(request, by: shopper))
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

    /// Opens the shop for a command that needs a customer: `--session` is checked before any file
    /// is touched, then who acts, who must be logged in.
    static func forCustomer(
        _ customer: CustomerOptions, data: DataOptions
    ) throws -> (session: ShopSession, shopper: Shopper, account: Account) {
        _ = try customer.session.shopper()
        let session = try ShopSession(data: data)
        let (shopper, account) = try session.authenticate(customer)
        return (session, shopper, account)
    }

    /// Who acts, who must be a customer: the account of `--email`, or the session's, logged in.
    func authenticate(_ customer: CustomerOptions) throws -> (shopper: Shopper, account: Account) {
        let shopper = try shopper(customer)
        do {
            return (shopper, try service.customer(shopper))
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Verifies the password and records the attempt; a right one logs `session` in (none: it
    /// only proves who acts). A refused login throws the reason.
    @discardableResult
    func logIn(email: String, password: String, session: String?) throws -> Account {
        do {
            return try service.logIn(email: email, password: password, session: session).account
        } catch {
            throw CommandFailure(error)
        }
    }
}

/// `--session NAME` (or COMPTOIR_SESSION): the local session a command acts in.
struct SessionOptions: ParsableArguments {
    static let variable = "COMPTOIR_SESSION"

    @Option(help: ArgumentHelp(
        "Act in this local session, with its own cart and login (default: $COMPTOIR_SESSION, else the session the terminal shop uses).",
        valueName: "NAME"))
    var session: String?

    /// The session named by `--session`, else COMPTOIR_SESSION, else the default local session.
    func shopper() throws -> Shopper {
        if session == nil, let ssh = Self.sshSession() { return ssh }
        let named = session ?? ProcessInfo.processInfo.environment[Self.variable].flatMap { $0.isEmpty ? nil : $0 }
        guard let named else { return .local }
        do {
            return try Shopper.localSession(named: named)
        } catch {
            let source = session == nil ? Self.variable : "--session"
            throw CommandFailure("\(source): \(error.description)", status: .usage)
        }
    }

    /// The SSH customer's session (`ssh:SHA256:…`, `ssh:account:EMAIL`) that `comptoir serve` gives an
    /// `exec` command it runs as a child in COMPTOIR_SSH_SESSION; it reaches no more than `--session`
    /// on a data folder that is the server user's own.
    static func sshSession() -> Shopper? {
        guard let name = ProcessInfo.processInfo.environment["COMPTOIR_SSH_SESSION"], name.hasPrefix("ssh:"),
              name.utf8.count <= 200, name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7f }) else { return nil }
        return .session(name)
    }

    /// The name of the session (see `Shopper`).
    func name() throws -> String {
        try shopper().sessionName ?? Shopper.localSessionName
    }
}

/// `--email` and `--session` for commands that act for a customer.
struct CustomerOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Act as this account for this one command, without touching any session; the password comes from COMPTOIR_PASSWORD or a prompt.",
        valueName: "ADDRESS"))
    var email: String?

    @OptionGroup var session: SessionOptions

    func password() throws -> String {
        try PasswordInput.read(prompt: "Password: ")
    }
}
