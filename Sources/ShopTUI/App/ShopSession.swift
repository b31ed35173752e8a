import ShopCore
import ShopService
import ShopStore

/// The runtime around `update` for one screen: sends a message, hands the shop effects it asks for
/// to the `ShopWorker` (every command journaled there, off this thread, before the screen says so)
/// and feeds their outcome back as messages once done (`collectBackgroundWork`); searches run on
/// the session's own search worker. A refused or failed command becomes a status line, never a
/// crash. It also keeps shop time moving (`tick`) and shows what other sessions on the worker and
/// other processes committed (`follow`). Several sessions may share one worker; each gets the
/// outcome of its own requests only, and every one sees the shop change.
public final class ShopSession {
    public internal(set) var state: AppState
    public private(set) var isFinished = false
    /// The worker that owns the shop; shared when the session was made with `init(worker:state:)`.
    public let worker: ShopWorker
    /// This session's address on the worker: its outcomes come back to it only.
    private let requester: Int
    /// Commands handed to the worker whose outcome has not come back.
    private var awaiting: Set<Int> = []
    /// Upkeep asked of the worker (following, catching up) not done yet.
    private var awaitingUpkeep: Set<Int> = []
    /// The screen request each command answers, when a screen asked (`Effect.request`): its
    /// outcome comes back as `Message.answered` to that screen.
    private var addresses: [Int: RequestID] = [:]
    /// Shop seconds per wall second: 1 for a real shop, thousands in `--demo` (an `AcceleratedClock`).
    public var clockSpeed: Int64 { (worker.clock as? AcceleratedClock)?.speed ?? 1 }
    /// Runs searches and index builds of a `SearchMode.background` state off the loop's thread.
    private let searchWorker: SearchWorker
    /// Background work asked for and not started yet: it starts once the frame is drawn
    /// (`startBackgroundWork`), so that it does not compete with the frame for a core.
    private var unstartedWork: [Effect] = []
    /// Where the shop the screen shows stands (see `ShopSnapshot`).
    private var shown: ShopSnapshot.Version
    /// Keys and mouse events that came while a command of this session was on its way to the
    /// store, oldest first. They are handed to `update` once its outcome is back, so a key acts on
    /// the shop its earlier keys made: `a` then `c` typed within one fsync checks out the item just
    /// added instead of an empty cart.
    private var heldInput: [Message] = []
    /// Since when the commands in `awaiting` have been on their way.
    private var awaitingSince: ContinuousClock.Instant?
    /// How long input waits for a command's outcome at most: a store held by another process (up
    /// to seconds) must not freeze the keyboard; past it, keys act on the shop as shown.
    public var inputHoldLimit: Duration = .milliseconds(250)
    /// At most this many events are held; more flow on at once.
    static let heldInputLimit = 256

    /// A session on a worker of its own, which takes `service` over. With `clockSpeed` above 1 (the
    /// demo), shop time runs that much faster than `service`'s clock from now on.
    public convenience init(service: ShopService, state: AppState, clockSpeed: Int64 = 1) {
        var service = service
        if clockSpeed > 1, (service.clock as? AcceleratedClock)?.speed != clockSpeed {
            let clock = AcceleratedClock(speed: clockSpeed, start: service.clock.now)
            service = ShopService(store: service.store, clock: clock, entropy: service.entropy, hasher: service.hasher)
        }
        self.init(worker: ShopWorker(service: service), state: state)
    }

    /// A session on `worker`, which other sessions may share (`comptoir serve`: one a customer,
    /// all driven from one thread). `state` should show the worker's shop (`worker.snapshot.state`):
    /// the screen follows changes from there on.
    public init(worker: ShopWorker, state: AppState) {
        self.worker = worker
        self.requester = worker.attach()
        self.state = state
        self.searchWorker = SearchWorker()
        let snapshot = worker.snapshot
        self.shown = snapshot.version
        self.state.now = worker.now
        self.state.mailbox = snapshot.mailbox
        // A large catalogue's index is built once the first frame is drawn.
        unstartedWork = self.state.takeBackgroundWork()
    }

    deinit { worker.detach(requester) }

    /// Whether a background search, an index build or shop work this session asked for is waiting,
    /// running or has an outcome not yet shown, or the shop changed since shown: the terminal loop
    /// then waits for keys only briefly, so outcomes show as they come.
    public var hasBackgroundWork: Bool {
        !heldInput.isEmpty || !unstartedWork.isEmpty || searchWorker.isBusy || worker.isBusy(requester, shown: shown)
    }

