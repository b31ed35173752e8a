import Testing
@testable import ShopCore

@Suite struct PaymentWalletTests {
    private func wallet(_ payer: String = "jane@example.com") throws -> WalletPayment {
        var random = SplitMix64(seed: 11)
        return try WalletPayment(payer: payer, amount: PaymentFixtures.twentyEuros, at: PaymentFixtures.now, using: &random)
    }

    @Test func createdThenApprovedThenCaptured() throws {
        var payment = try wallet()
        #expect(payment.status == .created)
        #expect(payment.paymentState == .requiresAction)
        #expect(payment.token.value.hasPrefix("wal_"))
        try payment.approve()
        #expect(payment.status == .approved)
        #expect(payment.paymentState == .authorized)
        #expect(payment.refundLedger == nil)
        try payment.capture()
        #expect(payment.status == .captured)
        #expect(payment.paymentState == .paid)
        #expect(payment.refundLedger?.method == .wallet(payer: "jane@example.com"))
    }

    @Test func captureBeforeApprovalIsRefused() throws {
        var payment = try wallet()
        #expect(throws: PaymentError.walletNotApproved) { try payment.capture() }
        #expect(payment.status == .created)
        #expect(PaymentError.walletNotApproved.description
            == "the wallet payment cannot be captured yet: the customer has not approved it in the wallet")
    }

    @Test func approvalHappensOnce() throws {
        var payment = try wallet()
        try payment.approve()
        #expect(throws: PaymentError.invalidTransition(action: .approve, from: .authorized)) { try payment.approve() }
        try payment.capture()
        #expect(throws: PaymentError.invalidTransition(action: .approve, from: .paid)) { try payment.approve() }
        #expect(throws: PaymentError.invalidTransition(action: .capture, from: .paid)) { try payment.capture() }
        #expect(throws: PaymentError.invalidTransition(action: .cancel, from: .paid)) { try payment.cancel() }
    }

    @Test func cancelBeforeOrAfterApproval() throws {
        var created = try wallet()
        try created.cancel()
        #expect(created.paymentState == .canceled)
        #expect(throws: PaymentError.invalidTransition(action: .approve, from: .canceled)) { try created.approve() }
        #expect(throws: PaymentError.invalidTransition(action: .capture, from: .canceled)) { try created.capture() }
        #expect(throws: PaymentError.invalidTransition(action: .cancel, from: .canceled)) { try created.cancel() }
        var approved = try wallet()
        try approved.approve()
        try approved.cancel()
        #expect(approved.status == .canceled)
    }

    @Test(arguments: ["decline@example.com", "jane.DECLINE@example.com", "someone@declined.example"])
    func aDecliningPayerIsRefusedAtApproval(payer: String) throws {
        var payment = try wallet(payer)
        try payment.approve()
        #expect(payment.status == .failed(.walletDeclined))
        #expect(payment.paymentState == .failed)
        #expect(payment.failure?.description == "the wallet declined the payment: pay another way")
        #expect(throws: PaymentError.invalidTransition(action: .capture, from: .failed)) { try payment.capture() }
        #expect(throws: PaymentError.invalidTransition(action: .cancel, from: .failed)) { try payment.cancel() }
    }

    @Test(arguments: ["", "jane", "jane@", "@example.com", "jane@example", "jane doe@example.com", "a@b@c.com", "jane@example..com"])
    func refusesAnAddressThatIsNotAnEmail(payer: String) {
        #expect(throws: PaymentError.invalidWalletEmail(payer)) { try wallet(payer) }
    }

    @Test func refusesAnAmountThatIsNotPositive() {
        var random = SplitMix64(seed: 1)
        let negative = Money(minorUnits: -1, currency: .eur)
        #expect(throws: PaymentError.amountNotPositive(negative)) {
            try WalletPayment(payer: "jane@example.com", amount: negative, at: PaymentFixtures.now, using: &random)
        }
    }

    @Test func surroundingSpacesAreTrimmedFromThePayer() throws {
        #expect(try wallet("  jane@example.com ").payer == "jane@example.com")
    }
}
