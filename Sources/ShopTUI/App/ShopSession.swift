import ShopCore
import ShopService
import ShopStore

/// The runtime around `update`: sends a message, carries out the effects through the application
/// layer (`ShopService`: every command journaled before the screen says so), and feeds their
/// outcome back as messages. A
/// refused or failed command becomes a status line, never a crash. It also keeps shop time
/// moving (`tick`) and the mailbox read.
public final class ShopSession {
    public internal(set) var state: AppState
    public private(set) var isFinished = false
    private let service: ShopService
    private let runner: EffectRunner
    private var store: Store { service.store }
    /// Shop seconds per wall second: 1 for a real shop, thousands in `--demo` so parcels move live.
    public let clockSpeed: Int64
    private var pendingShopSeconds = 0.0
    private var ticksSinceMailboxRead = 0
    /// Runs searches and index builds of a `SearchMode.background` state off the loop's thread.
    private let searchWorker: SearchWorker
    /// Checks and hashes passwords off the loop's thread, so the screen draws while scrypt works.
    private let passwordWorker: PasswordWorker
    /// Logins and registrations whose password work runs, by request id.
    private var accountRequests: [Int: AccountRequest] = [:]
    /// The screen request each of them answers, when a screen asked (`Effect.request`).
    private var accountRequestAddresses: [Int: RequestID] = [:]
    private var nextRequest = 1
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

    public init(service: ShopService, state: AppState, clockSpeed: Int64 = 1) {
        self.service = service
        self.runner = EffectRunner(service: service)
        self.state = state
        self.clockSpeed = max(1, clockSpeed)
        self.searchWorker = SearchWorker()
        self.passwordWorker = PasswordWorker(hasher: service.hasher)
        self.shownSequence = service.store.sequence
        self.shownCatalogueVersion = service.store.catalogueVersion
        self.warningsShown = service.store.warnings.count
        self.state.now = service.now
        self.state.mailbox = readMailbox() ?? []
        // A large catalogue's index is built once the first frame is drawn.
        unstartedWork = self.state.takeBackgroundWork()
    }

    /// Whether a background search or index build is waiting, running or has results not yet
    /// shown: the terminal loop then waits for keys only briefly, so results show as they come.
    public var hasBackgroundWork: Bool { !unstartedWork.isEmpty || searchWorker.isBusy || passwordWorker.isBusy }

    /// How long the terminal loop may wait for a key before it looks for finished background
    /// work, in milliseconds: 4 while search results are on their way (they take a few
    /// milliseconds at 1,000,000 products), 50 while only the index is being built (seconds),
    /// nil when nothing runs and the loop's usual wait applies.
    public var backgroundPollMilliseconds: Int32? {
        guard hasBackgroundWork else { return nil }
        if passwordWorker.isBusy { return 10 }
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
        let passwords = passwordWorker.takeFinished()
        for message in passwords {
            guard case let .passwordWorkFinished(request, work) = message else { continue }
            let address = accountRequestAddresses.removeValue(forKey: request)
            for outcome in finishAccountRequest(request, work) { send(address.map { .answered($0, outcome) } ?? outcome) }
        }
        return !finished.isEmpty || !passwords.isEmpty
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
            guard leftSeconds > 0, searchWorker.waitUntilIdle(timeout: leftSeconds),
                  passwordWorker.waitUntilIdle(timeout: leftSeconds) else { return false }
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
        outcome.append(.tick(service.now))
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
    /// Password work it starts is waited for (at most 10 s) and its outcome applied.
    func perform(testing effect: Effect) {
        for message in perform(effect) { send(message) }
        _ = waitForBackgroundWork(timeout: 10)
    }

    private func perform(_ effect: Effect) -> [Message] {
        switch effect {
        case .quit:
            isFinished = true
            return []
        case .search, .buildIndex:
            unstartedWork.append(effect)
            return []
        case let .request(id, effect):
            let firstAccountRequest = nextRequest
            let outcome = perform(effect)
            if nextRequest != firstAccountRequest { accountRequestAddresses[firstAccountRequest] = id }
            return outcome.map { .answered(id, $0) }
        case let .logIn(email, password):
            let check = service.passwordCheck(email: email)
            let request = startAccountRequest(.logIn(check, session: state.shopper.sessionName))
            passwordWorker.verify(request: request, check, password: password)
            return [.notice("Logging in…", isError: false)]
        case let .register(registration, password):
            do throws(ServiceError) {
                try service.checkAddressFree(registration)
            } catch {
                return [.commandFailed(error.description)]
            }
            let request = startAccountRequest(.register(registration, session: state.shopper.sessionName))
            passwordWorker.hash(request: request, password: password)
            return [.notice("Creating your account…", isError: false)]
        default:
            let messages = runner.outcome(of: effect, for: state.shopper) ?? []
            if messages.contains(where: { if case .mailboxChanged = $0 { return true } else { return false } }) {
                ticksSinceMailboxRead = 0
            }
            return messages
        }
    }

    private func startAccountRequest(_ request: AccountRequest) -> Int {
        let id = nextRequest
        nextRequest += 1
        accountRequests[id] = request
        return id
    }

    /// Finishes on the store the login or registration `request` whose password work is done.
    private func finishAccountRequest(_ request: Int, _ work: PasswordWork) -> [Message] {
        guard let pending = accountRequests.removeValue(forKey: request) else { return [] }
        switch (pending, work) {
        case let (.logIn(check, session), .verified(right)):
            return runner.loggedIn { () throws(ServiceError) in try service.finishLogIn(check, verified: right, session: session) }
        case let (.register(registration, session), .hashed(hash)):
            return runner.registered(registration) { () throws(ServiceError) in
                try service.finishRegistration(registration, passwordHash: hash, session: session)
            }
        case let (_, .failed(reason)):
            return [.commandFailed("The password could not be hashed: \(reason)")]
        case (.logIn, .hashed), (.register, .verified):
            return [.commandFailed("The login could not be finished: try again")]
        }
    }

    private func runTrade(_ command: CommerceCommand, note: String?) -> [Message] {
        runner.trade(command, note: note)
    }

    /// The mailbox in `DATA/mail`, oldest first; nil when it cannot be read.
    private func readMailbox() -> [MailboxEntry]? {
        ticksSinceMailboxRead = 0
        return runner.readMailbox()
    }
}

/// A login or registration waiting for its password work, with what finishing it needs.
private enum AccountRequest {
    case logIn(PasswordCheck, session: String?)
    case register(AccountRegistration, session: String?)
}