    /// How long the terminal loop may wait for a key before it looks for finished background
    /// work, in milliseconds: 4 while search results are on their way (they take a few
    /// milliseconds at 1,000,000 products), 10 while the shop works for this session (a commit, a
    /// login), 50 while only the index is being built (seconds), nil when nothing runs and the
    /// loop's usual wait applies.
    public var backgroundPollMilliseconds: Int32? {
        guard hasBackgroundWork else { return nil }
        if !awaiting.isEmpty || !heldInput.isEmpty { return 10 }
        return state.isIndexing && state.searchProgress.inFlight == nil ? 50 : 4
    }

    /// Starts the background work asked for since the last call; the terminal loop calls it after
    /// drawing the frame.
    public func startBackgroundWork() {
        let work = unstartedWork
        unstartedWork = []
        for effect in work { _ = searchWorker.start(effect, state: state) }
    }

    /// Sends the outcome of finished background work (search results, a built index, the outcome
    /// of this session's shop requests, what changed in the shop) to `update`. Returns whether
    /// there was any.
    @discardableResult
    public func collectBackgroundWork() -> Bool {
        let finished = searchWorker.takeFinished()
        for message in finished { send(message) }
        let delivered = deliver()
        let released = releaseHeldInput()
        return !finished.isEmpty || delivered.any || released
    }

    /// Starts the background work asked for, waits until it and whatever its outcome asks for
    /// next is done (at most `seconds`) and collects it; true when all is done. For tests and
    /// benchmarks: the terminal loop never waits.
    public func waitForBackgroundWork(timeout seconds: Double) -> Bool {
        startBackgroundWork()
        let clock = ContinuousClock()
        let deadline = clock.now + .nanoseconds(Int64(seconds * 1_000_000_000))
        while hasBackgroundWork || worker.hasInFlight(requester) {
            let left = clock.now.duration(to: deadline).components
            let leftSeconds = Double(left.seconds) + Double(left.attoseconds) / 1e18
            guard leftSeconds > 0, searchWorker.waitUntilIdle(timeout: leftSeconds),
                  worker.waitUntilIdle(requester, timeout: leftSeconds) else { return false }
            collectBackgroundWork()
            startBackgroundWork()
        }
        return true
    }

    /// Hands `message` to `update` and carries out what it asks. A key or mouse event that comes
    /// while a command of this session is on its way to the store waits for its outcome (see
    /// `heldInput`); everything else goes at once.
    public func send(_ message: Message) {
        if message.isInput, !heldInput.isEmpty || holdsInput {
            heldInput.append(message)
            releaseHeldInput()
            return
        }
        handle(message)
    }

    /// Whether input must wait now: a command is on its way, for less than `inputHoldLimit`, and
    /// not too much input waits already.
    private var holdsInput: Bool {
        guard let awaitingSince, !awaiting.isEmpty, heldInput.count < Self.heldInputLimit else { return false }
        return ContinuousClock.now - awaitingSince < inputHoldLimit
    }

    /// Hands the held input to `update`, oldest first, until a key sends a command that must be
    /// waited for again. Returns whether any was handed on.
    @discardableResult
    private func releaseHeldInput() -> Bool {
        var released = false
        while !heldInput.isEmpty, !holdsInput {
            handle(heldInput.removeFirst())
            released = true
        }
        return released
    }

    private func handle(_ message: Message) {
        var pending = [message]
        while !pending.isEmpty {
            let effects = update(&state, pending.removeFirst())
            for effect in effects {
                pending += perform(effect)
            }
        }
        (worker.clock as? AcceleratedClock)?.holdForCheckout(state.isAtCheckout)
    }

    /// Asks the worker to read what other processes committed (another terminal, `comptoir courier
    /// advance`, `agent pay`, an import), and shows what is already known: their commits and those
    /// of the other sessions on the worker, and their mail. The terminal loop calls it every few
    /// hundred milliseconds; reading only what was appended costs little. Returns whether the shop
    /// shown changed.
    @discardableResult
    public func follow() -> Bool {
        awaitingUpkeep.insert(worker.follow(for: requester))
        return deliver().shopChanged
    }

