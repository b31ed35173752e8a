import Testing
@testable import ShopCore

/// The card number and the security code must never be reachable from what the shop keeps.
@Suite struct PaymentRedactionTests {
    private static let cards: [(number: String, cvc: String)] = [
        ("4242424242424242", "739"),
        ("5555555555554444", "739"),
        ("2223003122003222", "739"),
        ("378282246310005", "7391"),
        ("4000002500001001", "739"),
        ("4000002760003184", "739"),
        ("4000000000009995", "739"),
    ]

    private func authorized(_ number: String, cvc: String) throws -> CardPayment {
        let card = try CardDetails(number: number, expiry: "12/30", securityCode: cvc, now: PaymentFixtures.now)
        var random = SplitMix64(seed: 77)
        return try SimulatedGateway().authorize(card, amount: PaymentFixtures.twentyEuros, at: PaymentFixtures.now, using: &random)
    }

    @Test func noValueReachableFromTheResultHoldsTheNumberOrTheCode() throws {
        for (number, cvc) in Self.cards {
            var payment = try authorized(number, cvc: cvc)
            if let code = payment.challenge?.oneTimeCode {
                _ = try payment.confirm(code: code, at: PaymentFixtures.now)
            }
            if payment.status == .authorized { try payment.capture() }
            var reachable: [Any] = [payment, payment.method]
            if let ledger = payment.refundLedger { reachable.append(ledger) }
            for value in reachable {
                for leaf in reflectedLeaves(of: value) {
                    #expect(!leaf.text.contains(number), "card number at \(leaf.path)")
                    #expect(!leaf.text.contains(cvc), "security code at \(leaf.path): \(leaf.text)")
                }
            }
            let leaves = reflectedLeaves(of: payment).map(\.text)
            #expect(leaves.contains(payment.card.lastFour), "the reflection reached the card summary")
            #expect(leaves.contains(payment.token.value), "the reflection reached the token")
            let digitsOnly = leaves.joined().filter(\.isNumber)
            #expect(!digitsOnly.contains(number))
        }
    }

    @Test func cardDetailsPrintAndReflectOnlyTheSummary() throws {
        let details = try CardDetails(number: "4242 4242 4242 4242", expiry: "12/30", securityCode: "739", now: PaymentFixtures.now)
        var dumped = ""
        dump(details, to: &dumped)
        let renderings = [
            "\(details)", String(describing: details), String(reflecting: details), dumped,
            "\(details.number)", String(reflecting: details.number),
            "\(details.securityCode)", String(reflecting: details.securityCode),
        ]
        for text in renderings {
            #expect(!text.contains("4242424242424242"))
            #expect(!text.contains("4242 4242 4242 4242"))
            #expect(!text.contains("739"))
        }
        for leaf in reflectedLeaves(of: details) {
            #expect(!leaf.text.contains("4242424242424242"), "card number at \(leaf.path)")
            #expect(!leaf.text.contains("739"), "security code at \(leaf.path)")
        }
        #expect(String(reflecting: details.securityCode) == "CardSecurityCode(•••)")
    }

    @Test func errorMessagesNeverQuoteTheNumber() {
        for number in ["4242424242424241", "6011111111111117", "42424242424242424"] {
            do {
                _ = try CardNumber(number)
                Issue.record("\(number.suffix(4)) should have been refused")
            } catch {
                #expect(!error.description.contains(number))
            }
        }
    }
}
