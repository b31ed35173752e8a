import ShopCore
import Testing

/// A cash order's promise counts from the day the cash is paid; a relay parcel waits at the relay
/// point nearest the address, from the shop's directory.
@Suite("Orders: promise from payment, relay point near the address")
struct CarrierPromiseTests {
    @Test func aCashOrderIsPromisedFromTheDayItsCashIsPaid() throws {
        var shop = try TradeShop()
        // Monday 23 November 2026: promised Wednesday 25 to Monday 30 (working days).
        let number = try shop.order([("BOOK", 1)], payment: .cash)
        let atPlacing = shop.order(number).promise
        #expect(atPlacing == CalendarDay(year: 2026, month: 11, day: 25)...CalendarDay(year: 2026, month: 11, day: 30))
        try shop.advance(hours: 48)
        guard case let .cash(cash)? = shop.order(number).currentPayment else { Issue.record("no cash payment"); return }
        try shop.trade(.recordCash(reference: cash.reference, amount: cash.amount))
        // Paid Wednesday 25: the same 2 and 6 working days from then.
        let paid = shop.order(number).promise
        #expect(paid == CalendarDay(year: 2026, month: 11, day: 27)...CalendarDay(year: 2026, month: 12, day: 2))
    }

    @Test func aCardPaidTheSameDayKeepsThePromiseOfPlacing() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 1)])
        #expect(shop.order(number).isPaid)
        #expect(shop.order(number).promise == CalendarDay(year: 2026, month: 11, day: 25)...CalendarDay(year: 2026, month: 11, day: 30))
    }

    @Test func workingDaysSkipSundays() {
        let monday = CalendarDay(year: 2026, month: 11, day: 23)
        #expect(monday.workingDays(until: monday) == 0)
        #expect(monday.workingDays(until: monday.adding(days: -3)) == 0)
        #expect(monday.workingDays(until: CalendarDay(year: 2026, month: 11, day: 28)) == 5)
        #expect(monday.workingDays(until: CalendarDay(year: 2026, month: 11, day: 30)) == 6)
    }

    @Test func relayPointsNearestThePostalCodeComeFromTheDirectory() {
        #expect(RelayPoint.nearest(to: "75011", count: 1).first?.name == "Relais Popincourt")
        #expect(RelayPoint.nearest(to: "69002", count: 1).first?.name == "Presse du Marché")
        let paris = RelayPoint.nearest(to: "75012", count: 3)
        #expect(paris.count == 3 && paris.allSatisfy { $0.postalCode.hasPrefix("75") })
        #expect(RelayPoint.nearest(to: "75011", count: 0).isEmpty)
    }

    @Test func aRelayParcelWaitsAtTheRelayPointNearestTheAddress() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 1)], delivery: .relay)
        #expect(shop.order(number).relayPoint?.name == "Relais Popincourt")
        try shop.deliver(number)
        let pickup = shop.order(number).scans.filter { $0.status == .availableForPickup }
        #expect(!pickup.isEmpty)
        for scan in pickup {
            #expect(scan.message.contains("Relais Popincourt, 71 rue de la Folie-Méricourt"), "\(scan)")
        }
    }
}
