/// How an order travels to the customer, with its price. Standard delivery is free from
/// `freeStandardThreshold` of goods (VAT included, after discount).
public enum DeliveryMethod: String, CaseIterable, Hashable, Sendable {
    case standard
    case express
    /// Delivered to a relay point near the customer, who collects it there.
    case relay

    /// Goods worth at least this much (minor units, after discount) ship standard for free.
    public static let freeStandardThreshold: Int64 = 50_00

    public var speed: DeliverySpeed {
        switch self {
        case .standard: return .standard
        case .express: return .express
        case .relay: return .relayPickup
        }
    }

    public var label: String {
        switch self {
        case .standard: return "Standard delivery"
        case .express: return "Express delivery"
        case .relay: return "Pickup at a relay point"
        }
    }

    /// The carrier the shop uses for this method.
    public var carrier: Carrier {
        switch self {
        case .standard: return .colisRapide
        case .express: return .pelicanExpress
        case .relay: return .estafette
        }
    }

    /// The goods value (VAT included, after discount) from which this method ships free, in
    /// `currency`; nil when it never does. The cart's "… more ships free" hint reads it.
    public func freeFrom(currency: Currency) -> Money? {
        switch self {
        case .standard: return Money(minorUnits: Self.freeStandardThreshold, currency: currency)
        case .express, .relay: return nil
        }
    }

    /// The price for goods worth `goods` (VAT included, after discount).
    public func price(forGoods goods: Money) -> Money {
        switch self {
        case .standard:
            let free = freeFrom(currency: goods.currency).map { goods.minorUnits >= $0.minorUnits } ?? false
            return Money(minorUnits: free ? 0 : 4_90, currency: goods.currency)
        case .express: return Money(minorUnits: 9_90, currency: goods.currency)
        case .relay: return Money(minorUnits: 3_50, currency: goods.currency)
        }
    }
}

/// A paid option of checkout; never selected unless the customer asks for it.
public enum CheckoutExtra: String, CaseIterable, Hashable, Sendable, Comparable {
    case giftWrap = "gift_wrap"
    case insurance

    public var label: String {
        switch self {
        case .giftWrap: return "Gift wrap"
        case .insurance: return "Parcel insurance"
        }
    }

    public var price: Int64 {
        switch self {
        case .giftWrap: return 3_50
        case .insurance: return 2_90
        }
    }

    public static func < (lhs: CheckoutExtra, rhs: CheckoutExtra) -> Bool { lhs.rawValue < rhs.rawValue }
}
