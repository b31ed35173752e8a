import ShopCore
import ShopStore

/// The runtime around `update`: sends a message, carries out the effects on the store (every
/// command journaled before the screen says so), and feeds their outcome back as messages. A
/// refused or failed command becomes a status line, never a crash. It also keeps shop time
/// moving (`tick`) and the mailbox read.
public final class ShopSession {
    public private(set) var state: AppState
    public private(set) var isFinished = false
    private let store: Store
    private let hasher: any PasswordHasher
    /// Shop seconds per wall second: 1 for a real shop, thousands in `--demo` so parcels move live.
    public let clockSpeed: Int64
    private var pendingShopSeconds = 0.0
    private var ticksSinceMailboxRead = 0

    public init(store: Store, state: AppState, hasher: any PasswordHasher, clockSpeed: Int64 = 1) {
        self.store = store
        self.state = state
        self.hasher = hasher
        self.clockSpeed = max(1, clockSpeed)
        self.state.now = store.shopTime
        self.state.mailbox = readMailbox() ?? []
    }

    public func send(_ message: Message) {
        var pending = [message]
        while !pending.isEmpty {
            let effects = update(&state, pending.removeFirst())
            for effect in effects {
                pending += perform(effect)
            }
        }
    }

    /// Called by the terminal loop about once a second with the wall time since the last call:
    /// speeds shop time up in demo mode, records what shop time made due (shipments, scans,
    /// expiries) and tells the interface the new time and any new mail.
    public func tick(elapsedWallSeconds: Double) {
        var outcome: [Message] = []
        if clockSpeed > 1, !awaitsCustomerPayment {
            pendingShopSeconds += elapsedWallSeconds * Double(clockSpeed - 1)
            let whole = Int64(pendingShopSeconds)
            if whole > 0 {
                pendingShopSeconds -= Double(whole)
                outcome += runTrade(.advanceClock(seconds: whole), note: nil)
            }
        } else if hasOrdersInProgress {
            outcome += runTrade(.catchUp, note: nil)
        }
        ticksSinceMailboxRead += 1
        if ticksSinceMailboxRead >= 5, let mailbox = readMailbox(), mailbox != state.mailbox {
            outcome.append(.mailboxChanged(mailbox))
        }
        outcome.append(.tick(store.shopTime))
        for message in outcome { send(message) }
    }

    /// A placed order waits for the customer to pay by card or wallet (a 3-D Secure code to type,
    /// a wallet to approve, a declined card to replace). Fast demo time holds meanwhile: at
    /// thousands of shop seconds a second the five-minute code, and the unpaid order itself,
    /// would expire before anyone could type. Shop time then runs at the wall clock's pace.
    private var awaitsCustomerPayment: Bool {
        let commerce = store.state.commerce
        return commerce.orderNumbers.contains { number in
            guard let order = commerce.orders[number], order.state == .placed, !order.isPaid else { return false }
            if case .cash? = order.currentPayment { return false }
            return true
        }
    }

    private var hasOrdersInProgress: Bool {
        let commerce = store.state.commerce
        return commerce.orderNumbers.contains { number in
            guard let order = commerce.orders[number] else { return false }
            return order.state == .placed || order.returns.contains { $0.receivedAt == nil }
        }
    }

    private func perform(_ effect: Effect) -> [Message] {
        switch effect {
        case .quit:
            isFinished = true
            return []
        case let .execute(command, note):
            do throws(StoreError) {
                let events = try store.execute(command)
                return [.commandSucceeded(events: events, state: store.state, note: note)]
            } catch {
                return [.commandFailed(error.description)]
            }
        case let .trade(command, note):
            return runTrade(command, note: note)
        case let .logIn(email, password):
            let now = store.shopTime
            let command = store.state.commerce.logInCommand(email: email, password: password, hasher: hasher, at: now)
            if store.state.commerce.account(email: email) == nil {
                // Spend the time of a real check, so timing does not tell which addresses exist.
                _ = hasher.verifyWithoutAccount(password)
            }
            var messages = runTrade(command, note: nil)
            if let refusal = store.state.commerce.loginRefusal(email: email, at: store.shopTime) {
                messages.append(.commandFailed(refusal.description))
            } else if let account = store.state.commerce.currentAccount {
                messages = messages.map { message in
                    guard case let .commandSucceeded(events, state, _) = message else { return message }
                    return .commandSucceeded(events: events, state: state, note: "Logged in as \(account.name)")
                }
            }
            return messages
        case let .register(registration, password):
            if store.state.commerce.account(email: registration.email.value) != nil {
                return [.commandFailed(CommerceError.emailTaken(registration.email.value).description)]
            }
            let hash: PasswordHash
            do {
                hash = try hasher.hash(password)
            } catch {
                return [.commandFailed("The password could not be hashed: \(error)")]
            }
            return runTrade(.register(registration, passwordHash: hash),
                            note: "Account created for \(registration.email.value): you are logged in")
        case let .markMessageRead(key):
            do {
                try Maildir(dataFolder: store.folder.path).markRead(key)
            } catch {
                return [.commandFailed("The message could not be marked read: \(error)")]
            }
            return readMailbox().map { [.mailboxChanged($0)] } ?? []
        }
    }

    /// Runs a trade command; the outcome, then the mailbox if the command sent mail. A nil note
    /// leaves the status line alone (ticks).
    private func runTrade(_ command: CommerceCommand, note: String?) -> [Message] {
        let events: [ShopEvent]
        do {
            events = try store.trade(command)
        } catch let error as StoreError {
            return [.commandFailed(error.description)]
        } catch {
            // The events are journaled; only writing the mail failed.
            return [.commandSucceeded(events: [], state: store.state, note: note ?? ""),
                    .commandFailed("The shop's messages could not be written to \(store.folder.path)/mail: \(error)")]
        }
        var messages: [Message] = []
        if !events.isEmpty || note != nil {
            messages.append(.commandSucceeded(events: events, state: store.state, note: note ?? ""))
        }
        let sentMail = events.contains { event in
            if case .commerce(.messageQueued) = event { return true } else { return false }
        }
        if sentMail, let mailbox = readMailbox() { messages.append(.mailboxChanged(mailbox)) }
        return messages
    }

    /// The mailbox in `DATA/mail`, oldest first; nil when it cannot be read.
    private func readMailbox() -> [MailboxEntry]? {
        ticksSinceMailboxRead = 0
        return try? Maildir(dataFolder: store.folder.path).messages()
    }
}
