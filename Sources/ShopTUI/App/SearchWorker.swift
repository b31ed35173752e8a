import Dispatch
import ShopCore
import Synchronization

/// Runs the interface's background work (`Effect.search`, `Effect.buildIndex`) on one serial
/// queue, off the thread that reads keys and draws frames. Only the newest search request is kept:
/// one asked for while another runs replaces any still waiting, so a burst of keys costs one
/// search at the end, not one per key. Finished work waits in a mailbox until the runtime
/// collects it (`takeFinished`) and sends it to `update`: the terminal loop looks every few
/// milliseconds while the worker is busy (`ShopSession.backgroundPollMilliseconds`).
public final class SearchWorker: Sendable {
    private struct Mailbox {
        /// The newest search not started yet, with the index it runs on.
        var waitingSearch: (request: SearchRequest, index: SearchIndex)?
        var finished: [Message] = []
        /// Jobs queued and not yet done.
        var outstanding = 0
    }

    private let queue = DispatchQueue(label: "comptoir.search", qos: .userInitiated)
    private let group = DispatchGroup()
    private let mailbox = Mutex(Mailbox())

    public init() {}

    /// Starts `effect` if it is background work, against `state` as it is now; false otherwise.
    public func start(_ effect: Effect, state: AppState) -> Bool {
        switch effect {
        case let .search(request):
            guard let index = state.index else { return true }
            mailbox.withLock { mailbox in
                mailbox.waitingSearch = (request, index)
                mailbox.outstanding += 1
            }
            queue.async(group: group) { self.runWaitingSearch() }
            return true
        case let .buildIndex(generation):
            let catalogue = state.shop.catalogue
            mailbox.withLock { $0.outstanding += 1 }
            queue.async(group: group) {
                let index = SearchIndex(catalogue: catalogue)
                self.finish(.indexBuilt(generation: generation, index: index))
            }
            return true
        default:
            return false
        }
    }

    /// Whether some work is queued, running, or finished and not collected.
    public var isBusy: Bool {
        mailbox.withLock { $0.outstanding > 0 || !$0.finished.isEmpty }
    }

    /// The outcomes of finished work, oldest first, for `update`.
    public func takeFinished() -> [Message] {
        mailbox.withLock { mailbox in
            defer { mailbox.finished = [] }
            return mailbox.finished
        }
    }

    /// Blocks until every job started so far is done, or `seconds` passed; true when done. For
    /// tests and benchmarks: the terminal loop never waits, it collects what is finished.
    public func waitUntilIdle(timeout seconds: Double) -> Bool {
        group.wait(timeout: .now() + .nanoseconds(Int(seconds * 1_000_000_000))) == .success
    }

    private func runWaitingSearch() {
        let job = mailbox.withLock { mailbox in
            defer { mailbox.waitingSearch = nil }
            return mailbox.waitingSearch
        }
        guard let job else {
            // A later request replaced this one and already ran.
            mailbox.withLock { $0.outstanding -= 1 }
            return
        }
        finish(.searchFinished(generation: job.request.generation, results: job.index.search(job.request.query)))
    }

    private func finish(_ message: Message) {
        mailbox.withLock { mailbox in
            mailbox.finished.append(message)
            mailbox.outstanding -= 1
        }
    }
}
