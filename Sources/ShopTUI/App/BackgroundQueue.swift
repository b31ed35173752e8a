import Dispatch
import Synchronization

/// One serial queue off the thread that reads keys and draws frames, with the mailbox its finished
/// jobs leave their messages in until the runtime collects them (`takeFinished`) and sends them to
/// `update`. The search worker and the password worker each run on one.
final class BackgroundQueue: Sendable {
    private struct Mailbox {
        var finished: [Message] = []
        /// Jobs queued and not yet done.
        var outstanding = 0
    }

    private let queue: DispatchQueue
    private let group = DispatchGroup()
    private let mailbox = Mutex(Mailbox())

    init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    /// Runs `job` on the queue; the message it returns, if any, waits for `takeFinished`.
    func run(_ job: @escaping @Sendable () -> Message?) {
        mailbox.withLock { $0.outstanding += 1 }
        queue.async(group: group) {
            let message = job()
            self.mailbox.withLock { mailbox in
                if let message { mailbox.finished.append(message) }
                mailbox.outstanding -= 1
            }
        }
    }

    /// Whether some work is queued, running, or finished and not collected.
    var isBusy: Bool {
        mailbox.withLock { $0.outstanding > 0 || !$0.finished.isEmpty }
    }

    /// The messages of finished work, oldest first.
    func takeFinished() -> [Message] {
        mailbox.withLock { mailbox in
            defer { mailbox.finished = [] }
            return mailbox.finished
        }
    }

    /// Blocks until every job started so far is done, or `seconds` passed; true when done. For
    /// tests and benchmarks: the terminal loop never waits, it collects what is finished.
    func waitUntilIdle(timeout seconds: Double) -> Bool {
        group.wait(timeout: .now() + .nanoseconds(Int(seconds * 1_000_000_000))) == .success
    }
}
