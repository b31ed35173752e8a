import ShopCore
import Testing

@Suite("Orders: parcels seeded by the order's serial")
struct OrderParcelSeedTests {
    /// The first order of a fresh shop, placed and delivered starting at `start`.
    static func firstParcel(placedAt start: ShopInstant) throws -> (number: String, shipment: Shipment, transit: Int64) {
        var shop = try TradeShop(loggedIn: false)
        shop.now = start
        try shop.register()
        let number = try shop.order()
        try shop.deliver(number)
        let order = shop.order(number)
        let shipment = try #require(order.shipment)
        let delivered = try #require(order.deliveredAt)
        return (number, shipment, delivered.seconds(since: shipment.shippedAt))
    }

    /// Both start on a Monday at 10:00, so the calendar plays no part.
    @Test func theSameOrderTravelsTheSameWayWhateverTheYear() throws {
        let now = try Self.firstParcel(placedAt: .utc(year: 2026, month: 11, day: 23, hour: 10))
        let later = try Self.firstParcel(placedAt: .utc(year: 2027, month: 11, day: 22, hour: 10))
        #expect(now.number == "C-2026-000001")
        #expect(later.number == "C-2027-000001")
        #expect(now.shipment.trackingNumber == later.shipment.trackingNumber)
        #expect(now.shipment.seed == later.shipment.seed)
        #expect(now.transit == later.transit)
    }

    @Test func differentOrdersGetDifferentParcels() throws {
        var shop = try TradeShop()
        let first = try shop.order()
        let second = try shop.order()
        try shop.deliver(first)
        try shop.deliver(second)
        #expect(shop.order(first).shipment?.trackingNumber != shop.order(second).shipment?.trackingNumber)
    }
}
