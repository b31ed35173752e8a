/// How paid orders leave the warehouse.
public enum FulfilmentMode: String, CaseIterable, Hashable, Sendable {
    /// The simulated warehouse ships a paid order a couple of hours after payment, and returns are
    /// received and refunded when their parcel arrives (the demo's behaviour).
    case automatic
    /// A paid order waits "to ship" until a member of staff hands it to the courier; a return
    /// parcel waits until staff record it received.
    case manual
}
