/// A parcel's status after a scan, in EasyPost's tracking vocabulary (the raw values).
public enum TrackingStatus: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case preTransit = "pre_transit"
    case inTransit = "in_transit"
    case outForDelivery = "out_for_delivery"
    case delivered = "delivered"
    case availableForPickup = "available_for_pickup"
    case failure = "failure"
    case returnToSender = "return_to_sender"

    /// Words for people, e.g. "Out for delivery".
    public var label: String {
        switch self {
        case .preTransit: return "Label created"
        case .inTransit: return "In transit"
        case .outForDelivery: return "Out for delivery"
        case .delivered: return "Delivered"
        case .availableForPickup: return "Available for pickup"
        case .failure: return "Delivery failed"
        case .returnToSender: return "Returned to sender"
        }
    }

    public var description: String { rawValue }

    /// No scan follows a delivered or returned parcel.
    public var isFinal: Bool {
        self == .delivered || self == .returnToSender
    }

    /// Whether a scan with status `next` may follow a scan with this status: a parcel is picked
    /// up before it travels, goes out for delivery (or reaches a pickup point) before it is
    /// delivered, and a failed attempt is followed by another attempt, a pickup point, or the
    /// way back to the sender.
    public func canBeFollowed(by next: TrackingStatus) -> Bool {
        switch self {
        case .preTransit:
            return next == .inTransit
        case .inTransit:
            return next == .inTransit || next == .outForDelivery || next == .availableForPickup
        case .outForDelivery:
            return next == .delivered || next == .failure
        case .failure:
            return next == .outForDelivery || next == .availableForPickup || next == .returnToSender
        case .availableForPickup:
            return next == .delivered || next == .returnToSender
        case .delivered, .returnToSender:
            return false
        }
    }
}
