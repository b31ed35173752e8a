#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import ShopCore

/// Reads a snapshot's orders and tickets on another thread while the shop opens: with 100,000 orders,
/// decoding and indexing them takes longer than the whole catalogue, and the first screen needs none
/// of them (see `ShopState.commerceBeforeOrders`). Whoever reads the trade state waits for them.
///
/// The section is checksummed with the rest of the snapshot before the snapshot is used, so a failure
/// here means bytes a Comptoir wrote and cannot read: a fault, not damage. The process then stops with
/// the store's message before anything acts on a trade state without its orders.
final class BackgroundOrders: @unchecked Sendable {
    /// Sections smaller than this are read at once: the thread would cost more than it saves.
    let fromBytes: Int
    private let file: String
    private let keeper: MappedFile
    private let group = DispatchGroup()
    /// Set once, before `group` is left.
    private var result: Result<Commerce, DecodingFailure>?
    /// The bytes (relative to the payload) handed to the thread: opening releases the rest of the
    /// payload's pages, the thread these once read.
    private(set) var takenRange: Range<Int>?

    /// Why the process stopped, written at exit: after the exit handlers registered later (a terminal's,
    /// which restores the screen; the store opens before the terminal starts) have run.
    private static let lastWords = LastWords()
    private static let saysLastWordsAtExit: Void = {
        atexit { BackgroundOrders.lastWords.writeOut() }
    }()

    init(fromBytes: Int, file: String, keeper: MappedFile) {
        self.fromBytes = fromBytes
        self.file = file
        self.keeper = keeper
    }

    /// Starts reading `section` (see `CommerceEventCodec.readOrdersSection`) into `before`; `range` is
    /// where the section lies in the payload that starts `payloadOffset` bytes into the mapped file.
    func start(_ section: BinaryReader, into before: Commerce, range: Range<Int>, payloadOffset: Int) -> PendingCommerce {
        takenRange = range
        Self.saysLastWordsAtExit
        let pages = PageAdvice(mapped: keeper, offset: payloadOffset)
        let work = SectionReader(section: section)
        group.enter()
        // A thread of its own, not a pool thread: its priority is lowered for the rest of its life, so
        // that the products and the first screen, which do not wait for the orders, go first.
        let thread = Thread { [self] in
            Self.yieldToOtherThreads()
            pages.populate(range)
            var commerce = before
            do throws(DecodingFailure) {
                let (orders, tickets) = try CommerceEventCodec.readOrdersSection(work.section)
                commerce.restore(orders: orders, tickets: tickets)
                result = .success(commerce)
            } catch {
                result = .failure(error)
            }
            pages.release(range)
            group.leave()
        }
        thread.name = "comptoir-orders"
        thread.start()
        return PendingCommerce(waitingOn: { self.wait() }, isReady: { self.group.wait(timeout: .now()) == .success })
    }

    /// Lowers the calling thread's priority (nice 5: about a quarter of a core's share while other
    /// threads want the cores, all of it when they do not; not lower, since whoever waits for the
    /// orders cannot raise it again). On Linux the nice value is the thread's own and `who` 0 names
    /// the calling thread. A hint: where refused, nothing changes.
    private static func yieldToOtherThreads() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 5)
        #endif
    }

    private func wait() -> Commerce {
        group.wait()
        switch result {
        case let .success(commerce):
            return commerce
        case let .failure(failure):
            let error = StoreError.corrupted(file: file, offset: failure.offset, reason: failure.reason)
            // Every thread that waits gets here; the first stops the process, the others wait for that.
            guard Self.lastWords.say("comptoir: \(error.summary): its checksum is right, so this Comptoir cannot read what a Comptoir "
                + "wrote; nothing was changed. Run 'comptoir store verify' for details\n") else {
                while true { pause() }
            }
            exit(65)
        case nil:
            preconditionFailure("the orders' thread left without a result")
        }
    }
}

/// The bytes the orders' thread reads; they stay mapped while `BackgroundOrders` keeps their file.
private struct SectionReader: @unchecked Sendable {
    let section: BinaryReader
}

/// The line a process stopping on purpose leaves on standard error, at exit.
private final class LastWords: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?

    /// Keeps `line` unless one was already said; false then.
    func say(_ line: String) -> Bool {
        lock.withLock {
            guard message == nil else { return false }
            message = line
            return true
        }
    }

    func writeOut() {
        guard let line = lock.withLock({ message }) else { return }
        _ = line.withCString { write(2, $0, strlen($0)) }
    }
}
