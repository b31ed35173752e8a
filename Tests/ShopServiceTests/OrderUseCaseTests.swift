import ShopCore
import ShopService
import ShopStore
import Testing

/// Checkout and payment at the injected clock, the 3-D Secure code read from the customer's own
/// messages, and the questions the screens ask before a cancellation or a return.
@Suite struct OrderUseCaseTests {
    static let threeDSecureCard = "4000002760003184"
    static let declinedCard = "4000000000000002"

    @Test func anOrderIsPlacedAtTheInjectedClock() throws {
        let shop = try ServiceFixture()
        try shop.register()
        let number = try shop.placeOrder(by: .local)
        let order = try #require(shop.service.commerce.order(numbered: number))
        #expect(order.placedAt == ServiceFixture.start)
        #expect(PaymentOutcome(order) == .confirmed)
    }

    @Test func aDeclinedCardSaysWhyAndTheOrderWaitsForAnotherPayment() throws {
        let shop = try ServiceFixture()
        try shop.register()
        let number = try shop.placeOrder(by: .local, card: Self.declinedCard)
        let order = try #require(shop.service.commerce.order(numbered: number))
        guard case let .declined(reason) = PaymentOutcome(order) else {
            Issue.record("a declined card gave \(PaymentOutcome(order))")
            return
        }
        #expect(!reason.isEmpty)
    }

