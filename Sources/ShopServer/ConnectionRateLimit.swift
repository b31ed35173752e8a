import Foundation
import Synchronization

/// At most `perMinute` new connections a minute from one address; the rest are closed at once.
final class ConnectionRateLimit: Sendable {
    let perMinute: Int
    private let recent = Mutex<[String: [Date]]>([:])

    init(perMinute: Int) {
        self.perMinute = perMinute
    }

    /// Whether a connection from `address` may go on now (and counts it if so).
    func admit(_ address: String, now: Date = Date()) -> Bool {
        recent.withLock { recent in
            let window = now.addingTimeInterval(-60)
            if recent.count > 10_000 { recent = recent.filter { $0.value.contains { $0 > window } } }
            var times = recent[address, default: []].filter { $0 > window }
            guard times.count < perMinute else {
                recent[address] = times
                return false
            }
            times.append(now)
            recent[address] = times
            return true
        }
    }
}
