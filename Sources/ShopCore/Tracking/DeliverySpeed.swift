/// How a parcel travels, which sets its transit time (see `transitDays`).
public enum DeliverySpeed: String, CaseIterable, Hashable, Sendable {
    case standard
    case express
    /// Delivered to a relay point (a shop near the customer) where the customer collects it.
    case relayPickup = "relay_pickup"

    /// Calendar days from the ship day to the day the parcel is first due at the door or relay
    /// point, before any exception: express the next day (the day after when shipped at or after
    /// the 17:00 UTC cut-off), standard and relay pickup 2 to 5 days. Checkout can promise from
    /// this range.
    public var transitDays: ClosedRange<Int> {
        switch self {
        case .express: return 1...2
        case .standard, .relayPickup: return 2...5
        }
    }
}
