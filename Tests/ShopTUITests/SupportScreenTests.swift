import ShopCore
import Testing
@testable import ShopTUI

/// Writing to support about an order: the thread, the field, opening then replying.
@Suite struct SupportScreenTests {
    @Test func anEmptyMessageIsRefusedThenTheTicketOpensAndTheAnswerShows() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        var state = shop.appState(width: 80, height: 24)
        Fixtures.press(&state, .character("4"), .character("s"))
        #expect(state.orderScreen?.supportDraft?.asksTopic == true)
        var text = ShopView.render(state).text()
        #expect(text.contains("Support · Order \(number)"))
        #expect(text.contains("What is it about?"))
        #expect(!text.contains("Your message"))
        // Typing before picking a topic says to pick one first; Enter picks the highlighted one.
        Fixtures.type(&state, "W")
        #expect(state.orderScreen?.supportDraft?.problem == SupportDraft.pickFirst)
        Fixtures.press(&state, .enter)
        text = ShopView.render(state).text()
        #expect(text.contains("Your message"))
        #expect(text.contains("About: Where is my parcel?"))
        Fixtures.type(&state, "   ")
        #expect(Fixtures.press(&state, .enter).isEmpty)
        #expect(ShopView.render(state).text().contains("Write your message first: an empty message cannot be sent"))
        Fixtures.press(&state, .backspace, .backspace, .backspace)
        Fixtures.type(&state, "Where is my parcel? q t l")
        #expect(state.orderScreen?.supportDraft?.text == "Where is my parcel? q t l", "shop keys type into the field")
        let effects = Fixtures.press(&state, .enter)
        let open = CommerceCommand.openTicket(orderNumber: number, topic: .delivery, text: "Where is my parcel? q t l", by: .local)
        #expect(Fixtures.unaddressed(effects) == [.trade(open, note: "Message sent to the shop about order \(number)")])
        let events = try shop.trade(open)
        _ = update(&state, .answered(try #require(Fixtures.request(effects)), .commandSucceeded(events: events, state: shop.state, note: "Message sent")))
        #expect(state.orderScreen?.supportDraft?.text == "")
        text = ShopView.render(state).text()
        #expect(text.contains("You · "))
        #expect(text.contains("Comptoir · "))
        #expect(text.contains("Thank you for your question about the delivery"))
        Fixtures.type(&state, "Thanks")
        let ticket = try #require(shop.state.commerce.ticketIDs.last)
        #expect(Fixtures.unaddressed(Fixtures.press(&state, .enter)) == [.trade(.replyToTicket(ticketID: ticket, text: "Thanks", by: .local),
                                                          note: "Message sent to the shop about order \(number)")])
    }

    @Test func aLongThreadShowsItsEndAndScrollsBackNoFurtherThanItsStart() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        try shop.trade(.openTicket(orderNumber: number, topic: nil, text: "Where is my parcel?", by: .local))
        let ticket = try #require(shop.state.commerce.ticketIDs.last)
        for index in 1...12 { try shop.trade(.replyToTicket(ticketID: ticket, text: "Reply number \(index)", by: .local)) }
        var state = shop.appState(width: 80, height: 24)
        Fixtures.press(&state, .character("4"), .character("s"))
        #expect(ShopView.render(state).text().contains("Reply number 12"))
        #expect(!ShopView.render(state).text().contains("Where is my parcel?"))
        for _ in 0..<100 { Fixtures.press(&state, .pageUp) }
        let most = try #require(state.screenOrder.map { SupportView.maxScrollBack(state, order: $0, draft: state.orderScreen!.supportDraft!) })
        #expect(most > 0)
        #expect(state.orderScreen?.supportDraft?.scrollBack == most)
        #expect(ShopView.render(state).text().contains("Where is my parcel?"))
        Fixtures.press(&state, .pageDown, .pageDown, .pageDown, .pageDown)
        #expect(state.orderScreen?.supportDraft?.scrollBack == 0)
    }

    @Test func theDomainsRefusalShowsUnderTheField() throws {
        var shop = try AfterSalesShop()
        try shop.order()
        var state = shop.appState()
        Fixtures.press(&state, .character("4"), .character("s"), .enter)
        Fixtures.type(&state, "hello")
        _ = update(&state, .answered(RequestID(screen: .order, serial: 1), .commandFailed("the message is empty: write your question")))
        #expect(state.orderScreen?.supportDraft?.problem == "the message is empty: write your question")
        #expect(state.orderScreen?.supportDraft?.text == "hello", "what was typed stays")
        Fixtures.press(&state, .escape)
        #expect(state.orderScreen?.mode == .details)
    }

    @Test func theCustomerPicksTheTopicAndTheAnswerFollowsIt() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        var state = shop.appState(width: 80, height: 24)
        Fixtures.press(&state, .character("4"), .character("s"))
        let text = ShopView.render(state).text()
        for topic in SupportTopic.allCases { #expect(text.contains(topic.label), "\(topic)") }
        #expect(text.contains("Enter write about it"))
        Fixtures.press(&state, .down, .character("j"))
        #expect(state.orderScreen?.supportDraft?.topic == .refund)
        Fixtures.press(&state, .enter)
        Fixtures.type(&state, "Can I get my money back?")
        #expect(ShopView.render(state).text().contains("About: A refund"))
        // Tab goes back to the topics, keeping what was typed.
        Fixtures.press(&state, .tab)
        #expect(state.orderScreen?.supportDraft?.isPickingTopic == true)
        Fixtures.press(&state, .end, .enter)
        #expect(state.orderScreen?.supportDraft?.topic == .other)
        #expect(state.orderScreen?.supportDraft?.text == "Can I get my money back?")
        let effects = Fixtures.press(&state, .enter)
        let open = CommerceCommand.openTicket(orderNumber: number, topic: .other, text: "Can I get my money back?", by: .local)
        #expect(Fixtures.unaddressed(effects) == [.trade(open, note: "Message sent to the shop about order \(number)")])
        let events = try shop.trade(open)
        _ = update(&state, .answered(try #require(Fixtures.request(effects)), .commandSucceeded(events: events, state: shop.state, note: "Message sent")))
        // Something else: a person answers, and says by when.
        #expect(ShopView.render(state).text().contains("A person from our"))
        #expect(shop.state.commerce.tickets.values.first?.messages.last?.text.contains("A person from our team will answer by") == true)
        // The conversation is open: the next message is a reply, with no topic to pick.
        Fixtures.press(&state, .escape, .character("s"))
        #expect(state.orderScreen?.supportDraft?.asksTopic == false)
        #expect(ShopView.render(state).text().contains("Your message"))
        #expect(!ShopView.render(state).text().contains("What is it about?"))
    }

    @Test func escWhilePickingGoesBackToTheOrder() throws {
        var shop = try AfterSalesShop()
        try shop.order()
        var state = shop.appState()
        Fixtures.press(&state, .character("4"), .character("s"), .character("j"), .escape)
        #expect(state.orderScreen?.mode == .details)
    }
}
