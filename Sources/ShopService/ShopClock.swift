import Foundation
import ShopCore

/// Where the wall clock comes from, injected at the edge: the real clock in the shop and the
/// CLI, a fixed clock in tests. Shop time is this reading plus the offset the state keeps
/// (`courier advance`, the demo's accelerated time), so every process shares one shop time.
public protocol ShopClock: Sendable {
    var now: ShopInstant { get }
}

/// The system's wall clock.
public struct WallClock: ShopClock {
    public init() {}

    public var now: ShopInstant { ShopInstant(secondsSince1970: Int64(Date().timeIntervalSince1970)) }
}

/// A clock that reads what it was set to, and moves only when told: for tests.
public final class FixedClock: ShopClock, @unchecked Sendable {
    private let lock = NSLock()
    private var reading: ShopInstant

    public init(_ start: ShopInstant) { reading = start }

    public var now: ShopInstant { lock.withLock { reading } }

    /// Moves the clock `seconds` ahead.
    public func advance(seconds: Int64) {
        lock.withLock { reading = reading.adding(seconds: seconds) }
    }
}
