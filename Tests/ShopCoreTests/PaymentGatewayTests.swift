import Testing
@testable import ShopCore

@Suite struct PaymentGatewayTests {
    @Test(arguments: [
        ("4242424242424242", CardBrand.visa, "4242"),
        ("5555555555554444", .mastercard, "4444"),
        ("2223003122003222", .mastercard, "3222"),
        ("378282246310005", .americanExpress, "0005"),
        ("4000002500001001", .visa, "1001"),
    ])
    func successCardsAreAuthorized(number: String, brand: CardBrand, lastFour: String) throws {
        let payment = try PaymentFixtures.authorize(number)
        #expect(payment.status == .authorized)
        #expect(payment.paymentState == .authorized)
        #expect(payment.card.brand == brand)
        #expect(payment.card.lastFour == lastFour)
        #expect(payment.amount == PaymentFixtures.twentyEuros)
        #expect(payment.createdAt == PaymentFixtures.now)
    }

    @Test(arguments: ["4000002760003184", "4000000000003220"])
    func threeDSecureCardsRequireAction(number: String) throws {
        let payment = try PaymentFixtures.authorize(number)
        #expect(payment.paymentState == .requiresAction)
        let challenge = try #require(payment.challenge)
        #expect(challenge.issuedAt == PaymentFixtures.now)
        #expect(challenge.attemptsLeft == 3)
        #expect(challenge.oneTimeCode.count == 6)
        #expect(challenge.oneTimeCode.allSatisfy { $0.isASCII && $0.isNumber })
    }

    @Test(arguments: [
        ("4000000000000002", DeclineReason.generic),
        ("4000000000009995", .insufficientFunds),
        ("4000000000009987", .lostCard),
        ("4000000000009979", .stolenCard),
        ("4000000000000069", .expiredCard),
        ("4000000000000127", .incorrectSecurityCode),
        ("4000000000000119", .processingError),
    ])
    func declineCardsFailWithTheirReason(number: String, reason: DeclineReason) throws {
        let payment = try PaymentFixtures.authorize(number)
        #expect(payment.status == .failed(.declined(reason)))
        #expect(payment.paymentState == .failed)
        #expect(payment.failure == .declined(reason))
        #expect(payment.refundLedger == nil)
    }

    @Test func declineMessagesSayWhatToDo() {
        #expect(DeclineReason.insufficientFunds.description == "the card was declined for insufficient funds: pay with another card or method")
        #expect(DeclineReason.incorrectSecurityCode.rawValue == "incorrect_cvc")
        #expect(PaymentFailure.declined(.processingError).description == "the bank could not process the card: try again in a moment")
    }

    @Test func lostAndStolenCardsGetTheGenericMessageForTheCustomer() {
        #expect(PaymentFailure.declined(.lostCard).customerMessage == DeclineReason.generic.description)
        #expect(PaymentFailure.declined(.stolenCard).customerMessage == DeclineReason.generic.description)
        #expect(PaymentFailure.declined(.insufficientFunds).customerMessage == DeclineReason.insufficientFunds.description)
        #expect(PaymentFailure.declined(.lostCard).description.contains("lost"))
    }

    @Test func anyOtherValidNumberIsAuthorized() throws {
        #expect(try PaymentFixtures.authorize("4012888888881881").status == .authorized)
        #expect(try PaymentFixtures.authorize("5105105105105100").status == .authorized)
        #expect(try PaymentFixtures.authorize("4222222222222").status == .authorized)
    }

    @Test func aLuhnFailureIsAnInvalidNumber() {
        #expect(throws: PaymentError.cardNumberCheckDigit) { try PaymentFixtures.authorize("4242424242424241") }
    }

    @Test func refusesAnAmountThatIsNotPositive() throws {
        let zero = Money.zero(.eur)
        #expect(throws: PaymentError.amountNotPositive(zero)) { try PaymentFixtures.authorize("4242424242424242", amount: zero) }
    }

    @Test func rechecksTheExpiryAtTheTimeOfPayment() throws {
        let card = try CardDetails(number: "4242424242424242", expiry: "11/26", securityCode: "123", now: PaymentFixtures.now)
        var random = SplitMix64(seed: 3)
        let later = ShopInstant.utc(year: 2026, month: 12, day: 1)
        #expect(throws: PaymentError.cardExpired(month: 11, year: 2026)) {
            try SimulatedGateway().authorize(card, amount: PaymentFixtures.twentyEuros, at: later, using: &random)
        }
    }

    @Test func tokensComeFromTheInjectedGenerator() throws {
        let first = try PaymentFixtures.authorize("4242424242424242", seed: 42)
        let again = try PaymentFixtures.authorize("4242424242424242", seed: 42)
        let other = try PaymentFixtures.authorize("4242424242424242", seed: 43)
        #expect(first.token == again.token)
        #expect(first.token != other.token)
        #expect(first.token.value.hasPrefix("tok_"))
        #expect(first.token.value.count == 4 + 24)
        #expect(first.token.value.dropFirst(4).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    @Test func anAuthorizedPaymentIsCapturedOnceThenPaid() throws {
        var payment = try PaymentFixtures.authorize("4242424242424242")
        try payment.capture()
        #expect(payment.paymentState == .paid)
        #expect(payment.refundLedger?.captured == PaymentFixtures.twentyEuros)
        #expect(throws: PaymentError.invalidTransition(action: .capture, from: .paid)) { try payment.capture() }
        #expect(throws: PaymentError.invalidTransition(action: .cancel, from: .paid)) { try payment.cancel() }
        #expect(PaymentError.invalidTransition(action: .cancel, from: .paid).description == "cannot cancel a payment that is paid")
    }

    @Test func anAuthorizationCanBeCanceledBeforeCapture() throws {
        var payment = try PaymentFixtures.authorize("4242424242424242")
        try payment.cancel()
        #expect(payment.paymentState == .canceled)
        #expect(throws: PaymentError.invalidTransition(action: .capture, from: .canceled)) { try payment.capture() }
        #expect(throws: PaymentError.invalidTransition(action: .cancel, from: .canceled)) { try payment.cancel() }
    }

    @Test func aFailedPaymentCanBeNeitherCapturedNorCanceled() throws {
        var payment = try PaymentFixtures.authorize("4000000000000002")
        #expect(throws: PaymentError.invalidTransition(action: .capture, from: .failed)) { try payment.capture() }
        #expect(throws: PaymentError.invalidTransition(action: .cancel, from: .failed)) { try payment.cancel() }
    }

    @Test func theGatewayOpensWalletAndCashPayments() throws {
        var random = SplitMix64(seed: 9)
        let gateway: some PaymentGateway = SimulatedGateway()
        let wallet = try gateway.startWalletPayment(payer: "jane@example.com", amount: PaymentFixtures.twentyEuros, at: PaymentFixtures.now, using: &random)
        #expect(wallet.paymentState == .requiresAction)
        let cash = try gateway.issueCashReference(amount: PaymentFixtures.twentyEuros, at: PaymentFixtures.now, using: &random)
        #expect(cash.paymentState == .awaitingPayment)
    }
}
