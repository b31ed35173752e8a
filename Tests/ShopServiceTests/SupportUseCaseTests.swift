import Foundation
import ShopCore
import ShopService
import ShopStore
import Testing

/// One conversation an order: a customer's message joins the order's open ticket, else opens one.
@Suite struct SupportUseCaseTests {
    @Test func aSecondMessageJoinsTheOpenTicketAndAClosedOneStartsAnother() throws {
        let shop = try ServiceFixture()
        try shop.register()
        let number = try shop.placeOrder(by: .local)
        let first = try #require(try shop.service.sendSupportMessage(about: number, text: "When will it ship?", by: .local))
        #expect(first.orderNumber == number)
        #expect(first.topic == .delivery, "the topic is guessed from the question")
        let second = try #require(try shop.service.sendSupportMessage(about: number, text: "And the tracking number?", by: .local))
        #expect(second.id == first.id)
        #expect(second.messages.filter { $0.author == .customer }.count == 2)
        try shop.service.trade(.closeTicket(ticketID: first.id, by: .local))
        let third = try #require(try shop.service.sendSupportMessage(about: number, text: "One more thing", topic: .other, by: .local))
        #expect(third.id != first.id)
        #expect(third.topic == .other)
        #expect(shop.service.commerce.ticketIDs.count == 2)
    }

    @Test func theCommandIsChosenOnTheStateTheScreenShows() throws {
        let shop = try ServiceFixture()
        try shop.register()
        let number = try shop.placeOrder(by: .local)
        let opening = ShopService.supportMessage(about: number, text: "Hello", by: .local, in: shop.service.commerce)
        #expect(opening == .openTicket(orderNumber: number, topic: nil, text: "Hello", by: .local))
        try shop.service.trade(opening)
        let id = try #require(shop.service.commerce.ticketIDs.last)
        #expect(ShopService.supportMessage(about: number, text: "Again", by: .local, in: shop.service.commerce)
            == .replyToTicket(ticketID: id, text: "Again", by: .local))
        #expect(ShopService.supportMessage(about: number, text: "Hi", by: .session("local:other"), in: shop.service.commerce)
            == .openTicket(orderNumber: number, topic: nil, text: "Hi", by: .session("local:other")),
            "another visitor's message is not put in the customer's ticket (the shop refuses it: not their order)")
    }

    @Test func aMessageWithNothingInItIsRefusedAndOpensNothing() throws {
        let shop = try ServiceFixture()
        try shop.register()
        let number = try shop.placeOrder(by: .local)
        #expect(throws: ServiceError.self) { try shop.service.sendSupportMessage(about: number, text: "   ", by: .local) }
        #expect(shop.service.commerce.ticketIDs.isEmpty)
    }
}
