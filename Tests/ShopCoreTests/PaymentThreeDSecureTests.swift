import Testing
@testable import ShopCore

@Suite struct PaymentThreeDSecureTests {
    private func challenged() throws -> (CardPayment, code: String) {
        let payment = try PaymentFixtures.authorize("4000 0027 6000 3184")
        return (payment, try #require(payment.challenge).oneTimeCode)
    }

    /// A six-digit code that is not `code`.
    private func wrong(_ code: String) -> String {
        code == "000000" ? "111111" : "000000"
    }

    @Test func theRightCodeAuthorizes() throws {
        var (payment, code) = try challenged()
        let verification = try payment.confirm(code: code, at: PaymentFixtures.now.adding(minutes: 1))
        #expect(verification == .accepted)
        #expect(payment.status == .authorized)
        #expect(payment.challenge == nil)
        #expect(verification.description == "the code is right: the payment is authorized")
    }

    @Test func codesComeFromTheInjectedGenerator() throws {
        let first = try PaymentFixtures.authorize("4000002760003184", seed: 5).challenge
        let again = try PaymentFixtures.authorize("4000002760003184", seed: 5).challenge
        #expect(first == again)
    }

    @Test func aWrongCodeCanBeRetriedTwice() throws {
        var (payment, code) = try challenged()
        #expect(try payment.confirm(code: wrong(code), at: PaymentFixtures.now) == .rejected(attemptsLeft: 2))
        #expect(payment.challenge?.attemptsLeft == 2)
        #expect(try payment.confirm(code: wrong(code), at: PaymentFixtures.now) == .rejected(attemptsLeft: 1))
        #expect(payment.paymentState == .requiresAction)
        #expect(try payment.confirm(code: code, at: PaymentFixtures.now) == .accepted)
        #expect(payment.status == .authorized)
    }

    @Test func threeWrongCodesFailThePayment() throws {
        var (payment, code) = try challenged()
        _ = try payment.confirm(code: wrong(code), at: PaymentFixtures.now)
        _ = try payment.confirm(code: wrong(code), at: PaymentFixtures.now)
        let third = try payment.confirm(code: wrong(code), at: PaymentFixtures.now)
        #expect(third == .failed(.tooManyWrongCodes))
        #expect(payment.status == .failed(.tooManyWrongCodes))
        #expect(throws: PaymentError.invalidTransition(action: .confirmCode, from: .failed)) {
            try payment.confirm(code: code, at: PaymentFixtures.now)
        }
    }

    @Test func rejectionMessagesCountTheAttemptsLeft() {
        #expect(ChallengeVerification.rejected(attemptsLeft: 2).description == "the code is wrong: 2 attempts left")
        #expect(ChallengeVerification.rejected(attemptsLeft: 1).description == "the code is wrong: 1 attempt left")
        #expect(ChallengeVerification.failed(.tooManyWrongCodes).description
            == "the code was wrong 3 times: the payment failed, pay again or another way")
    }

    @Test func theCodeIsStillGoodAtExactlyFiveMinutes() throws {
        var (payment, code) = try challenged()
        #expect(payment.challenge?.expiresAt == PaymentFixtures.now.adding(seconds: 300))
        #expect(try payment.confirm(code: code, at: PaymentFixtures.now.adding(minutes: 5)) == .accepted)
    }

    @Test func theCodeHasExpiredOneSecondLater() throws {
        var (payment, code) = try challenged()
        let verification = try payment.confirm(code: code, at: PaymentFixtures.now.adding(seconds: 301))
        #expect(verification == .failed(.codeExpired))
        #expect(payment.status == .failed(.codeExpired))
        #expect(verification.description.hasPrefix("the code expired"))
    }

    @Test func aMalformedCodeDoesNotUseATry() throws {
        var (payment, _) = try challenged()
        for typed in ["12345", "1234567", "12a456", ""] {
            #expect(throws: PaymentError.malformedOneTimeCode) { try payment.confirm(code: typed, at: PaymentFixtures.now) }
        }
        #expect(payment.challenge?.attemptsLeft == 3)
    }

    @Test func spacesInTheTypedCodeAreIgnored() throws {
        var (payment, code) = try challenged()
        let spaced = String(code.prefix(3)) + " " + String(code.suffix(3))
        #expect(try payment.confirm(code: spaced, at: PaymentFixtures.now) == .accepted)
    }

    @Test func anUnansweredChallengeExpiresAfterFiveMinutes() throws {
        var (payment, _) = try challenged()
        let expiredAtFiveMinutes = payment.expireChallenge(at: PaymentFixtures.now.adding(minutes: 5))
        #expect(!expiredAtFiveMinutes)
        #expect(payment.paymentState == .requiresAction)
        let expiredOneSecondLater = payment.expireChallenge(at: PaymentFixtures.now.adding(seconds: 301))
        #expect(expiredOneSecondLater)
        #expect(payment.status == .failed(.codeExpired))
        let expiredAgain = payment.expireChallenge(at: PaymentFixtures.now.adding(hours: 1))
        #expect(!expiredAgain)
    }

    @Test func aPaymentNotWaitingForACodeRefusesOne() throws {
        var payment = try PaymentFixtures.authorize("4242424242424242")
        #expect(throws: PaymentError.invalidTransition(action: .confirmCode, from: .authorized)) {
            try payment.confirm(code: "123456", at: PaymentFixtures.now)
        }
        #expect(PaymentError.invalidTransition(action: .confirmCode, from: .authorized).description
            == "cannot confirm a 3-D Secure code for a payment that is authorized")
    }

    @Test func aChallengedPaymentCanBeCanceledButNotCaptured() throws {
        var (payment, _) = try challenged()
        #expect(throws: PaymentError.invalidTransition(action: .capture, from: .requiresAction)) { try payment.capture() }
        try payment.cancel()
        #expect(payment.paymentState == .canceled)
    }

    @Test func theChallengeDescriptionLeavesTheCodeOut() throws {
        let (payment, code) = try challenged()
        let challenge = try #require(payment.challenge)
        #expect(!challenge.description.contains(code))
        #expect(challenge.description.contains("3 attempts left"))
    }
}
