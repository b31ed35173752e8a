import ShopCore
import Testing

/// A payment received is told once: whichever way the money comes, the confirmation with the
/// voucher is the one mail that says so (amount, method with a card by brand and last four only,
/// when, what happens next, the seller), and nothing else repeats it.
@Suite("Messages: the payment received")
struct PaymentReceiptMessageTests {
    /// The kinds of the messages a command queued, in order.
    static func kinds(_ events: [ShopEvent]) -> [MessageKind] {
        mails(events).map(\.kind)
    }

    static func mails(_ events: [ShopEvent]) -> [OutgoingMessage] {
        events.compactMap { if case let .commerce(.messageQueued(message)) = $0 { return message } else { return nil } }
    }

    /// Places the cart's order with `payment` and answers the order's number and the placing's mails.
    static func place(_ shop: inout TradeShop, payment: PaymentRequest?) throws -> (String, [MessageKind]) {
        try shop.shop(.addToCart(sku: "BOOK", quantity: 1, by: .local))
        let events = try shop.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: payment), by: .local))
        return (try #require(shop.state.commerce.orderNumbers.last), kinds(events))
    }

    /// What the confirmation of a payment must and must not say.
    static func expectReceipt(_ mail: OutgoingMessage, order: Order, method: String, at time: ShopInstant,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(mail.kind == .orderConfirmation, sourceLocation: sourceLocation)
        #expect(mail.subject == "Order \(order.number) paid and confirmed: your voucher", sourceLocation: sourceLocation)
        #expect(mail.orderNumber == order.number, sourceLocation: sourceLocation)
        let opening = "Your order \(order.number) is confirmed: on \(MessageTime.text(time)) we received \(order.totals.total) by \(method)."
        #expect(mail.body.contains(opening), "\(mail.body)", sourceLocation: sourceLocation)
        #expect(mail.body.contains("What happens next: we are preparing your order now."), sourceLocation: sourceLocation)
        #expect(mail.body.contains("the carrier and the tracking number"), sourceLocation: sourceLocation)
        #expect(mail.body.contains(SellerIdentity.comptoir.block), sourceLocation: sourceLocation)
        #expect(mail.body.contains("Model withdrawal form"), sourceLocation: sourceLocation)
    }

    @Test("a card accepted at checkout: 'order received' and one confirmation, in that order")
    func cardAtCheckout() throws {
        var shop = try TradeShop()
        let (number, kinds) = try Self.place(&shop, payment: try TradeShop.card("4242424242424242"))
        #expect(kinds == [.orderReceived, .orderConfirmation])
        // "Order received" does not ask for money the card just paid.
        let received = try #require(shop.state.commerce.outbox.first { $0.kind == .orderReceived })
        #expect(received.subject == "Order \(number) received")
        #expect(received.body.contains("Your card was charged \(shop.order(number).totals.total) at checkout"))
        #expect(!received.body.contains("Due:") && !received.body.contains("canceled automatically"))
        #expect(received.body.contains(SellerIdentity.comptoir.block))
        let mail = try #require(shop.state.commerce.outbox.last)
        Self.expectReceipt(mail, order: shop.order(number), method: "card Visa •••• 4242", at: shop.now)
        for message in shop.state.commerce.outbox {
            #expect(!message.body.contains("4242424242424242") && !message.body.contains("4242 4242"))
        }
    }

    @Test("a card after the bank's 3-D Secure code: the code, then one confirmation once it is typed right")
    func cardAfterThreeDSecure() throws {
        var shop = try TradeShop()
        let (number, placing) = try Self.place(&shop, payment: try TradeShop.card("4000002760003184"))
        #expect(placing == [.orderReceived, .threeDSecureCode])
        let received = try #require(shop.state.commerce.outbox.first { $0.kind == .orderReceived })
        #expect(received.subject.hasSuffix("to pay") && received.body.contains("Due: "), "a card waiting for its code is not paid yet")
        let wrong = try shop.trade(.confirmCode(orderNumber: number, code: "000000", by: .local))
        #expect(Self.kinds(wrong).isEmpty, "a wrong code leaves the payment waiting: no mail")
        shop.now = shop.now.adding(minutes: 2)
        let code = try #require(shop.code(number))
        let confirming = try shop.trade(.confirmCode(orderNumber: number, code: code, by: .local))
        #expect(Self.kinds(confirming) == [.orderConfirmation])
        Self.expectReceipt(try #require(Self.mails(confirming).first), order: shop.order(number),
                           method: "card Visa •••• 3184", at: shop.now)
        #expect(!shop.state.commerce.outbox.contains { $0.body.contains("4000002760003184") })
    }

    @Test("a card after a declined one: the failure, then one confirmation for the card that went through")
    func cardAfterAFailure() throws {
        var shop = try TradeShop()
        let (number, placing) = try Self.place(&shop, payment: try TradeShop.card("4000000000009995"))
        #expect(placing == [.orderReceived, .paymentFailed])
        #expect(try #require(shop.state.commerce.outbox.first { $0.kind == .orderReceived }).body.contains("Due: "))
        shop.now = shop.now.adding(hours: 3)
        let paying = try shop.trade(.pay(orderNumber: number, try TradeShop.card("5555555555554444"), by: .local))
        #expect(Self.kinds(paying) == [.orderConfirmation])
        Self.expectReceipt(try #require(Self.mails(paying).first), order: shop.order(number),
                           method: "card Mastercard •••• 4444", at: shop.now)
        #expect(shop.state.commerce.outbox.filter { $0.kind == .orderConfirmation }.count == 1)
    }

    @Test("a wallet approved after the order was placed: one confirmation, naming the wallet")
    func walletApprovedLater() throws {
        var shop = try TradeShop()
        let (number, placing) = try Self.place(&shop, payment: .wallet(payer: "zoe@example.fr"))
        #expect(placing == [.orderReceived])
        shop.now = shop.now.adding(minutes: 5)
        let approving = try shop.trade(.approveWallet(orderNumber: number, by: .local))
        #expect(Self.kinds(approving) == [.orderConfirmation])
        Self.expectReceipt(try #require(Self.mails(approving).first), order: shop.order(number),
                           method: "wallet zoe@example.fr", at: shop.now)
    }

    @Test("a declined wallet gets the failure only, never a confirmation")
    func walletDeclined() throws {
        var shop = try TradeShop()
        let (number, _) = try Self.place(&shop, payment: .wallet(payer: "decline@example.com"))
        let approving = try shop.trade(.approveWallet(orderNumber: number, by: .local))
        #expect(Self.kinds(approving) == [.paymentFailed])
    }

    @Test("cash recorded at the agent, a day later: one confirmation dated then, naming the reference; recording again sends nothing")
    func cashAtTheAgent() throws {
        var shop = try TradeShop()
        let (number, placing) = try Self.place(&shop, payment: .cash)
        #expect(placing == [.orderReceived, .cashPaymentReference])
        guard case let .cash(cash)? = shop.order(number).currentPayment else { Issue.record("no cash payment"); return }
        try shop.advance(hours: 26)
        let recording = try shop.trade(.recordCash(reference: cash.reference, amount: cash.amount))
        #expect(Self.kinds(recording) == [.orderConfirmation])
        let mail = try #require(Self.mails(recording).first)
        #expect(mail.date == shop.now)
        Self.expectReceipt(mail, order: shop.order(number), method: "cash, reference \(cash.reference)", at: shop.now)
        #expect(commerceError { try shop.trade(.recordCash(reference: cash.reference, amount: cash.amount)) } != nil)
        #expect(shop.state.commerce.outbox.filter { $0.kind == .orderConfirmation }.count == 1)
    }

    @Test("an order placed without payment and paid later by card: one confirmation")
    func placedThenPaid() throws {
        var shop = try TradeShop()
        let (number, placing) = try Self.place(&shop, payment: nil)
        #expect(placing == [.orderReceived])
        let paying = try shop.trade(.pay(orderNumber: number, try TradeShop.card("4242424242424242"), by: .local))
        #expect(Self.kinds(paying) == [.orderConfirmation])
    }

    @Test("no message kind is declared that no event sends: 'payment-received' is the confirmation's job")
    func noPaymentReceivedKind() {
        #expect(MessageKind(rawValue: "payment-received") == nil)
        #expect(MessageKind.allCases.count == Set(MessageKind.allCases.map(\.rawValue)).count)
    }
}
