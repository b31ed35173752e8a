import ShopCore
@testable import ShopStore
import Testing

@Suite("Back office in the journal and in snapshots")
struct BackOfficeCodecTests {
    static let at = ShopInstant.utc(year: 2026, month: 12, day: 8, hour: 12, minute: 12)
    static func euros(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    static let events: [BackOfficeEvent] = [
        .staffAdded(StaffMember(email: "Owner@Shop.test", name: "Olive", role: .owner, passwordHash: PasswordHash(encoded: "scrypt$x"), addedAt: at)),
        .staffRemoved(email: "clerk@shop.test"),
        .fulfilmentModeSet(.manual),
        .promotionAdded(PromoCode(code: "pens2", benefit: .fixed(minorUnits: 2_00), minimumBasket: 10_00,
                                  lastDay: CalendarDay(year: 2027, month: 1, day: 31), oncePerCustomer: false)),
        .promotionAdded(PromoCode(code: "TENOFF", benefit: .percent(basisPoints: 1_250), minimumBasket: 0,
                                  lastDay: CalendarDay(year: 2027, month: 1, day: 31), endedAt: at)),
        .promotionEnded(code: "PENS2", at: at),
        .stockSet(sku: "A-1", onHand: 12),
        .priceSet(sku: "A-1", price: euros(12_90)),
        .listingChanged(sku: "A-1", listed: false),
        .marketingConsent(AccountID("A-000001"), given: true, at: at),
        .audited(AuditEntry(at: at, staff: "owner@shop.test", action: "shipped C-2026-000001 with Colis Rapide")),
    ]

    @Test func everyBackOfficeEventRoundTripsInTheJournal() throws {
        let events = Self.events.map { ShopEvent.commerce(.backOffice($0)) }
        let bytes = EventCodec.encode(events)
        #expect(try bytes.withUnsafeBytes { try EventCodec.decode($0, fileOffset: 0) } == events)
    }

    @Test func theBackOfficeRoundTripsThroughASnapshot() throws {
        var state = ShopState()
        state.apply(.productsUpserted([Product(sku: "A-1", title: "A", brand: "B", category: "C", price: Self.euros(10_00), stockOnHand: 5)]))
        state.apply(.cartLineSet(cart: .session("local:b"), sku: "A-1", quantity: 1))
        for event in Self.events { state.apply(.commerce(.backOffice(event))) }
        #expect(state.commerce.backOffice.priceNotices[.session("local:b")]?["A-1"] == Self.euros(10_00))
        let loaded = try SnapshotFile.decode(SnapshotFile.encodedBytes(state, sequence: 9), file: "snapshot")
        #expect(loaded.state == state)
        #expect(loaded.state.commerce.backOffice == state.commerce.backOffice)
        #expect(loaded.state.catalogue.product(sku: "A-1")?.price == Self.euros(12_90))
    }

    @Test func aSnapshotOfFormatThreeOpensWithANewShopsBackOffice() throws {
        var state = ShopState()
        state.apply(.commerce(.backOffice(.fulfilmentModeSet(.manual))))
        let writer = BinaryWriter()
        StateCodec.write(state, to: writer, productsPerChunk: 10, ordersLast: false)
        // Format 3 ended with the trade state: drop the back office (and format 5's keys, none) written after it.
        let office = BinaryWriter()
        BackOfficeCodec.write(state.commerce.backOffice, to: office)
        office.array([AccountKey]()) { CommerceEventCodec.write($1, to: $0) }
        let format3 = Array(writer.bytes.dropLast(office.bytes.count))
        let decoded = try format3.withUnsafeBytes { try StateCodec.decode($0, fileOffset: 40, version: 3) }
        #expect(decoded.commerce.backOffice == BackOffice())
        #expect(decoded.commerce.backOffice.promotions == PromoCode.demo)
        #expect(decoded.commerce.backOffice.fulfilment == .automatic)
    }
}
