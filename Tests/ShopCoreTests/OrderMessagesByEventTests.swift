import ShopCore
import Testing

/// Issue 14 item 4: "Order received" at placement, the voucher once paid with the content of
/// EU 2011/83 art. 8(7), never a confirmation for a declined card, cancellations dated when made.
@Suite("Orders: messages by what happened")
struct OrderMessagesByEventTests {
    @Test("placing says the order was received, what is due and by when; paying sends the voucher")
    func receivedThenVoucher() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 1)], payment: .cash)
        let received = try #require(shop.state.commerce.outbox.first { $0.kind == .orderReceived })
        #expect(received.subject.contains("received"))
        #expect(received.body.contains("Due: €24.90"))
        #expect(received.body.contains("to be paid by \(MessageTime.text(shop.order(number).placedAt.adding(hours: 72)))"))
        #expect(received.body.contains("canceled automatically"))
        for message in shop.state.commerce.outbox {
            #expect(!message.subject.lowercased().contains("confirmed"))
            #expect(!message.body.lowercased().contains("voucher:"))
        }
        #expect(!shop.state.commerce.outbox.contains { $0.kind == .orderConfirmation })
        guard case let .cash(cash)? = shop.order(number).currentPayment else { Issue.record("no cash payment"); return }
        try shop.trade(.recordCash(reference: cash.reference, amount: cash.amount))
        let voucher = try #require(shop.state.commerce.outbox.first { $0.kind == .orderConfirmation })
        #expect(voucher.subject == "Order \(number) paid and confirmed: your voucher")
        let seller = SellerIdentity.comptoir
        for part in ["Comptoir SAS", "14 rue Mercière, 69002 Lyon, France", "SIREN 902 123 454", "VAT number FR49902123454",
                     "service@comptoir.shop", "+33 4 78 00 12 34", "Total: €24.90", "Standard delivery by",
                     "Right of withdrawal", "within 14 days without giving any reason", "comptoir return \(number)",
                     "Model withdrawal form", "I/We (*) hereby give notice", "(*) Delete as appropriate."] {
            #expect(voucher.body.contains(part), "the voucher lacks \(part)")
        }
        #expect(seller.vatNumber == "FR49902123454")
    }

    @Test("a declined card gets a failure, never a message that says confirmed or voucher")
    func declinedCardIsNeverConfirmed() throws {
        var shop = try TradeShop()
        let number = try shop.order(payment: try TradeShop.card("4000000000000002"))
        #expect(shop.order(number).paymentState == .failed)
        let kinds = shop.state.commerce.outbox.map(\.kind)
        #expect(kinds.contains(.orderReceived))
        #expect(kinds.contains(.paymentFailed))
        #expect(!kinds.contains(.orderConfirmation))
        for message in shop.state.commerce.outbox where message.orderNumber == number {
            #expect(!message.subject.lowercased().contains("confirmed"))
            #expect(!message.subject.lowercased().contains("voucher"))
            #expect(!message.body.contains("is confirmed"))
            #expect(!message.body.contains("your voucher"))
        }
    }

    @Test("an unpaid order canceled late is dated when its 72 hours ran out, not when time was caught up")
    func cancellationDatedWhenCanceled() throws {
        var shop = try TradeShop()
        let number = try shop.order(payment: try TradeShop.card("4000000000000002"))
        let deadline = shop.order(number).placedAt.adding(hours: 72)
        try shop.advance(hours: 24 * 9)
        #expect(shop.order(number).state == .canceled)
        let mail = try #require(shop.state.commerce.outbox.first { $0.kind == .orderCanceled })
        #expect(mail.date == deadline)
        #expect(mail.body.contains("was canceled on \(MessageTime.text(deadline))"))
    }

    @Test("a cash reference that expired unpaid cancels the order as of its expiry")
    func cashExpiryDated() throws {
        var shop = try TradeShop()
        let number = try shop.order(payment: .cash)
        guard case let .cash(cash)? = shop.order(number).currentPayment else { Issue.record("no cash payment"); return }
        try shop.advance(hours: 24 * 5)
        let mail = try #require(shop.state.commerce.outbox.first { $0.kind == .orderCanceled })
        #expect(mail.date == cash.expiresAt)
    }
}

@Suite("Cash at an agent near the customer")
struct CashAgentTests {
    @Test("the same postal code first, then the département, then the closest codes")
    func nearest() {
        #expect(CashAgent.nearest(to: "75011").map(\.postalCode) == ["75011", "75011", "75011"])
        #expect(CashAgent.nearest(to: "69002", count: 3).map(\.name) == ["Presse Mercière", "Tabac des Terreaux", "Tabac de la Guillotière"])
        #expect(CashAgent.nearest(to: "13008", count: 1).map(\.city) == ["Marseille"])
        #expect(CashAgent.nearest(to: "", count: 2).count == 2)
        #expect(CashAgent.nearest(to: "75011", count: 0).isEmpty)
    }

    @Test("the cash reference mail lists the agents near the delivery address with their hours")
    func referenceMailListsAgents() throws {
        var shop = try TradeShop()
        _ = try shop.order(payment: .cash)
        let mail = try #require(shop.state.commerce.outbox.first { $0.kind == .cashPaymentReference })
        #expect(mail.body.contains("Agents near 75011:"))
        #expect(mail.body.contains("- Tabac de la Roquette, 48 rue de la Roquette, 75011 Paris (Mon–Sat 07:00–20:00)"))
    }
}
