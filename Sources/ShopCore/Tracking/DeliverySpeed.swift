/// How a parcel travels, which sets its transit time (see `transitDays`).
public enum DeliverySpeed: String, CaseIterable, Hashable, Sendable {
    case standard
    case express
    /// Delivered to a relay point (a shop near the customer) where the customer collects it.
    case relayPickup = "relay_pickup"

    /// Working days (Monday to Saturday) from the ship day to the day the parcel is first due at
    /// the door or relay point, before any exception: express the next one (the one after when
    /// shipped at or after the 17:00 cut-off, Paris time), standard and relay pickup 2 to 5.
    /// Checkout promises from this range, counted in working days too.
    public var transitDays: ClosedRange<Int> {
        switch self {
        case .express: return 1...2
        case .standard, .relayPickup: return 2...5
        }
    }
}
