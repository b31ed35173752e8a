import ShopCore
import Testing

@Suite("Support: answers from the order as it stands, the inbox and staff replies")
struct MerchantSupportTests {
    @Test func aDeliveredParcelSaysWhenItWasDeliveredNotWhenItIsExpected() throws {
        var shop = try TradeShop()
        let number = try shop.order()
        try shop.deliver(number)
        let deliveredAt = try #require(shop.order(number).deliveredAt)
        try shop.trade(.openTicket(orderNumber: number, topic: .delivery, text: "Where is my parcel?", by: .local))
        let answer = try #require(shop.state.commerce.tickets["T-0001"]?.messages.last?.text)
        // Paris time, like every time in the shop's messages.
        let local = ShopTimeZone.paris.local(deliveredAt)
        let day = local.calendarDay
        #expect(answer.contains("It was delivered on \(day.day) "))
        #expect(!answer.contains("expects"))
        let minutes = local.seconds(since: day.start) / 60
        let clock = "\(minutes / 60 < 10 ? "0" : "")\(minutes / 60):\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)"
        #expect(answer.contains("at \(clock)"))
        #expect(shop.state.commerce.tickets["T-0001"]?.status == .answered)
    }

    @Test func aParcelOnItsWayGivesTheLatestScanAndTheEstimate() throws {
        var shop = try TradeShop()
        let number = try shop.order()
        try shop.advance(hours: 6)
        try #require(shop.order(number).fulfillment == .shipped)
        try shop.trade(.openTicket(orderNumber: number, topic: .delivery, text: "When?", by: .local))
        let answer = try #require(shop.state.commerce.tickets["T-0001"]?.messages.last?.text)
        #expect(answer.contains("It is on its way."))
        #expect(answer.contains("The courier expects it on"))
        #expect(answer.contains(shop.order(number).shipment!.trackingNumber.value))
    }

    @Test func aCanceledOrderPromisesNoDelivery() throws {
        var shop = try TradeShop()
        let number = try shop.order()
        try shop.trade(.cancelOrder(orderNumber: number, by: .local))
        try shop.trade(.openTicket(orderNumber: number, topic: .delivery, text: "Delivery?", by: .local))
        let answer = try #require(shop.state.commerce.tickets["T-0001"]?.messages.last?.text)
        #expect(answer.contains("nothing will be delivered"))
        #expect(answer.contains("has been refunded"))
    }

    @Test("a question no rule answers is told when a person will answer, and waits in the inbox")
    func personalAnswers() throws {
        var shop = try TradeShop()
        // Monday 23 November 2026, 10:00: answered by Tuesday 18:00.
        let number = try shop.order()
        try shop.trade(.openTicket(orderNumber: number, topic: .other, text: "Can you engrave it?", by: .local))
        let ticket = try #require(shop.state.commerce.tickets["T-0001"])
        #expect(ticket.status == .open)
        #expect(ticket.messages.count == 2)
        #expect(ticket.messages[1].author == .shop)
        #expect(ticket.messages[1].text.contains("A person from our team will answer by Tuesday 24 Nov at 18:00"))
        #expect(shop.state.commerce.outbox.last?.kind == .supportAnswer)
    }

    @Test func aQuestionOnFridayIsAnsweredByMonday() throws {
        var shop = try TradeShop()
        shop.now = ShopInstant.utc(year: 2026, month: 11, day: 27, hour: 15)
        let number = try shop.order()
        try shop.trade(.openTicket(orderNumber: number, topic: .other, text: "A question", by: .local))
        #expect(shop.state.commerce.tickets["T-0001"]?.messages.last?.text.contains("by Monday 30 Nov at 18:00") == true)
    }

    @Test func staffRepliesReachTheTicketAndTheCustomersExactAddress() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        let number = try shop.order()
        try shop.trade(.openTicket(orderNumber: number, topic: .other, text: "Gift note?", by: .local))
        try shop.merchant(.replyToTicket(ticketID: "t-0001", text: "Yes, we add one."), as: TradeShop.clerk)
        let ticket = try #require(shop.state.commerce.tickets["T-0001"])
        #expect(ticket.status == .answered)
        #expect(ticket.messages.last == TicketMessage(author: .shop, at: shop.now, text: "Yes, we add one."))
        let mail = try #require(shop.state.commerce.outbox.last)
        #expect(mail.kind == .supportAnswer)
        #expect(mail.toAddress == "zoe@example.fr")
        #expect(mail.body.hasPrefix("Yes, we add one."))
        #expect(merchantError { try shop.merchant(.replyToTicket(ticketID: "T-0001", text: " "), as: TradeShop.clerk) } == .emptyText)
        #expect(merchantError { try shop.merchant(.replyToTicket(ticketID: "T-0009", text: "x")) } == .unknownTicket("T-0009"))
        try shop.merchant(.closeTicket(ticketID: "T-0001"), as: TradeShop.clerk)
        #expect(shop.state.commerce.tickets["T-0001"]?.status == .closed)
        #expect(merchantError { try shop.merchant(.closeTicket(ticketID: "T-0001")) } == .ticketClosed("T-0001"))
    }
}

