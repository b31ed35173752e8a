/// A parcel handed to a carrier: everything the courier simulator needs to plan its route.
public struct Shipment: Hashable, Sendable {
    /// Which way the parcel travels; returns go to the shop's warehouse and have no exceptions.
    public enum Direction: String, Hashable, Sendable {
        case toCustomer = "to_customer"
        case toShop = "to_shop"
    }

    public var trackingNumber: TrackingNumber
    public var origin: TrackingPlace
    public var destination: TrackingPlace
    public var shippedAt: ShopInstant
    public var speed: DeliverySpeed
    public var direction: Direction
    /// Decides the parcel's transit time, exceptions, relay point and scan times; the same seed
    /// always gives the same timeline. Journal it with the shipment.
    public var seed: UInt64

    public init(
        trackingNumber: TrackingNumber, origin: TrackingPlace, destination: TrackingPlace,
        shippedAt: ShopInstant, speed: DeliverySpeed, direction: Direction = .toCustomer, seed: UInt64
    ) {
        self.trackingNumber = trackingNumber
        self.origin = origin
        self.destination = destination
        self.shippedAt = shippedAt
        self.speed = speed
        self.direction = direction
        self.seed = seed
    }

    /// A customer's return parcel, sent at standard speed to the shop's warehouse.
    public static func returnParcel(
        trackingNumber: TrackingNumber, from customer: TrackingPlace, to warehouse: TrackingPlace,
        shippedAt: ShopInstant, seed: UInt64
    ) -> Shipment {
        Shipment(
            trackingNumber: trackingNumber, origin: customer, destination: warehouse,
            shippedAt: shippedAt, speed: .standard, direction: .toShop, seed: seed
        )
    }

    public var carrier: Carrier { trackingNumber.carrier }
}
