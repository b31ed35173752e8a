import ShopCore
import Testing

/// The topics a customer picks from, the refund answer read from the order, and the time a
/// person answers by, counted in the shop's zone.
@Suite("Support: topics and their answers")
struct SupportTopicTests {
    @Test func everyTopicHasWordsForTheCustomerAndSaysWhoAnswers() {
        #expect(SupportTopic.allCases.map(\.label) == ["Where is my parcel?", "A return", "A refund", "A payment", "Something else"])
        for topic in SupportTopic.allCases where topic != .other { #expect(topic.answeredBy == "answered at once from your order") }
        #expect(SupportTopic.other.answeredBy.contains("a person answers"))
        #expect(SupportTopic.guess("When do I get my money back?") == .refund)
        #expect(SupportTopic.guess("Where is my refund?") == .refund)
        #expect(SupportTopic.guess("How do I return the lamp?") == .returns)
    }

    @Test func aRefundQuestionSaysWhatWasRefundedAndWhatIsOnItsWay() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 1), ("PEN", 1)])
        try shop.trade(.openTicket(orderNumber: number, topic: .refund, text: "Can I be refunded?", by: .local))
        var answer = try #require(shop.state.commerce.tickets["T-0001"]?.messages.last?.text)
        #expect(answer.contains("nothing has been refunded; you paid"))
        #expect(answer.contains("Canceling it before it ships refunds it in full: 'comptoir cancel \(number)'"))
        #expect(shop.state.commerce.tickets["T-0001"]?.status == .answered)

        try shop.deliver(number)
        try shop.trade(.requestReturn(orderNumber: number, lines: [ReturnLine(sku: "PEN", quantity: 1)], by: .local))
        try shop.trade(.openTicket(orderNumber: number, topic: .refund, text: "And the pen?", by: .local))
        answer = try #require(shop.state.commerce.tickets["T-0002"]?.messages.last?.text)
        #expect(answer.contains("is on its way back to us: about €10.00 is refunded when it reaches us"), "\(answer)")

        for _ in 0..<40 where shop.order(number).refunds.isEmpty { try shop.advance(hours: 12) }
        try shop.trade(.openTicket(orderNumber: number, topic: .refund, text: "Refunded yet?", by: .local))
        answer = try #require(shop.state.commerce.tickets["T-0003"]?.messages.last?.text)
        #expect(answer.contains("€10.00 has been refunded to your"), "\(answer)")
        #expect(!answer.contains("on its way back"))
    }

    @Test func anUnpaidOrderHasNothingToRefund() throws {
        var shop = try TradeShop()
        let number = try shop.order(payment: .cash)
        try shop.trade(.openTicket(orderNumber: number, topic: .refund, text: "Refund?", by: .local))
        let answer = try #require(shop.state.commerce.tickets["T-0001"]?.messages.last?.text)
        #expect(answer.contains("no payment was taken, so there is nothing to refund"))
    }

    @Test func aPersonAnswersByTheNextWorkingDayInParis() throws {
        var shop = try TradeShop()
        // Sunday 29 November 2026, 23:30 UTC is Monday 00:30 in Paris: answered by Tuesday 18:00 Paris time.
        shop.now = ShopInstant.utc(year: 2026, month: 11, day: 29, hour: 23).adding(seconds: 1_800)
        let number = try shop.order()
        try shop.trade(.openTicket(orderNumber: number, topic: .other, text: "Can you engrave it?", by: .local))
        let answer = try #require(shop.state.commerce.tickets["T-0001"]?.messages.last?.text)
        #expect(answer.contains("A person from our team will answer by Tuesday 1 Dec at 18:00 Paris time"), "\(answer)")
    }
}
