import Foundation

/// What the listening connection (on an event-loop thread) tells the store's thread: a notification
/// came, or listening stopped. `take()` costs a lock and no round trip.
final class NewsSignal: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending = true
    private var listening = false

    var isListening: Bool {
        condition.lock()
        defer { condition.unlock() }
        return listening
    }

    /// A notification came (another writer committed, or this one did).
    func signal() {
        condition.lock()
        pending = true
        condition.broadcast()
        condition.unlock()
    }

    /// Listening started (or stopped): either way something may have been missed meanwhile.
    func setListening(_ value: Bool) {
        condition.lock()
        listening = value
        pending = true
        condition.broadcast()
        condition.unlock()
    }

    /// Whether news came since the last call; clears it.
    func take() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let had = pending
        pending = false
        return had
    }

    /// Waits at most `seconds` for news; true when some came (left for `take()`).
    func wait(seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: max(0, seconds))
        condition.lock()
        defer { condition.unlock() }
        // Bounded by the deadline: each turn waits until it or a signal.
        while !pending {
            if !condition.wait(until: deadline) { break }
        }
        return pending
    }
}
