import Foundation
import Testing
@testable import ShopCore

@Suite struct PaymentCashReferenceTests {
    private static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTVWXY")

    private func references(count: Int) -> [CashReference] {
        var random = SplitMix64(seed: 2026)
        return (0..<count).map { _ in CashReference.generate(using: &random) }
    }

    @Test func looksLikeTheDocumentedShape() throws {
        for reference in references(count: 50) {
            let text = reference.description
            #expect(text.count == 15)
            #expect(text.hasPrefix("CMP-"))
            let groups = text.split(separator: "-").map(\.count)
            #expect(groups == [3, 4, 4, 1])
            #expect(reference.characters.allSatisfy { Self.alphabet.contains($0) })
            #expect(try CashReference(text) == reference)
        }
    }

    @Test func parsesWhatACustomerMightType() throws {
        let reference = try #require(references(count: 1).first)
        let chars = reference.characters
        #expect(try CashReference(chars) == reference)
        #expect(try CashReference(reference.description.lowercased()) == reference)
        #expect(try CashReference("cmp " + String(chars.prefix(4)) + " " + String(chars.dropFirst(4))) == reference)
    }

    /// Whether parsing `text` is refused by the check character.
    private func failsCheck(_ text: String) -> Bool {
        do {
            _ = try CashReference(text)
            return false
        } catch {
            return error == .referenceCheckFailed(text)
        }
    }

    @Test func theCheckCharacterCatchesEverySingleCharacterTypo() throws {
        var undetected: [String] = []
        var tried = 0
        for reference in references(count: 20) {
            let chars = Array(reference.characters)
            for index in chars.indices {
                for replacement in Self.alphabet where replacement != chars[index] {
                    var typo = chars
                    typo[index] = replacement
                    tried += 1
                    if !failsCheck(String(typo)) { undetected.append(String(typo)) }
                }
            }
        }
        #expect(tried == 20 * 9 * 28)
        #expect(undetected.isEmpty)
    }

    @Test func theCheckCharacterCatchesEveryTransposition() throws {
        var undetected: [String] = []
        for reference in references(count: 50) {
            let chars = Array(reference.characters)
            for first in chars.indices {
                for second in chars.indices where second > first && chars[first] != chars[second] {
                    var swapped = chars
                    swapped.swapAt(first, second)
                    if !failsCheck(String(swapped)) { undetected.append(String(swapped)) }
                }
            }
        }
        #expect(undetected.isEmpty)
    }

    @Test func namesACharacterThatNeverAppears() throws {
        let reference = try #require(references(count: 1).first)
        let withO = "CMP-O" + reference.description.dropFirst(5)
        #expect(throws: PaymentError.malformedReference(withO, offending: "O")) { try CashReference(withO) }
        #expect(PaymentError.malformedReference(withO, offending: "O").description
            == "'\(withO)' is not a payment reference ('O' never appears in one): it looks like CMP-7K4Q-9XW2-A")
    }

    @Test(arguments: ["", "CMP", "CMP-7K4Q-9XW2", "CMP-7K4Q-9XW2-AP"])
    func refusesTheWrongLength(text: String) {
        #expect(throws: PaymentError.malformedReference(text, offending: nil)) { try CashReference(text) }
    }

    @Test func encodesAsItsPrintedFormAndDecodesThroughTheChecks() throws {
        let reference = try #require(references(count: 1).first)
        let data = try JSONEncoder().encode(reference)
        #expect(String(decoding: data, as: UTF8.self) == "\"\(reference)\"")
        #expect(try JSONDecoder().decode(CashReference.self, from: data) == reference)
        let tampered = Data("\"CMP-7K4Q-9XW2-B\"".utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CashReference.self, from: tampered) }
    }

    @Test func theDocumentedExampleIsValid() throws {
        #expect(try CashReference("CMP-7K4Q-9XW2-A").description == "CMP-7K4Q-9XW2-A")
    }
}

@Suite struct PaymentCashTests {
    private func issued(_ amount: Money = PaymentFixtures.twentyEuros) throws -> CashPayment {
        var random = SplitMix64(seed: 8)
        return try CashPayment(amount: amount, at: PaymentFixtures.now, using: &random)
    }

    @Test func awaitsPaymentUntilTheAgentRecordsTheAmount() throws {
        var payment = try issued()
        #expect(payment.paymentState == .awaitingPayment)
        #expect(payment.expiresAt == PaymentFixtures.now.adding(hours: 72))
        let paidAt = PaymentFixtures.now.adding(hours: 5)
        try payment.recordPayment(of: PaymentFixtures.twentyEuros, at: paidAt)
        #expect(payment.status == .paid(at: paidAt))
        #expect(payment.paymentState == .paid)
        #expect(!payment.isExpired(now: PaymentFixtures.now.adding(days: 10)))
        #expect(payment.refundLedger?.captured == PaymentFixtures.twentyEuros)
    }