    @Test func aWrongCodeIsRejectedWithTheTriesLeftThenTheCodeFromTheMessagesPays() throws {
        let shop = try ServiceFixture()
        let account = try shop.register()
        let number = try shop.placeOrder(by: .local, card: Self.threeDSecureCard)
        #expect(PaymentOutcome(try #require(shop.service.commerce.order(numbered: number))) == .awaitingCode(attemptsLeft: 3))
        let code = try #require(try shop.service.mailbox.threeDSecureCode(orderNumber: number, for: account))
        let wrong = code == "000000" ? "111111" : "000000"
        #expect(throws: ServiceError.codeRejected(.rejected(attemptsLeft: 2))) {
            try shop.service.confirmCode(orderNumber: number, code: wrong, by: .local)
        }
        let paid = try #require(try shop.service.confirmCode(orderNumber: number, code: code, by: .local))
        #expect(paid.isPaid)
    }

    @Test func theCodeOfAnOrderIsReadOnlyFromItsCustomersExactAddress() throws {
        let shop = try ServiceFixture()
        let zoe = try shop.register("zoe@example.fr", session: "zoe")
        let oe = try shop.register("oe@example.fr", session: "oe")
        let number = try shop.placeOrder(by: .session("zoe"), card: Self.threeDSecureCard)
        #expect(try shop.service.mailbox.threeDSecureCode(orderNumber: number, for: zoe) != nil)
        #expect(try shop.service.mailbox.threeDSecureCode(orderNumber: number, for: oe) == nil)
        #expect(try shop.service.mailbox.threeDSecureCode(orderNumber: nil, for: oe) == nil)
        #expect(try shop.service.mailbox.messages(of: oe).allSatisfy { $0.isAddressed(to: "oe@example.fr") })
    }

    @Test func aCodeTypedAfterItExpiredFailsThePayment() throws {
        let shop = try ServiceFixture()
        let account = try shop.register()
        let number = try shop.placeOrder(by: .local, card: Self.threeDSecureCard)
        let code = try #require(try shop.service.mailbox.threeDSecureCode(orderNumber: number, for: account))
        shop.clock.advance(seconds: 6 * 60)
        // The code expired with the clock: no code is awaited any more, and the payment failed.
        #expect(throws: ServiceError.store(.rejected(.commerce(.noCodeAwaited(number))))) {
            try shop.service.confirmCode(orderNumber: number, code: code, by: .local)
        }
        try shop.service.trade(.catchUp)
        let order = try #require(shop.service.commerce.order(numbered: number))
        guard case .declined = PaymentOutcome(order) else {
            Issue.record("an expired code left \(PaymentOutcome(order))")
            return
        }
    }

    @Test func anUnshippedOrderMayBeCanceledOnceAndThenSaysItIsCanceled() throws {
        let shop = try ServiceFixture()
        try shop.register()
        let number = try shop.placeOrder(by: .local)
        #expect(try #require(shop.service.commerce.order(numbered: number)).cancelRefusal == nil)
        try shop.service.trade(.cancelOrder(orderNumber: number, by: .local))
        let canceled = try #require(shop.service.commerce.order(numbered: number))
        #expect(canceled.cancelRefusal == .alreadyCanceled(orderNumber: number))
        #expect(throws: ServiceError.store(.rejected(.commerce(.orderCanceled(number))))) {
            try shop.service.trade(.cancelOrder(orderNumber: number, by: .local))
        }
    }

    @Test func aShippedOrderIsTooLateToCancelAndTheDecisionAgrees() throws {
        let shop = try ServiceFixture()
        try shop.register()
        let number = try shop.placeOrder(by: .local)
        try shop.advance(days: 1)
        let order = try #require(shop.service.commerce.order(numbered: number))
        try #require(order.fulfillment == .shipped || order.fulfillment == .delivered)
        #expect(order.cancelRefusal == .tooLateToCancel(orderNumber: number, fulfillment: order.fulfillment))
        #expect(throws: ServiceError.store(.rejected(.commerce(.cannotCancel(orderNumber: number, fulfillment: order.fulfillment))))) {
            try shop.service.trade(.cancelOrder(orderNumber: number, by: .local))
        }
    }

    @Test func aReturnWaitsForDeliveryThenHas14DaysThenIsRefused() throws {
        let shop = try ServiceFixture()
        try shop.register()
        let number = try shop.placeOrder(by: .local)
        let placed = try #require(shop.service.commerce.order(numbered: number))
        #expect(placed.returnRefusal(at: shop.service.now) == .notDelivered(orderNumber: number, shipped: false))
        try shop.advance(days: 10)
        let delivered = try #require(shop.service.commerce.order(numbered: number))
        try #require(delivered.fulfillment == .delivered)
        #expect(delivered.returnRefusal(at: shop.service.now) == nil)
        let lastDay = try #require(delivered.withdrawalLastDay)
        try shop.advance(days: 20)
        let late = try #require(shop.service.commerce.order(numbered: number))
        #expect(late.returnRefusal(at: shop.service.now) == .withdrawalPeriodOver(orderNumber: number, lastDay: lastDay))
        #expect(throws: ServiceError.store(.rejected(.commerce(.withdrawalPeriodOver(orderNumber: number, lastDay: lastDay))))) {
            try shop.service.trade(.requestReturn(orderNumber: number, lines: nil, by: .local))
        }
    }

    @Test func aReturnedOrderHasNothingLeftToReturn() throws {
        let shop = try ServiceFixture()
        try shop.register()
        let number = try shop.placeOrder(by: .local)
        try shop.advance(days: 10)
        try shop.service.trade(.requestReturn(orderNumber: number, lines: nil, by: .local))
        let order = try #require(shop.service.commerce.order(numbered: number))
        #expect(order.returnRefusal(at: shop.service.now) == .everythingReturned(orderNumber: number))
    }

    @Test func readingCatchesUpInMemoryWithoutWriting() throws {
        let shop = try ServiceFixture()
        try shop.register()
        let number = try shop.placeOrder(by: .local)
        let sequence = shop.service.store.sequence
        shop.clock.advance(seconds: 10 * 86_400)
        let reading = ShopReading(state: shop.service.state, clock: shop.clock)
        #expect(reading.state.commerce.order(numbered: number)?.fulfillment == .delivered)
        #expect(shop.service.commerce.order(numbered: number)?.fulfillment != .delivered)
        #expect(shop.service.store.sequence == sequence)
        #expect(throws: ServiceError.notLoggedIn) { try reading.customer(.session("nobody")) }
    }
}
