import Testing
@testable import ShopCore

@Suite struct PaymentRefundTests {
    private let fifty = Money(minorUnits: 5_000, currency: .eur)
    private let method = PaymentMethodSummary.card(CardSummary(brand: .visa, coBadge: nil, lastFour: "4242", expiryMonth: 12, expiryYear: 2030))

    private func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .eur) }

    @Test func nothingRefundedIsPaid() {
        let ledger = RefundLedger(captured: fifty, method: method)
        #expect(ledger.paymentState == .paid)
        #expect(ledger.refunded == euros(0))
        #expect(ledger.remaining == fifty)
    }

    @Test func aFullRefundIsRefunded() throws {
        var ledger = RefundLedger(captured: fifty, method: method)
        let refund = try ledger.refundRemaining(at: PaymentFixtures.now)
        #expect(refund.amount == fifty)
        #expect(refund.method == method)
        #expect(refund.description == "refund of €50.00 to card Visa •••• 4242")
        #expect(ledger.paymentState == .refunded)
        #expect(ledger.remaining == euros(0))
    }

    @Test func partialRefundsAddUpToTheCapturedAmount() throws {
        var ledger = RefundLedger(captured: fifty, method: method)
        try ledger.refund(euros(1_250), at: PaymentFixtures.now)
        #expect(ledger.paymentState == .partiallyRefunded)
        #expect(ledger.refunded == euros(1_250))
        #expect(ledger.remaining == euros(3_750))
        try ledger.refund(euros(3_000), at: PaymentFixtures.now.adding(days: 1))
        #expect(ledger.paymentState == .partiallyRefunded)
        #expect(ledger.remaining == euros(750))
        let rest = try ledger.refundRemaining(at: PaymentFixtures.now.adding(days: 2))
        #expect(rest.amount == euros(750))
        #expect(ledger.paymentState == .refunded)
        #expect(ledger.refunds.map(\.amount) == [euros(1_250), euros(3_000), euros(750)])
    }

    @Test func cannotRefundMoreThanWhatIsLeft() throws {
        var ledger = RefundLedger(captured: fifty, method: method)
        try ledger.refund(euros(3_000), at: PaymentFixtures.now)
        let error = PaymentError.refundExceedsRemaining(requested: euros(2_001), remaining: euros(2_000), captured: fifty)
        #expect(throws: error) { try ledger.refund(euros(2_001), at: PaymentFixtures.now) }
        #expect(error.description == "cannot refund €20.01: only €20.00 of the €50.00 paid is left to refund")
        try ledger.refund(euros(2_000), at: PaymentFixtures.now)
        #expect(ledger.paymentState == .refunded)
    }

    @Test func cannotRefundMoreThanCapturedAtOnce() {
        var ledger = RefundLedger(captured: fifty, method: method)
        #expect(throws: PaymentError.refundExceedsRemaining(requested: euros(5_001), remaining: fifty, captured: fifty)) {
            try ledger.refund(euros(5_001), at: PaymentFixtures.now)
        }
        #expect(ledger.paymentState == .paid)
    }

    @Test func nothingLeftAfterAFullRefund() throws {
        var ledger = RefundLedger(captured: fifty, method: method)
        try ledger.refundRemaining(at: PaymentFixtures.now)
        #expect(throws: PaymentError.nothingLeftToRefund(captured: fifty)) { try ledger.refund(euros(1), at: PaymentFixtures.now) }
        #expect(throws: PaymentError.nothingLeftToRefund(captured: fifty)) { try ledger.refundRemaining(at: PaymentFixtures.now) }
        #expect(PaymentError.nothingLeftToRefund(captured: fifty).description == "the €50.00 paid has already been refunded in full")
    }

    @Test func refusesZeroNegativeAndForeignAmounts() {
        var ledger = RefundLedger(captured: fifty, method: method)
        #expect(throws: PaymentError.refundNotPositive(euros(0))) { try ledger.refund(euros(0), at: PaymentFixtures.now) }
        #expect(throws: PaymentError.refundNotPositive(euros(-100))) { try ledger.refund(euros(-100), at: PaymentFixtures.now) }
        #expect(throws: PaymentError.refundCurrencyMismatch(captured: .eur, requested: .usd)) {
            try ledger.refund(Money(minorUnits: 100, currency: .usd), at: PaymentFixtures.now)
        }
        #expect(ledger.refunds.isEmpty)
    }

    @Test func aCapturedCardPaymentRefundsToTheCard() throws {
        var payment = try PaymentFixtures.authorize("4242424242424242")
        #expect(payment.refundLedger == nil)
        try payment.capture()
        var ledger = try #require(payment.refundLedger)
        #expect(ledger.method == .card(payment.card))
        try ledger.refund(euros(500), at: PaymentFixtures.now)
        #expect(ledger.paymentState == .partiallyRefunded)
    }

    @Test func paymentStatesUseTheDesignVocabulary() {
        #expect(PaymentState.allCases.map(\.rawValue) == [
            "awaiting_payment", "requires_action", "authorized", "paid",
            "partially_refunded", "refunded", "failed", "canceled",
        ])
    }
}
