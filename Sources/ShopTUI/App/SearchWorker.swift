import ShopCore
import Synchronization

/// Runs the interface's background work (`Effect.search`, `Effect.buildIndex`) on one serial
/// queue, off the thread that reads keys and draws frames. Only the newest search request is kept:
/// one asked for while another runs replaces any still waiting, so a burst of keys costs one
/// search at the end, not one per key. Finished work waits in a mailbox until the runtime
/// collects it (`takeFinished`) and sends it to `update`: the terminal loop looks every few
/// milliseconds while the worker is busy (`ShopSession.backgroundPollMilliseconds`).
public final class SearchWorker: Sendable {
    private let background = BackgroundQueue(label: "comptoir.search")
    /// The newest search not started yet, with the index it runs on.
    private let waitingSearch = Mutex<(request: SearchRequest, index: SearchIndex)?>(nil)

    public init() {}

    /// Starts `effect` if it is background work, against `state` as it is now; false otherwise.
    public func start(_ effect: Effect, state: AppState) -> Bool {
        switch effect {
        case let .search(request):
            guard let index = state.index else { return true }
            waitingSearch.withLock { $0 = (request, index) }
            background.run { self.runWaitingSearch() }
            return true
        case let .buildIndex(generation):
            let catalogue = state.shop.catalogue
            background.run { .indexBuilt(generation: generation, index: SearchIndex(catalogue: catalogue)) }
            return true
        default:
            return false
        }
    }

    /// Whether some work is queued, running, or finished and not collected.
    public var isBusy: Bool { background.isBusy }

    /// The outcomes of finished work, oldest first, for `update`.
    public func takeFinished() -> [Message] { background.takeFinished() }

    /// Blocks until every job started so far is done, or `seconds` passed; true when done. For
    /// tests and benchmarks: the terminal loop never waits, it collects what is finished.
    public func waitUntilIdle(timeout seconds: Double) -> Bool { background.waitUntilIdle(timeout: seconds) }

    /// Runs the newest waiting search; nil when a later request replaced this one and already ran.
    private func runWaitingSearch() -> Message? {
        let job = waitingSearch.withLock { waiting in
            defer { waiting = nil }
            return waiting
        }
        guard let job else { return nil }
        return .searchFinished(generation: job.request.generation, results: job.index.search(job.request.query, hiding: job.request.hidden))
    }
}
