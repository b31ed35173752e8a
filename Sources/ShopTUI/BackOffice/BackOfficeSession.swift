import ShopCore
import ShopService
import ShopStore

/// The back office's runtime around `BackOfficeUpdate`, on the same `ShopWorker` as the shop's:
/// staff logins and merchant actions run on the worker's queue, off the thread that reads keys
/// and draws (every action journaled there before the screen says so), and their outcome comes
/// back to the screen that asked. It follows what other processes commit (a customer's order, a
/// support message) through the worker's published `ShopSnapshot`, within the loop's wait.
public final class BackOfficeSession: TerminalApplication {
    public private(set) var state: BackOfficeState
    public private(set) var isFinished = false
    public let worker: ShopWorker
    private let requester: Int
    /// Requests on their way, with the screen each answers (nil: a pane's key).
    private var awaiting: [Int: BackOfficeScreen.Layer?] = [:]
    /// Where the shop the screen shows stands.
    private var shown: ShopSnapshot.Version

    /// A back office on `worker`; `state` should show the worker's shop.
    public init(worker: ShopWorker, state: BackOfficeState) {
        self.worker = worker
        requester = worker.attach()
        self.state = state
        let snapshot = worker.snapshot
        shown = snapshot.version
        self.state.shop = snapshot.state
        self.state.now = worker.now
    }

    deinit { worker.detach(requester) }

    public var hasBackgroundWork: Bool { !awaiting.isEmpty || worker.isBusy(requester, shown: shown) }
    public var backgroundPollMilliseconds: Int32? { hasBackgroundWork ? 10 : nil }
    public var clockSpeed: Int64 { (worker.clock as? AcceleratedClock)?.speed ?? 1 }
    public var themeIndex: Int { state.themeIndex }
    public var frameMark: FrameMark { FrameMark(shop: state.shop, mailboxCount: 0) }
    public func render() -> Canvas { BackOfficeView.render(state) }
    public func startBackgroundWork() {}

    public func send(_ message: Message) {
        perform(BackOfficeUpdate.update(&state, message))
    }

    /// Logs in with the address and password given on the command line (`--email`, `COMPTOIR_PASSWORD`).
    public func logIn(email: String, password: String) {
        perform(BackOfficeUpdate.logIn(&state, email: email, password: password))
    }

    @discardableResult
    public func collectBackgroundWork() -> Bool { deliver().any }

    public func tick(elapsedWallSeconds: Double) {
        worker.catchUp(for: requester)
        deliver()
        send(.tick(worker.now))
    }

    @discardableResult
    public func follow() -> Bool {
        worker.follow(for: requester)
        return deliver().shopChanged
    }

    /// Waits (at most `seconds`) until what this session asked for is done and shown; for tests.
    public func waitForBackgroundWork(timeout seconds: Double) -> Bool {
        guard worker.waitUntilIdle(requester, timeout: seconds) else { return false }
        deliver()
        return true
    }

    private func perform(_ effects: [BackOfficeEffect]) {
        for effect in effects {
            switch effect {
            case .quit:
                isFinished = true
            case let .logIn(email, password):
                let request = worker.submit(for: requester) { service in
                    do throws(ServiceError) {
                        let member = try service.authenticateStaff(email: email, password: password)
                        return [.commandSucceeded(events: [], state: service.state, note: "Logged in as \(member.name)")]
                    } catch {
                        return [.commandFailed(error.description)]
                    }
                }
                awaiting[request] = .login
            case let .act(action, note, layer):
                guard let staff = state.staff else {
                    BackOfficeUpdate.answer(&state, from: layer, .commandFailed("Log in first: the back office acts as a member of staff"))
                    continue
                }
                let request = worker.submit(.trade(.merchant(action, staff: staff.email), note: note), shopper: .local, for: requester)
                awaiting[request] = layer
            }
        }
    }

    /// Hands the outcomes of this session's finished requests to the screens that asked, then what
    /// changed in the published shop.
    @discardableResult
    private func deliver() -> (any: Bool, shopChanged: Bool) {
        let (results, snapshot) = worker.take(requester)
        var shopChanged = false
        for result in results {
            guard let layer = awaiting.removeValue(forKey: result.request) else { continue }
            for message in result.messages {
                BackOfficeUpdate.answer(&state, from: layer, message)
                if case .commandSucceeded = message {
                    shown.sequence = result.sequence
                    shown.catalogueVersion = result.catalogueVersion
                    shopChanged = true
                }
            }
        }
        guard snapshot.version != shown else { return (!results.isEmpty, shopChanged) }
        if snapshot.version.problemVersion != shown.problemVersion, let problem = snapshot.problem {
            send(.notice(problem.notice, isError: true))
        }
        let changed = snapshot.version.sequence != shown.sequence || snapshot.version.catalogueVersion != shown.catalogueVersion
        if changed { send(.shopChanged(snapshot.state, catalogueChanged: false)) }
        shown = snapshot.version
        return (true, shopChanged || changed)
    }
}