    /// Called by the terminal loop about once a second: asks the worker to record what shop time
    /// made due (shipments, scans, expiries; shop time is the worker's clock's, faster in demo
    /// mode) and to follow other processes, then tells the interface the new time.
    /// `elapsedWallSeconds` is not needed any more: the clock knows how much time passed.
    public func tick(elapsedWallSeconds: Double) {
        awaitingUpkeep.insert(worker.catchUp(for: requester))
        deliver()
        send(.tick(worker.now))
    }

    /// Carries out one effect as if `update` had asked for it, and applies the outcome once the
    /// worker is done (at most 10 s).
    func perform(testing effect: Effect) {
        for message in perform(effect) { send(message) }
        _ = waitForBackgroundWork(timeout: 10)
    }

    private func perform(_ effect: Effect, address: RequestID? = nil) -> [Message] {
        switch effect {
        case let .request(id, effect):
            return perform(effect, address: id).map { .answered(id, $0) }
        case .quit:
            isFinished = true
            return []
        case .search, .buildIndex:
            unstartedWork.append(effect)
            return []
        case .logIn:
            submit(effect, answering: address)
            return [.notice("Logging in…", isError: false)]
        case .register:
            submit(effect, answering: address)
            return [.notice("Creating your account…", isError: false)]
        case .execute, .trade, .markMessageRead:
            submit(effect, answering: address)
            return []
        }
    }

    /// Hands a shop effect to the worker; its outcome will answer `address`, if a screen asked.
    private func submit(_ effect: Effect, answering address: RequestID?) {
        let request = worker.submit(effect, shopper: state.shopper, for: requester)
        if awaiting.isEmpty { awaitingSince = .now }
        awaiting.insert(request)
        if let address { addresses[request] = address }
    }

    /// Sends `update` the outcomes of this session's finished requests, oldest first, then what
    /// changed in the published shop since the screen last showed it.
    @discardableResult
    private func deliver() -> (any: Bool, shopChanged: Bool) {
        let (results, snapshot) = worker.take(requester)
        let wasAwaiting = !awaiting.isEmpty
        var shopChanged = false
        for result in results where awaiting.remove(result.request) != nil || awaitingUpkeep.remove(result.request) != nil {
            let address = addresses.removeValue(forKey: result.request)
            for message in result.messages {
                send(address.map { .answered($0, message) } ?? message)
                if case .commandSucceeded = message {
                    shown.sequence = result.sequence
                    shown.catalogueVersion = result.catalogueVersion
                    shopChanged = true
                }
            }
        }
        if awaiting.isEmpty { awaitingSince = nil }
        let changed = show(snapshot)
        releaseHeldInput()
        // The tick's catch-up answers with no message when nothing was due: nothing to draw (a
        // hosted screen would otherwise redraw every second for every idle customer).
        let answered = results.contains { !$0.messages.isEmpty } || (wasAwaiting && awaiting.isEmpty)
        return (answered || changed.any, shopChanged || changed.shopChanged)
    }

    /// Sends `update` what changed in `snapshot` since the screen last showed the shop.
    private func show(_ snapshot: ShopSnapshot) -> (any: Bool, shopChanged: Bool) {
        guard snapshot.version != shown else { return (false, false) }
        var messages: [Message] = snapshot.warnings.dropFirst(shown.warningCount).map { .notice($0, isError: true) }
        // A notice, not a `commandFailed`: it is no answer to what the customer asked (a form
        // waiting for its own outcome must not take it for a refusal).
        if snapshot.version.problemVersion != shown.problemVersion {
            if let problem = snapshot.problem {
                messages.append(.notice(problem.notice, isError: true))
            } else if let recovery = snapshot.recovered?.recoveryNotice {
                messages.append(.notice(recovery, isError: false))
            }
        }
        let catalogueChanged = snapshot.version.catalogueVersion != shown.catalogueVersion
        let shopChanged = catalogueChanged || snapshot.version.sequence != shown.sequence
        if shopChanged { messages.append(.shopChanged(snapshot.state, catalogueChanged: catalogueChanged)) }
        if snapshot.version.mailboxVersion != shown.mailboxVersion, snapshot.mailbox != state.mailbox {
            messages.append(.mailboxChanged(snapshot.mailbox))
        }
        shown = snapshot.version
        for message in messages { send(message) }
        return (!messages.isEmpty, shopChanged)
    }
}
