/// How a parcel travels, which sets its transit time: express arrives the next day (two days
/// when shipped at or after the 17:00 UTC cut-off), standard and relay pickup in 2 to 5 days.
public enum DeliverySpeed: String, CaseIterable, Hashable, Sendable {
    case standard
    case express
    /// Delivered to a relay point (a shop near the customer) where the customer collects it.
    case relayPickup = "relay_pickup"
}
