import ShopCore
import Testing

/// A parcel waiting at a relay point (or at the carrier's depot after a missed delivery) is told
/// once, dated when it arrived there, whatever the pace at which shop time is caught up.
@Suite("Messages: ready to collect")
struct ReadyForPickupMessageTests {
    /// A relay order delivered by catching up `hours` at a time; the order's mails.
    static func relayOrder(catchingUpEvery hours: Int) throws -> (Order, [OutgoingMessage]) {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 1)], delivery: .relay, relayPointID: "RP-75010")
        for _ in 0..<(24 * 20 / hours) where shop.order(number).fulfillment != .delivered { try shop.advance(hours: hours) }
        return (shop.order(number), shop.state.commerce.outbox.filter { $0.orderNumber == number })
    }

    @Test func aRelayParcelIsToldOnceWhereAndUntilWhenBeforeItIsCollected() throws {
        let (order, mails) = try Self.relayOrder(catchingUpEvery: 12)
        #expect(order.fulfillment == .delivered)
        #expect(mails.map(\.kind) == [.orderReceived, .orderConfirmation, .shipped, .readyForPickup, .delivered])
        let ready = try #require(mails.first { $0.kind == .readyForPickup })
        let scan = try #require(order.scans.first { $0.status == .availableForPickup })
        #expect(ready.date == scan.time)
        #expect(ready.subject == "Order \(order.number) is ready to collect")
        let lastDay = MessageTime.zone.day(of: scan.time).adding(days: CourierSimulator.daysKeptForPickup)
        for part in ["ready to collect since \(MessageTime.text(scan.time))",
                     "Librairie du Canal, 19 quai de Valmy, 75010 Paris (Tue–Sat 10:00–19:00), relay point RP-75010",
                     "Collect it with an ID in the name of Zoë Martin by \(lastDay).",
                     "the order is canceled and refunded", "comptoir track \(order.number)", SellerIdentity.comptoir.block] {
            #expect(ready.body.contains(part), "lacks \(part): \(ready.body)")
        }
    }

    @Test func theMailIsTheSameWhetherTimeIsCaughtUpHourlyOrEveryTwoDays() throws {
        let (hourly, hourlyMails) = try Self.relayOrder(catchingUpEvery: 1)
        let (slow, slowMails) = try Self.relayOrder(catchingUpEvery: 48)
        let first = try #require(hourlyMails.first { $0.kind == .readyForPickup })
        let second = try #require(slowMails.first { $0.kind == .readyForPickup })
        #expect(first.date == second.date)
        #expect(hourly.scans.map(\.time) == slow.scans.map(\.time))
        #expect(hourlyMails.filter { $0.kind == .readyForPickup }.count == 1)
        #expect(slowMails.filter { $0.kind == .readyForPickup }.count == 1)
    }

    @Test func aHomeParcelDeliveredAtTheDoorSendsNone() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 1)])
        try shop.deliver(number)
        let order = shop.order(number)
        let waited = order.scans.contains { $0.status == .availableForPickup }
        #expect(shop.state.commerce.outbox.contains { $0.kind == .readyForPickup } == waited)
    }
}
