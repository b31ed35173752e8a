import Foundation
import ShopCore
import Synchronization

/// Seconds on a clock that only moves forward (not the time of day): what paces the demo's clock.
public protocol MonotonicSource: Sendable {
    var seconds: Double { get }
}

/// The system's monotonic clock, in seconds since this value was made.
public struct SystemMonotonic: MonotonicSource {
    private let start = ContinuousClock.now

    public init() {}

    public var seconds: Double {
        let elapsed = start.duration(to: ContinuousClock.now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }
}

/// A monotonic source that moves only when told: for tests that play the demo on simulated time.
public final class ManualMonotonic: MonotonicSource, @unchecked Sendable {
    private let lock = NSLock()
    private var reading = 0.0

    public init() {}

    public var seconds: Double { lock.withLock { reading } }

    /// Moves the source `seconds` ahead (a negative amount is ignored: it never goes back).
    public func advance(seconds: Double) {
        lock.withLock { reading += max(0, seconds) }
    }
}

/// The demo's shop time: `speed` shop seconds a wall second from `start`, so that a parcel arrives
/// while the audience watches, without journaling a clock offset. Held at the wall's pace (speed 1)
/// while a customer payment is awaited (`ShopService.awaitsCustomerPayment`): at thousands of shop
/// seconds a second a five-minute 3-D Secure code would expire before anyone could type it. The
/// service holds and releases it after each change of the shop (`ShopService.paceClock`).
public final class AcceleratedClock: ShopClock, Sendable {
    /// Where the pace last changed: shop seconds since 1970 at `source` seconds, and why it is held.
    private struct Anchor {
        var shopSeconds: Double
        var sourceSeconds: Double
        /// A customer payment is awaited (`hold`).
        var paymentHold = false
        /// A customer is at checkout (`holdForCheckout`).
        var checkoutHold = false
        var isHeld: Bool { paymentHold || checkoutHold }
    }

    public let speed: Int64
    /// What paces it: the system's monotonic clock, or a manual one in tests.
    public let source: any MonotonicSource
    private let anchor: Mutex<Anchor>

    /// A clock reading `start` now and running `speed` times faster than `source` from then on.
    public init(speed: Int64, start: ShopInstant, source: any MonotonicSource = SystemMonotonic()) {
        self.speed = max(1, speed)
        self.source = source
        anchor = Mutex(Anchor(shopSeconds: Double(start.secondsSince1970), sourceSeconds: source.seconds))
    }

    public var now: ShopInstant {
        let elapsed = source.seconds
        let shopSeconds = anchor.withLock { Self.reading($0, speed: speed, at: elapsed) }
        return ShopInstant(secondsSince1970: Int64(shopSeconds.rounded(.down)))
    }

    /// Whether shop time runs at the wall's pace for now (a payment is awaited).
    public var isHeld: Bool { anchor.withLock { $0.isHeld } }

    /// Shop seconds a wall second, as of now.
    public var currentSpeed: Int64 { isHeld ? 1 : speed }

    /// Holds shop time at the wall's pace, or lets it run at `speed` again. A hold starts from
    /// `decidedAt` when given (the reading the command that asked for it was decided at), so that
    /// the time a fast clock ran between that decision and this call does not count: the code the
    /// decision issued keeps its whole validity. Never earlier than `decidedAt`, never a jump ahead.
    public func hold(_ held: Bool, from decidedAt: ShopInstant? = nil) {
        repace(from: decidedAt) { $0.paymentHold = held }
    }

    /// Holds shop time at the wall's pace while a customer is at checkout (the terminal says so),
    /// so that the delivery dates the Delivery step shows are those the order is placed and
    /// confirmed with, however long the steps take at the demo's speed.
    public func holdForCheckout(_ atCheckout: Bool) {
        repace(from: nil) { $0.checkoutHold = atCheckout }
    }

    /// Applies `change` to the reasons to hold; when the pace changes, shop time goes on from its
    /// reading now (or `decidedAt`, see `hold`) at the new pace.
    private func repace(from decidedAt: ShopInstant?, _ change: (inout Anchor) -> Void) {
        let elapsed = source.seconds
        anchor.withLock { anchor in
            var next = anchor
            change(&next)
            guard next.isHeld != anchor.isHeld else {
                anchor = next
                return
            }
            var shopSeconds = Self.reading(anchor, speed: speed, at: elapsed)
            if next.isHeld, let decidedAt { shopSeconds = min(shopSeconds, max(Double(decidedAt.secondsSince1970), anchor.shopSeconds)) }
            next.shopSeconds = shopSeconds
            next.sourceSeconds = elapsed
            anchor = next
        }
    }

    private static func reading(_ anchor: Anchor, speed: Int64, at elapsed: Double) -> Double {
        let pace = anchor.isHeld ? 1 : Double(speed)
        return anchor.shopSeconds + max(0, elapsed - anchor.sourceSeconds) * pace
    }
}
