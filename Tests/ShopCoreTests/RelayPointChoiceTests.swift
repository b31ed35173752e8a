import ShopCore
import Testing

/// The customer chooses the relay point among those near the postal code; the order keeps it,
/// the courier's scans and the mails name it, and an order that names none goes to the nearest.
@Suite("Orders: the relay point the customer chose")
struct RelayPointChoiceTests {
    @Test func theChosenRelayPointIsTheOrdersAndTheCouriers() throws {
        var shop = try TradeShop()
        // Zoë lives in 75011; she picks the second nearest point, in 75010.
        let offered = RelayPoint.nearest(to: "75011", count: RelayPoint.choices)
        #expect(offered.count == RelayPoint.choices)
        #expect(offered.map(\.id).prefix(2) == ["RP-75011", "RP-75010"])
        let number = try shop.order([("BOOK", 1)], delivery: .relay, relayPointID: " rp-75010 ")
        let order = shop.order(number)
        try shop.trade(.openTicket(orderNumber: number, topic: .delivery, text: "Where will it be?", by: .local))
        #expect(shop.state.commerce.tickets["T-0001"]?.messages.last?.text.contains("It will wait for you at Librairie du Canal, 19 quai de Valmy") == true)
        try shop.trade(.closeTicket(ticketID: "T-0001", by: .local))
        #expect(order.relayPoint == RelayPoint.place(id: "RP-75010"))
        #expect(order.relayPoint?.name == "Librairie du Canal")
        try shop.deliver(number)
        let pickup = shop.order(number).scans.filter { $0.status == .availableForPickup }
        #expect(!pickup.isEmpty)
        for scan in pickup { #expect(scan.message.contains("Librairie du Canal, 19 quai de Valmy"), "\(scan)") }
        let mails = shop.state.commerce.outbox.filter { $0.orderNumber == number }
        let received = try #require(mails.first { $0.kind == .orderReceived })
        #expect(received.body.contains("to collect at Librairie du Canal, 19 quai de Valmy, 75010 Paris (Tue–Sat 10:00–19:00), relay point RP-75010"))
        let voucher = try #require(mails.first { $0.kind == .orderConfirmation })
        #expect(voucher.body.contains("to collect at\n  Librairie du Canal, 19 quai de Valmy, 75010 Paris (Tue–Sat 10:00–19:00), relay point RP-75010\n  in the name of Zoë Martin"))
        try shop.trade(.openTicket(orderNumber: number, topic: .delivery, text: "Where?", by: .local))
        #expect(shop.state.commerce.tickets["T-0002"]?.messages.last?.text.contains("It was delivered on") == true)
        let shipped = try #require(mails.first { $0.kind == .shipped })
        #expect(shipped.body.contains("It will wait for you at Librairie du Canal"))
    }

    @Test func aRelayPointInAnotherTownIsWhereTheParcelGoes() throws {
        var shop = try TradeShop()
        // Zoë lives in Paris and collects the parcel near her work in Saint-Denis.
        let number = try shop.order([("BOOK", 1)], delivery: .relay, relayPointID: "RP-93200")
        try shop.deliver(number)
        let order = shop.order(number)
        #expect(order.shipment?.destination.city == "Saint-Denis")
        let pickup = order.scans.filter { $0.status == .availableForPickup }
        #expect(!pickup.isEmpty)
        for scan in pickup { #expect(scan.message.hasSuffix("Tabac de la Gare, 1 rue Jean-Jaurès, Saint-Denis"), "\(scan)") }
    }

    @Test func withoutAChoiceTheNearestRelayPointIsTaken() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 1)], delivery: .relay)
        #expect(shop.order(number).relayPoint?.id == "RP-75011")
    }

    @Test func homeDeliveryHasNoRelayPointEvenWhenOneWasNamed() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 1)], delivery: .standard, relayPointID: "RP-75010")
        #expect(shop.order(number).relayPoint == nil)
    }

    @Test func anUnknownRelayPointIsRefusedWithTheNearbyOnesNamed() throws {
        var shop = try TradeShop()
        let error = commerceError { try shop.order([("BOOK", 1)], delivery: .relay, relayPointID: "RP-99999") }
        let nearby = RelayPoint.nearest(to: "75011", count: RelayPoint.choices)
        #expect(error == .unknownRelayPoint("RP-99999", nearby: nearby))
        let message = try #require(error?.description)
        #expect(message.hasPrefix("no relay point has the ID 'RP-99999': choose one near the address, RP-75011 (Relais Popincourt, "))
        for point in nearby { #expect(message.contains(point.id)) }
        #expect(shop.state.commerce.orderNumbers.isEmpty)
    }

    @Test func everyRelayPointHasItsOwnID() {
        let ids = RelayPoint.directory.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(RelayPoint.place(id: "nowhere") == nil)
    }
}
