import Foundation
import ShopCore
import ShopService
import ShopStore
import Testing

/// The demo's accelerated clock: speed × the wall's seconds from a start, held at the wall's pace
/// while a customer payment is awaited, and the service's question that holds it.
@Suite struct AcceleratedClockTests {
    static let start = ShopInstant.utc(year: 2026, month: 11, day: 30, hour: 9)

    @Test func shopTimeRunsSpeedTimesTheWall() {
        let source = ManualMonotonic()
        let clock = AcceleratedClock(speed: 7_200, start: Self.start, source: source)
        #expect(clock.now == Self.start)
        source.advance(seconds: 0.5)
        #expect(clock.now == Self.start.adding(hours: 1))
        source.advance(seconds: 1.25)
        #expect(clock.now == Self.start.adding(seconds: 12_600))
        source.advance(seconds: -10)
        #expect(clock.now == Self.start.adding(seconds: 12_600), "the source never goes back")
        #expect(clock.currentSpeed == 7_200)
    }

    @Test func aHoldRunsAtTheWallsPaceFromTheDecisionAndAReleaseRunsFastAgain() {
        let source = ManualMonotonic()
        let clock = AcceleratedClock(speed: 3_600, start: Self.start, source: source)
        source.advance(seconds: 1)
        let decided = clock.now
        #expect(decided == Self.start.adding(hours: 1))
        // The hold comes a little after the decision (a commit's fsync): that fast time does not count.
        source.advance(seconds: 0.01)
        clock.hold(true, from: decided)
        #expect(clock.isHeld)
        #expect(clock.currentSpeed == 1)
        #expect(clock.now == decided)
        source.advance(seconds: 300)
        #expect(clock.now == decided.adding(seconds: 300))
        clock.hold(true, from: Self.start)
        #expect(clock.now == decided.adding(seconds: 300), "holding again changes nothing, never goes back")
        clock.hold(false)
        #expect(clock.now == decided.adding(seconds: 300))
        source.advance(seconds: 1)
        #expect(clock.now == decided.adding(seconds: 300 + 3_600))
    }

    @Test func aCheckoutHoldAndAPaymentHoldAreReleasedEachByItsOwnReason() {
        let source = ManualMonotonic()
        let clock = AcceleratedClock(speed: 3_600, start: Self.start, source: source)
        clock.holdForCheckout(true)
        #expect(clock.isHeld)
        source.advance(seconds: 10)
        #expect(clock.now == Self.start.adding(seconds: 10))
        // The order is placed and paid: the service lets go of the payment's hold, not the checkout's.
        clock.hold(true, from: clock.now)
        clock.hold(false)
        #expect(clock.isHeld)
        source.advance(seconds: 10)
        #expect(clock.now == Self.start.adding(seconds: 20))
        clock.holdForCheckout(false)
        #expect(!clock.isHeld)
        source.advance(seconds: 1)
        #expect(clock.now == Self.start.adding(seconds: 20 + 3_600))
        // A payment awaited after checkout closed still holds alone.
        clock.hold(true)
        clock.holdForCheckout(true)
        clock.holdForCheckout(false)
        #expect(clock.isHeld)
    }

    @Test func aHoldNeverGoesBackBeforeTheLastChange() {
        let source = ManualMonotonic()
        let clock = AcceleratedClock(speed: 100, start: Self.start, source: source)
        source.advance(seconds: 10)
        clock.hold(true, from: Self.start.adding(seconds: -5_000))
        #expect(clock.now == Self.start, "not before the start")
    }

    /// The service asks, after each change, whether a customer payment is awaited, and holds its
    /// accelerated clock meanwhile: the code stays valid for its five minutes of wall time.
    @Test func theServiceHoldsItsClockWhileACodeOrAWalletWaitsButNotForCash() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-accelerated-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { [ServiceFixture.kettle, ServiceFixture.matcha] })
        defer { try? store.close() }
        let source = ManualMonotonic()
        let clock = AcceleratedClock(speed: 7_200, start: Self.start, source: source)
        let service = ShopService(store: store, clock: clock, entropy: CountingEntropy(), hasher: CountingHasher())
        try service.register(try ServiceFixture.registration(), password: ServiceFixture.password, session: "local")
        #expect(!service.awaitsCustomerPayment)

        try service.execute(.addToCart(sku: "KET-SMG-1", quantity: 1, by: .local))
        let card = try CardDetails(number: "4000 0027 6000 3184", expiry: "12/30", securityCode: "123", now: service.now)
        try service.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: .card(CardEntry(card))), by: .local))
        let number = try #require(service.commerce.orderNumbers.last)
        #expect(service.awaitsCustomerPayment)
        #expect(clock.isHeld)
        source.advance(seconds: 240)
        #expect(try service.catchUp().isEmpty, "four minutes: the code has not expired")
        let account = try service.customer(.local)
        let code = try #require(try service.mailbox.threeDSecureCode(orderNumber: number, for: account))
        try service.confirmCode(orderNumber: number, code: code, by: .local)
        #expect(service.commerce.orders[number]?.isPaid == true)
        #expect(!service.awaitsCustomerPayment)
        #expect(!clock.isHeld)

        try service.execute(.addToCart(sku: "TEA-MAT-1", quantity: 1, by: .local))
        try service.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: .cash), by: .local))
        #expect(!service.awaitsCustomerPayment, "cash is paid at an agent, not at the screen")
        #expect(!clock.isHeld)
    }
}
