import ShopCore

/// The shop as a read-only command or screen sees it: shop time now, and what shop time made due
/// (scans, expiries) applied in memory without writing anything.
public struct ShopReading: Sendable {
    public let state: ShopState
    public let now: ShopInstant

    public init(state: ShopState, clock: any ShopClock = WallClock()) {
        let now = state.commerce.shopTime(wallClock: clock.now)
        var caughtUp = state
        if let events = try? caughtUp.decide(.commerce(.catchUp, at: now, entropy: 0)) { caughtUp.apply(events) }
        self.state = caughtUp
        self.now = now
    }

    /// The account `shopper` acts as.
    public func customer(_ shopper: Shopper) throws(ServiceError) -> Account {
        guard let account = state.commerce.account(of: shopper) else { throw .notLoggedIn }
        return account
    }
}
