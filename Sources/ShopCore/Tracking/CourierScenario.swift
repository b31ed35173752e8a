/// What happens to a parcel on its way, decided once from the shipment's seed.
///
/// Rates, out of 120 equally likely draws of the seed:
/// - home delivery (standard or express) to a customer: 110 first-attempt deliveries; 7 failed
///   attempts redelivered the next day (≈5.8 %); 2 failed attempts after which the parcel waits at
///   the carrier's depot for pickup (≈1.7 %); 1 address not found twice, returned to sender
///   (≈0.8 %). One parcel in 12 meets an exception.
/// - relay pickup: always `available_for_pickup` at a relay point; 118 are collected within
///   3 days, 2 (1 in 60) are not collected within 10 days and go back to the sender.
/// - return parcels (to the shop's warehouse): always delivered at the first attempt.
public enum CourierScenario: String, CaseIterable, Hashable, Sendable {
    case deliveredFirstAttempt = "delivered_first_attempt"
    case redeliveredAfterFailedAttempt = "redelivered_after_failed_attempt"
    case heldAtDepotAfterFailedAttempt = "held_at_depot_after_failed_attempt"
    case addressNotFoundReturned = "address_not_found_returned"
    case collectedAtRelay = "collected_at_relay"
    case uncollectedAtRelayReturned = "uncollected_at_relay_returned"

    /// The scenario for a parcel whose seed drew `draw` (in `0..<120`).
    static func decide(speed: DeliverySpeed, direction: Shipment.Direction, draw: Int) -> CourierScenario {
        if direction == .toShop { return .deliveredFirstAttempt }
        if speed == .relayPickup {
            return draw < 2 ? .uncollectedAtRelayReturned : .collectedAtRelay
        }
        switch draw {
        case 0..<7: return .redeliveredAfterFailedAttempt
        case 7..<9: return .heldAtDepotAfterFailedAttempt
        case 9: return .addressNotFoundReturned
        default: return .deliveredFirstAttempt
        }
    }

    /// Whether the parcel ends back at the sender instead of with the recipient.
    public var endsReturnedToSender: Bool {
        self == .addressNotFoundReturned || self == .uncollectedAtRelayReturned
    }
}