@Suite("Back office: customers and sales")
struct MerchantReportTests {
    @Test func theCustomerSummaryCountsOrdersMoneyReturnsTicketsAndConsent() throws {
        var shop = try TradeShop()
        let registration = try { () throws -> AccountRegistration in
            var form = try AccountRegistration(name: "Ana Lima", email: "ana@example.fr", password: TradeShop.password,
                                               line1: "1 rue A", postalCode: "69001", city: "Lyon", countryCode: "FR")
            form.marketingConsent = true
            return form
        }()
        try shop.trade(.register(registration, passwordHash: PasswordHash(encoded: "x"), session: nil))
        let first = try shop.order([("PEN", 2)])
        _ = try shop.order([("CARD", 1)], payment: .cash)
        try shop.deliver(first)
        try shop.trade(.requestReturn(orderNumber: first, lines: nil, by: .local))
        try shop.trade(.openTicket(orderNumber: first, topic: .other, text: "Hello", by: .local))
        let summaries = CustomerSummary.all(in: shop.state.commerce)
        let zoe = try #require(summaries.first { $0.account.email.value == "zoe@example.fr" })
        #expect(zoe.orders == 2)
        #expect(zoe.paidOrders == 1)
        #expect(zoe.totalSpent == shop.order(first).totals.total)
        #expect(zoe.averageBasket == shop.order(first).totals.total)
        #expect(zoe.returns == 1)
        #expect(zoe.openTickets == 1)
        #expect(zoe.marketingConsentAt == nil)
        let ana = try #require(summaries.first { $0.account.email.value == "ana@example.fr" })
        #expect(ana.marketingConsentAt != nil)
        #expect(ana.orders == 0)
        #expect(ana.averageBasket.isZero)
    }

    @Test func theReportSumsPaidOrdersByDayWithAndWithoutVAT() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        let first = try shop.order([("BOOK", 1), ("PEN", 2)])
        try shop.advance(hours: 24)
        let second = try shop.order([("PEN", 1)])
        _ = try shop.order([("CARD", 1)], payment: .cash)
        try shop.shop(.addToCart(sku: "LAMP", quantity: 1, by: .local))
        try shop.merchant(.refund(orderNumber: second, amount: TradeShop.euros(1_00), reason: "scratch"))
        let all = SalesReport(state: shop.state)
        let totals = [first, second].map { shop.order($0).totals }
        #expect(all.orders == 2)
        #expect(all.revenue.minorUnits == totals.reduce(0) { $0 + $1.total.minorUnits })
        #expect(all.revenueWithoutVAT.minorUnits == totals.reduce(0) { $0 + $1.net.minorUnits })
        #expect(all.vat.minorUnits == all.revenue.minorUnits - all.revenueWithoutVAT.minorUnits)
        #expect(all.refunds == TradeShop.euros(1_00))
        #expect(all.topProducts.first?.sku == "PEN")
        #expect(all.topProducts.first?.quantity == 3)
        #expect(all.ordersPlaced == 3)
        #expect(all.openCarts == 1)
        #expect(all.conversionBasisPoints == 7_500)
        #expect(all.days.map(\.orders) == [1, 1])
        let secondDay = SalesReport(state: shop.state, from: shop.now.calendarDay, to: shop.now.calendarDay)
        #expect(secondDay.orders == 1)
        #expect(secondDay.revenue == totals[1].total)
        #expect(secondDay.averageBasket == totals[1].total)
    }
}

@Suite("Support: answers about returns as they stand")
struct SupportReturnAnswerTests {
    @Test func aReturnOnItsWayThenReceivedIsToldAsItStands() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 1), ("PEN", 1)])
        try shop.deliver(number)
        try shop.trade(.openTicket(orderNumber: number, topic: .returns, text: "How do I return?", by: .local))
        #expect(shop.state.commerce.tickets["T-0001"]?.messages.last?.text.contains("You may return items of order \(number)") == true)
        try shop.trade(.requestReturn(orderNumber: number, lines: [ReturnLine(sku: "PEN", quantity: 1)], by: .local))
        try shop.trade(.openTicket(orderNumber: number, topic: .returns, text: "Refund?", by: .local))
        #expect(shop.state.commerce.tickets["T-0002"]?.messages.last?.text.contains("Your return of order \(number) is on its way back") == true)
        try shop.advance(hours: 24 * 10)
        try #require(shop.order(number).returns[0].receivedAt != nil)
        try shop.trade(.openTicket(orderNumber: number, topic: .returns, text: "Refund now?", by: .local))
        let answer = try #require(shop.state.commerce.tickets["T-0003"]?.messages.last?.text)
        #expect(answer.contains("Your return of order \(number) reached us on"))
        #expect(answer.contains("€10.00 has been refunded"))
        #expect(answer.contains("You may return other items"))
    }
}
