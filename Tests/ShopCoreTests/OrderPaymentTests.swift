import ShopCore
import Testing

@Suite("Orders: payment")
struct OrderPaymentTests {
    static let outcomes: [(String, PaymentState, PaymentFailure?)] = [
        ("4242424242424242", .paid, nil),
        ("5555555555554444", .paid, nil),
        ("2223003122003222", .paid, nil),
        ("378282246310005", .paid, nil),
        ("4000002500001001", .paid, nil),
        ("4000002760003184", .requiresAction, nil),
        ("4000000000003220", .requiresAction, nil),
        ("4000000000000002", .failed, .declined(.generic)),
        ("4000000000009995", .failed, .declined(.insufficientFunds)),
        ("4000000000009987", .failed, .declined(.lostCard)),
        ("4000000000009979", .failed, .declined(.stolenCard)),
        ("4000000000000069", .failed, .declined(.expiredCard)),
        ("4000000000000127", .failed, .declined(.incorrectSecurityCode)),
        ("4000000000000119", .failed, .declined(.processingError)),
    ]

    @Test("every test card's outcome through checkout", arguments: outcomes.indices)
    func testCardOutcome(index: Int) throws {
        let (number, state, failure) = Self.outcomes[index]
        var shop = try TradeShop()
        let placed = try shop.order(payment: try TradeShop.card(number))
        let order = shop.order(placed)
        #expect(order.paymentState == state)
        #expect(order.currentPayment?.failure == failure)
        #expect(order.fulfillment == (state == .paid ? .preparing : .unfulfilled))
        let kinds = shop.state.commerce.outbox.map(\.kind)
        #expect(kinds.contains(.threeDSecureCode) == (state == .requiresAction))
        #expect(kinds.contains(.paymentFailed) == (state == .failed))
        #expect(kinds.contains(.orderConfirmation) == (state == .paid))
        if case let .card(card)? = order.currentPayment {
            #expect(card.card.lastFour == String(number.suffix(4)))
        }
    }

    @Test func aLuhnFailureIsAnInvalidNumber() {
        #expect(throws: PaymentError.cardNumberCheckDigit) { try TradeShop.card("4242424242424241") }
    }

    @Test func theCodeMessageCarriesTheCodeAndARightCodePays() throws {
        var shop = try TradeShop()
        let number = try shop.order(payment: try TradeShop.card("4000002760003184"))
        let code = try #require(shop.code(number))
        let message = try #require(shop.state.commerce.outbox.first { $0.kind == .threeDSecureCode })
        #expect(message.body.contains("Your code: \(code)"))
        try shop.trade(.confirmCode(orderNumber: number, code: code, by: .local))
        #expect(shop.order(number).paymentState == .paid)
        #expect(shop.order(number).fulfillment == .preparing)
        #expect(commerceError { try shop.trade(.confirmCode(orderNumber: number, code: code, by: .local)) } == .noCodeAwaited(number))
    }

    @Test("two wrong codes may be retried; the third fails the payment; another method then pays")
    func wrongCodes() throws {
        var shop = try TradeShop()
        let number = try shop.order(payment: try TradeShop.card("4000002760003184"))
        let code = try #require(shop.code(number))
        let wrong = code == "000000" ? "111111" : "000000"
        try shop.trade(.confirmCode(orderNumber: number, code: wrong, by: .local))
        try shop.trade(.confirmCode(orderNumber: number, code: wrong, by: .local))
        #expect(shop.order(number).paymentState == .requiresAction)
        try shop.trade(.confirmCode(orderNumber: number, code: wrong, by: .local))
        #expect(shop.order(number).paymentState == .failed)
        #expect(shop.order(number).currentPayment?.failure == .tooManyWrongCodes)
        #expect(commerceError { try shop.trade(.confirmCode(orderNumber: number, code: code, by: .local)) } == .noCodeAwaited(number))
        try shop.trade(.pay(orderNumber: number, .wallet(payer: "zoe@example.fr"), by: .local))
        #expect(shop.order(number).paymentState == .requiresAction)
        try shop.trade(.approveWallet(orderNumber: number, by: .local))
        #expect(shop.order(number).paymentState == .paid)
        #expect(shop.order(number).payments.count == 2)
    }

