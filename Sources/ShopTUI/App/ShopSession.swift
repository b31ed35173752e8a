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
    /// Runs searches and index builds of a `SearchMode.background` state off the loop's thread.
    private let searchWorker: SearchWorker
    /// Background work asked for and not started yet: it starts once the frame is drawn
    /// (`startBackgroundWork`), so that it does not compete with the frame for a core.
    private var unstartedWork: [Effect] = []
    /// The journal position and catalogue version the screen last showed (see `follow()`).
    private var shownSequence: UInt64
    private var shownCatalogueVersion: Int
    /// The last problem following the store ran into, said once in the status line.
    private var followProblem: String?
    /// How many of the store's warnings the status line has said (a torn record cut while following).
    private var warningsShown: Int

    public init(store: Store, state: AppState, hasher: any PasswordHasher, clockSpeed: Int64 = 1) {
        self.store = store
        self.state = state
        self.hasher = hasher
        self.clockSpeed = max(1, clockSpeed)
        self.searchWorker = SearchWorker()
        self.shownSequence = store.sequence
        self.shownCatalogueVersion = store.catalogueVersion
        self.warningsShown = store.warnings.count
        self.state.now = store.shopTime
        self.state.mailbox = readMailbox() ?? []
        // A large catalogue's index is built once the first frame is drawn.
        unstartedWork = self.state.takeBackgroundWork()
    }

    /// Whether a background search or index build is waiting, running or has results not yet
    /// shown: the terminal loop then waits for keys only briefly, so results show as they come.
    public var hasBackgroundWork: Bool { !unstartedWork.isEmpty || searchWorker.isBusy }

    /// How long the terminal loop may wait for a key before it looks for finished background
    /// work, in milliseconds: 4 while search results are on their way (they take a few
    /// milliseconds at 1,000,000 products), 50 while only the index is being built (seconds),
    /// nil when nothing runs and the loop's usual wait applies.
    public var backgroundPollMilliseconds: Int32? {
        guard hasBackgroundWork else { return nil }
        return state.isIndexing && state.searchProgress.inFlight == nil ? 50 : 4
    }

    /// Starts the background work asked for since the last call; the terminal loop calls it after
    /// drawing the frame.
    public func startBackgroundWork() {
        let work = unstartedWork
        unstartedWork = []
        for effect in work { _ = searchWorker.start(effect, state: state) }
    }

    /// Sends the outcome of finished background work (search results, a built index) to `update`.
    /// Returns whether there was any.
    @discardableResult
    public func collectBackgroundWork() -> Bool {
        let finished = searchWorker.takeFinished()
        for message in finished { send(message) }
        return !finished.isEmpty
    }

    /// Starts the background work asked for, waits until it and whatever its outcome asks for
    /// next is done (at most `seconds`) and collects it; true when all is done. For tests and
    /// benchmarks: the terminal loop never waits.
    public func waitForBackgroundWork(timeout seconds: Double) -> Bool {
        startBackgroundWork()
        let clock = ContinuousClock()
        let deadline = clock.now + .nanoseconds(Int64(seconds * 1_000_000_000))
        while hasBackgroundWork {
            let left = clock.now.duration(to: deadline).components
            let leftSeconds = Double(left.seconds) + Double(left.attoseconds) / 1e18
            guard leftSeconds > 0, searchWorker.waitUntilIdle(timeout: leftSeconds) else { return false }
            collectBackgroundWork()
            startBackgroundWork()
        }
        return true
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

    /// Shows what other processes committed since the screen last showed the shop (another
    /// terminal, `comptoir courier advance`, `agent pay`, an import), and their mail. Reads only what
    /// was appended to the journal since the last look, so the terminal loop calls it every few
    /// hundred milliseconds. Returns whether the shop changed.
    @discardableResult
    public func follow() -> Bool {
        var outcome: [Message] = []
        do throws(StoreError) {
            try store.refresh()
            followProblem = nil
        } catch {
            if followProblem != error.description {
                followProblem = error.description
                outcome.append(.commandFailed(error.description))
            }
        }
        for warning in store.warnings.dropFirst(warningsShown) { outcome.append(.notice(warning, isError: true)) }
        warningsShown = store.warnings.count
        let catalogueChanged = store.catalogueVersion != shownCatalogueVersion
        let changed = catalogueChanged || store.sequence != shownSequence
        if changed {
            shownSequence = store.sequence
            shownCatalogueVersion = store.catalogueVersion
            outcome.append(.shopChanged(store.state, catalogueChanged: catalogueChanged))
            if let mailbox = readMailbox(), mailbox != state.mailbox { outcome.append(.mailboxChanged(mailbox)) }
        }
        for message in outcome { send(message) }
        return changed
    }

    /// Called by the terminal loop about once a second with the wall time since the last call:
    /// speeds shop time up in demo mode, records what shop time made due (shipments, scans,
    /// expiries), follows what other processes committed, and tells the interface the new time and
    /// any new mail.
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
        for message in outcome { send(message) }
        outcome = []
        follow()
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
        store.state.commerce.ordersInProgress.contains { order in
            guard order.state == .placed, !order.isPaid else { return false }
            if case .cash? = order.currentPayment { return false }
            return true
        }
    }

    private var hasOrdersInProgress: Bool { !store.state.commerce.ordersInProgress.isEmpty }

    /// Carries out one effect as if `update` had asked for it, and applies the outcome.
    func perform(testing effect: Effect) {
        for message in perform(effect) { send(message) }
    }

    private func perform(_ effect: Effect) -> [Message] {
        switch effect {
        case .quit:
            isFinished = true
            return []
        case .search, .buildIndex:
            unstartedWork.append(effect)
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
            // The password is checked against the account as other processes may just have changed it.
            _ = try? store.refresh()
            let now = store.shopTime
            let command = store.state.commerce.logInCommand(
                email: email, password: password, hasher: hasher, at: now, session: state.shopper.sessionName)
            if store.state.commerce.account(email: email) == nil {
                // Spend the time of a real check, so timing does not tell which addresses exist.
                _ = hasher.verifyWithoutAccount(password)
            }
            var messages = runTrade(command, note: nil)
            if let refusal = store.state.commerce.loginRefusal(after: command, at: store.shopTime) {
                messages.append(.commandFailed(refusal.description))
            } else if let account = store.state.commerce.account(of: state.shopper) {
                messages = messages.map { message in
                    guard case let .commandSucceeded(events, state, _) = message else { return message }
                    return .commandSucceeded(events: events, state: state, note: "Logged in as \(account.name)")
                }
            }
            return messages
        case let .register(registration, password):
            _ = try? store.refresh()
            if store.state.commerce.account(email: registration.email.value) != nil {
                return [.commandFailed(CommerceError.emailTaken(registration.email.value).description)]
            }
            let hash: PasswordHash
            do {
                hash = try hasher.hash(password)
            } catch {
                return [.commandFailed("The password could not be hashed: \(error)")]
            }
            return runTrade(.register(registration, passwordHash: hash, session: state.shopper.sessionName),
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
