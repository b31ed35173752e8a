import ShopCore
@testable import ShopStore
import Testing

/// An order keeps the relay point its customer chose through the journal and snapshots; orders
/// written before the choice existed (event `orderPlaced`, snapshots up to format 5) still open,
/// going to the point nearest their address as they did.
@Suite("Relay point in stored orders")
struct RelayPointLayoutTests {
    static func order(relayPoint: LocalPlace?) throws -> Order {
        let address = try PostalAddress(name: "Zoë Martin", line1: "12 rue des Lilas", postalCode: "75011", city: "Paris", countryCode: "FR")
        let line = OrderLine(sku: "BOOK", title: "A novel", quantity: 1, unitPrice: Money(minorUnits: 20_00, currency: .eur),
                             vatClass: .reduced, perishable: false)
        let day = CalendarDay(year: 2026, month: 11, day: 25)
        return Order(number: "C-2026-000001", customer: AccountID("A-000001"), placedAt: ShopInstant.utc(year: 2026, month: 11, day: 23, hour: 10),
                     lines: [line], delivery: .relay, address: address, relayPoint: relayPoint, extras: [], promoCode: nil,
                     discount: .zero(.eur), promise: day...day.adding(days: 5))
    }

    /// The `orderPlaced` record an earlier Comptoir wrote: the order without its relay point.
    static func legacyRecord(_ order: Order) -> [UInt8] {
        let w = BinaryWriter()
        w.byte(0); w.varint(2); w.count(1)
        w.byte(EventCodec.Tag.commerce.rawValue); w.byte(CommerceEventCodec.Tag.orderPlaced.rawValue)
        w.string(order.number); w.string(order.customer.rawValue); CommerceValueCodec.write(order.placedAt, to: w)
        w.array(order.lines) { w, line in
            w.string(line.sku); w.string(line.title); w.int(line.quantity); CommerceValueCodec.write(line.unitPrice, to: w)
            w.string(line.vatClass.rawValue); w.bool(line.perishable)
        }
        w.string(order.delivery.rawValue); CommerceValueCodec.write(order.address, to: w)
        w.array(order.extras) { $0.string($1.rawValue) }
        w.optional(order.promoCode) { $0.string($1) }
        CommerceValueCodec.write(order.totals.discount, to: w)
        CommerceValueCodec.write(order.promise.lowerBound, to: w); CommerceValueCodec.write(order.promise.upperBound, to: w)
        w.string(order.state.rawValue); w.optional(order.cancelReason) { $0.string($1.rawValue) }
        w.count(0); w.count(0)
        w.string(order.fulfillment.rawValue)
        w.optional(nil as ShopInstant?) { CommerceValueCodec.write($1, to: $0) }
        w.optional(nil as Shipment?) { CommerceValueCodec.write($1, to: $0) }
        w.count(0)
        w.optional(nil as ShopInstant?) { CommerceValueCodec.write($1, to: $0) }
        w.count(0)
        return w.bytes
    }

    @Test func theChosenRelayPointSurvivesARecord() throws {
        let chosen = try #require(RelayPoint.place(id: "RP-75010"))
        let order = try Self.order(relayPoint: chosen)
        let bytes = EventCodec.encode([.commerce(.orderPlaced(order))])
        let decoded = try bytes.withUnsafeBytes { try EventCodec.decode($0, fileOffset: 0) }
        #expect(decoded == [.commerce(.orderPlaced(order))])
        guard case let .commerce(.orderPlaced(read))? = decoded.first else { Issue.record("not an order"); return }
        #expect(read.relayPoint == chosen)
    }

    @Test func anOrderOfTheEarlierLayoutGoesToTheNearestPoint() throws {
        let order = try Self.order(relayPoint: nil)
        let decoded = try Self.legacyRecord(order).withUnsafeBytes { try EventCodec.decode($0, fileOffset: 0) }
        guard case let .commerce(.orderPlaced(read))? = decoded.first else { Issue.record("not an order"); return }
        #expect(read == order)
        #expect(read.relayPoint?.id == "RP-75011")
    }

    @Test func theChosenRelayPointSurvivesASnapshot() throws {
        let chosen = try #require(RelayPoint.place(id: "RP-75013"))
        var state = ShopState()
        state.apply(.productsUpserted(Fixtures.seed))
        state.apply(.commerce(.orderPlaced(try Self.order(relayPoint: chosen))))
        let payload = StateCodec.encode(state).flatMap(\.bytes)
        let decoded = try payload.withUnsafeBytes { try StateCodec.decode($0, fileOffset: 40) }
        #expect(decoded.commerce.orders["C-2026-000001"]?.relayPoint == chosen)
        #expect(decoded == state)
    }
}