    @Test func refusesTheWrongAmountNamingBoth() throws {
        var payment = try issued()
        let short = Money(minorUnits: 1_500, currency: .eur)
        let error = PaymentError.wrongCashAmount(reference: payment.reference, expected: PaymentFixtures.twentyEuros, received: short)
        #expect(throws: error) { try payment.recordPayment(of: short, at: PaymentFixtures.now) }
        #expect(error.description == "reference \(payment.reference) is for €20.00 but €15.00 was given: collect exactly €20.00")
        #expect(payment.paymentState == .awaitingPayment)
        let dollars = Money(minorUnits: 2_000, currency: .usd)
        #expect(throws: PaymentError.wrongCashAmount(reference: payment.reference, expected: PaymentFixtures.twentyEuros, received: dollars)) {
            try payment.recordPayment(of: dollars, at: PaymentFixtures.now)
        }
    }

    @Test func isGoodAtExactlySeventyTwoHoursAndExpiredOneSecondLater() throws {
        var payment = try issued()
        let deadline = PaymentFixtures.now.adding(hours: 72)
        #expect(!payment.isExpired(now: deadline))
        #expect(payment.isExpired(now: deadline.adding(seconds: 1)))
        var late = payment
        #expect(throws: PaymentError.referenceExpired(reference: payment.reference, expiredAt: deadline)) {
            try late.recordPayment(of: PaymentFixtures.twentyEuros, at: deadline.adding(seconds: 1))
        }
        try payment.recordPayment(of: PaymentFixtures.twentyEuros, at: deadline)
        #expect(payment.paymentState == .paid)
    }

    @Test func theExpiryMessageSaysWhen() throws {
        let payment = try issued()
        #expect(PaymentError.referenceExpired(reference: payment.reference, expiredAt: payment.expiresAt).description
            == "reference \(payment.reference) expired on 2026-11-26 19:00 (Paris time): no payment can be recorded against it")
    }

    @Test func anExpiredReferenceIsMarkedAndThenRefused() throws {
        var payment = try issued()
        let expiredAtDeadline = payment.expire(at: PaymentFixtures.now.adding(hours: 72))
        #expect(!expiredAtDeadline)
        let expiredAnHourLater = payment.expire(at: PaymentFixtures.now.adding(hours: 73))
        #expect(expiredAnHourLater)
        #expect(payment.status == .expired)
        #expect(payment.paymentState == .canceled)
        #expect(payment.isExpired(now: PaymentFixtures.now))
        #expect(throws: PaymentError.referenceExpired(reference: payment.reference, expiredAt: payment.expiresAt)) {
            try payment.recordPayment(of: PaymentFixtures.twentyEuros, at: PaymentFixtures.now)
        }
        let expiredAgain = payment.expire(at: PaymentFixtures.now.adding(hours: 100))
        #expect(!expiredAgain)
    }

    @Test func aPaidReferenceIsNotPaidTwice() throws {
        var payment = try issued()
        try payment.recordPayment(of: PaymentFixtures.twentyEuros, at: PaymentFixtures.now)
        #expect(throws: PaymentError.referenceAlreadyPaid(payment.reference)) {
            try payment.recordPayment(of: PaymentFixtures.twentyEuros, at: PaymentFixtures.now)
        }
        let expiredWhilePaid = payment.expire(at: PaymentFixtures.now.adding(days: 5))
        #expect(!expiredWhilePaid)
        #expect(throws: PaymentError.invalidTransition(action: .cancel, from: .paid)) { try payment.cancel() }
    }

    @Test func aCanceledReferenceRefusesPayment() throws {
        var payment = try issued()
        try payment.cancel()
        #expect(payment.paymentState == .canceled)
        #expect(!payment.isExpired(now: PaymentFixtures.now.adding(days: 5)))
        #expect(throws: PaymentError.invalidTransition(action: .recordCash, from: .canceled)) {
            try payment.recordPayment(of: PaymentFixtures.twentyEuros, at: PaymentFixtures.now)
        }
    }

    @Test func refusesAnAmountThatIsNotPositive() {
        #expect(throws: PaymentError.amountNotPositive(.zero(.eur))) { try issued(.zero(.eur)) }
    }
}