    @Test("a code is accepted 5 minutes after issue and expired one second later")
    func codeExpiry() throws {
        var onTime = try TradeShop()
        let first = try onTime.order(payment: try TradeShop.card("4000002760003184"))
        try onTime.advance(seconds: 300)
        try onTime.trade(.confirmCode(orderNumber: first, code: try #require(onTime.code(first)), by: .local))
        #expect(onTime.order(first).paymentState == .paid)

        var late = try TradeShop()
        let second = try late.order(payment: try TradeShop.card("4000002760003184"))
        let code = try #require(late.code(second))
        try late.advance(seconds: 301)
        #expect(late.order(second).paymentState == .failed)
        #expect(late.order(second).currentPayment?.failure == .codeExpired)
        #expect(commerceError { try late.trade(.confirmCode(orderNumber: second, code: code, by: .local)) } == .noCodeAwaited(second))
    }

    @Test func aMalformedCodeUsesNoAttempt() throws {
        var shop = try TradeShop()
        let number = try shop.order(payment: try TradeShop.card("4000002760003184"))
        #expect(commerceError { try shop.trade(.confirmCode(orderNumber: number, code: "12ab", by: .local)) } == .payment(.malformedOneTimeCode))
        guard case let .card(card)? = shop.order(number).currentPayment else { Issue.record("no card payment"); return }
        #expect(card.challenge?.attemptsLeft == 3)
    }

    @Test func aDecliningWalletFailsAndCashThenPays() throws {
        var shop = try TradeShop()
        let number = try shop.order(payment: .wallet(payer: "decline@example.com"))
        #expect(commerceError { try shop.trade(.pay(orderNumber: number, .cash, by: .local)) }
            == .paymentInProgress(orderNumber: number, state: .requiresAction))
        try shop.trade(.approveWallet(orderNumber: number, by: .local))
        #expect(shop.order(number).paymentState == .failed)
        #expect(commerceError { try shop.trade(.approveWallet(orderNumber: number, by: .local)) } == .noWalletPaymentAwaiting(number))
        try shop.trade(.pay(orderNumber: number, .cash, by: .local))
        guard case let .cash(cash)? = shop.order(number).currentPayment else { Issue.record("no cash payment"); return }
        #expect(commerceError { try shop.trade(.recordCash(reference: cash.reference, amount: TradeShop.euros(1_00))) }
            == .payment(.wrongCashAmount(reference: cash.reference, expected: cash.amount, received: TradeShop.euros(1_00))))
        try shop.trade(.recordCash(reference: cash.reference, amount: cash.amount))
        #expect(shop.order(number).paymentState == .paid)
        #expect(commerceError { try shop.trade(.recordCash(reference: cash.reference, amount: cash.amount)) }
            == .payment(.referenceAlreadyPaid(cash.reference)))
        #expect(commerceError { try shop.trade(.pay(orderNumber: number, .cash, by: .local)) } == .alreadyPaid(number))
    }

    @Test func aPaymentUnderWayMayBeGivenUpToPayAnotherWay() throws {
        var shop = try TradeShop()
        let secure = try shop.order(payment: try TradeShop.card("4000002760003184"))
        let code = try #require(shop.code(secure))
        try shop.trade(.abandonPayment(orderNumber: secure, by: .local))
        #expect(shop.order(secure).paymentState == .canceled)
        #expect(shop.order(secure).state == .placed)
        #expect(commerceError { try shop.trade(.confirmCode(orderNumber: secure, code: code, by: .local)) } == .noCodeAwaited(secure))
        #expect(commerceError { try shop.trade(.abandonPayment(orderNumber: secure, by: .local)) } == .noPaymentUnderWay(secure))
        try shop.trade(.pay(orderNumber: secure, .wallet(payer: "zoe@example.fr"), by: .local))
        try shop.trade(.abandonPayment(orderNumber: secure, by: .local))
        try shop.trade(.pay(orderNumber: secure, .cash, by: .local))
        guard case let .cash(cash)? = shop.order(secure).currentPayment else { Issue.record("no cash payment"); return }
        try shop.trade(.abandonPayment(orderNumber: secure, by: .local))
        #expect(commerceError { try shop.trade(.recordCash(reference: cash.reference, amount: cash.amount)) }
            == .payment(.invalidTransition(action: .recordCash, from: .canceled)))
        try shop.trade(.pay(orderNumber: secure, try TradeShop.card("4242424242424242"), by: .local))
        #expect(shop.order(secure).paymentState == .paid)
        #expect(commerceError { try shop.trade(.abandonPayment(orderNumber: secure, by: .local)) } == .alreadyPaid(secure))
    }

    @Test func givingUpLeavesTheUnpaidOrderToBeCanceledAfter72Hours() throws {
        var shop = try TradeShop()
        let number = try shop.order([("LAMP", 1)], payment: try TradeShop.card("4000002760003184"))
        try shop.trade(.abandonPayment(orderNumber: number, by: .local))
        try shop.advance(hours: 72, seconds: 1)
        #expect(shop.order(number).state == .canceled)
        #expect(shop.product("LAMP").reservedStock == 0)
        #expect(commerceError { try shop.trade(.abandonPayment(orderNumber: number, by: .local)) } == .orderCanceled(number))
    }

    @Test("a cash reference is payable through its 72nd hour; one second later the order is canceled and its stock released")
    func cashExpiry() throws {
        var onTime = try TradeShop()
        let first = try onTime.order([("LAMP", 2)], payment: .cash)
        guard case let .cash(cash)? = onTime.order(first).currentPayment else { Issue.record("no cash payment"); return }
        try onTime.advance(hours: 72)
        try onTime.trade(.recordCash(reference: cash.reference, amount: cash.amount))
        #expect(onTime.order(first).paymentState == .paid)

        var late = try TradeShop()
        let second = try late.order([("LAMP", 2)], payment: .cash)
        guard case let .cash(lateCash)? = late.order(second).currentPayment else { Issue.record("no cash payment"); return }
        #expect(late.product("LAMP").reservedStock == 2)
        try late.advance(seconds: 72 * 3_600 + 1)
        #expect(late.order(second).state == .canceled)
        #expect(late.order(second).cancelReason == .cashReferenceExpired)
        #expect(late.order(second).paymentState == .canceled)
        #expect(late.product("LAMP").reservedStock == 0)
        #expect(late.state.commerce.outbox.contains { $0.kind == .orderCanceled })
        #expect(commerceError { try late.trade(.recordCash(reference: lateCash.reference, amount: lateCash.amount)) }
            == .payment(.referenceExpired(reference: lateCash.reference, expiredAt: lateCash.expiresAt)))
    }

    @Test func anUnknownReferenceAndAnotherCustomersOrderAreRefused() throws {
        var shop = try TradeShop()
        let number = try shop.order(payment: .cash)
        var random = SplitMix64(seed: 99)
        let stranger = CashReference.generate(using: &random)
        #expect(commerceError { try shop.trade(.recordCash(reference: stranger, amount: TradeShop.euros(1_00))) }
            == .unknownCashReference(stranger.description))
        try shop.trade(.logOut(by: .local))
        try shop.register(email: "marc@example.fr", name: "Marc Petit")
        #expect(commerceError { try shop.trade(.cancelOrder(orderNumber: number, by: .local)) } == .notYourOrder(number))
        #expect(commerceError { try shop.trade(.cancelOrder(orderNumber: "C-2026-999999", by: .local)) } == .unknownOrder("C-2026-999999"))
    }

    @Test func anOrderWithNoPaymentUnderWayIsCanceledAfter72Hours() throws {
        var shop = try TradeShop()
        let number = try shop.order([("LAMP", 1)], payment: try TradeShop.card("4000000000000002"))
        try shop.advance(hours: 72)
        #expect(shop.order(number).state == .placed)
        try shop.advance(seconds: 1)
        #expect(shop.order(number).state == .canceled)
        #expect(shop.order(number).cancelReason == .unpaid)
        #expect(shop.product("LAMP").reservedStock == 0)
    }
}
