import Testing
@testable import ShopCore

@Suite struct PaymentAttemptTests {
    @Test func aCardAttemptReportsItsCardPayment() throws {
        var card = try PaymentFixtures.authorize("4242424242424242")
        try card.capture()
        let payment = Payment.card(card)
        #expect(payment.amount == PaymentFixtures.twentyEuros)
        #expect(payment.paymentState == .paid)
        #expect(payment.method == .card(card.card))
        #expect(payment.refundLedger?.remaining == PaymentFixtures.twentyEuros)
        #expect(payment.failure == nil)
        #expect(!payment.allowsAnotherAttempt)
    }

    @Test func aDeclinedCardAllowsAnotherMethod() throws {
        let payment = Payment.card(try PaymentFixtures.authorize("4000000000000002"))
        #expect(payment.failure == .declined(.generic))
        #expect(payment.allowsAnotherAttempt)
        #expect(payment.refundLedger == nil)
    }

    @Test func walletAndCashAttemptsReportTheirState() throws {
        var random = SplitMix64(seed: 4)
        var wallet = try WalletPayment(payer: "decline@example.com", amount: PaymentFixtures.twentyEuros, at: PaymentFixtures.now, using: &random)
        try wallet.approve()
        #expect(Payment.wallet(wallet).paymentState == .failed)
        #expect(Payment.wallet(wallet).failure == .walletDeclined)
        #expect(Payment.wallet(wallet).allowsAnotherAttempt)
        let cash = try CashPayment(amount: PaymentFixtures.twentyEuros, at: PaymentFixtures.now, using: &random)
        let attempt = Payment.cash(cash)
        #expect(attempt.paymentState == .awaitingPayment)
        #expect(attempt.method == .cash(cash.reference))
        #expect(attempt.failure == nil)
        #expect(!attempt.allowsAnotherAttempt)
    }
}
