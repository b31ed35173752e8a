import Testing
@testable import ShopCore

@Suite("Tracking numbers")
struct TrackingNumberTests {
    @Test("the S10 check digit of a known Colis Rapide number")
    func colisRapideKnownNumber() throws {
        let number = try TrackingNumber("cr 123 456 785 fr")
        #expect(number.carrier == .colisRapide)
        #expect(number.value == "CR123456785FR")
        #expect(Carrier.colisRapide.checkDigit(for: [1, 2, 3, 4, 5, 6, 7, 8]) == 5)
    }

    @Test("S10 maps remainders 10 and 11 to 0 and 5")
    func s10SpecialRemainders() {
        // weights 8 6 4 2 3 5 9 7: sum 0 -> 11 - 0 = 11 -> 5; sum 1 impossible, sum 12 -> 11-1=10 -> 0
        #expect(Carrier.colisRapide.checkDigit(for: [0, 0, 0, 0, 0, 0, 0, 0]) == 5)
        #expect(Carrier.colisRapide.checkDigit(for: [0, 0, 0, 6, 0, 0, 0, 0]) == 0)
    }

    @Test("Luhn and GS1 check digits of known payloads")
    func luhnAndGS1() {
        // Luhn: 7992739871 has check digit 3.
        #expect(Carrier.pelicanExpress.legacyCheckDigit(for: [7, 9, 9, 2, 7, 3, 9, 8, 7, 1]) == 3)
        // GS1: the GTIN-13 4006381333931 has check digit 1.
        #expect(Carrier.estafette.legacyCheckDigit(for: [4, 0, 0, 6, 3, 8, 1, 3, 3, 3, 9, 3]) == 1)
    }

    @Test("generated numbers are valid, carrier-shaped and reproducible", arguments: Carrier.allCases)
    func generatedNumbersParse(carrier: Carrier) throws {
        var generator = SplitMix64(seed: 42)
        var again = SplitMix64(seed: 42)
        for _ in 0..<200 {
            let number = TrackingNumber.generate(for: carrier, using: &generator)
            #expect(number == TrackingNumber.generate(for: carrier, using: &again))
            #expect(number.value.count == carrier.trackingNumberLength)
            #expect(number.value.hasPrefix(carrier.prefix))
            #expect(try TrackingNumber(number.value) == number)
        }
    }

    @Test("every single-digit typo is caught", arguments: Carrier.allCases)
    func singleDigitTyposAreCaught(carrier: Carrier) {
        var generator = SplitMix64(seed: 7)
        let number = TrackingNumber.generate(for: carrier, using: &generator)
        let characters = Array(number.value)
        for index in carrier.prefix.count..<(characters.count - carrier.suffix.count) {
            var typo = characters
            let digit = typo[index].wholeNumberValue!
            typo[index] = Character(String((digit + 1) % 10))
            let text = String(typo)
            #expect(throws: TrackingNumberError.self) { try TrackingNumber(text) }
        }
    }

    @Test("refusals name the problem")
    func refusals() {
        #expect(throws: TrackingNumberError.unknownCarrier("ZZ123")) { try TrackingNumber("ZZ123") }
        #expect(throws: TrackingNumberError.wrongFormat("CR12345FR", carrier: .colisRapide)) {
            try TrackingNumber("CR12345FR")
        }
        #expect(throws: TrackingNumberError.wrongFormat("CR1234567A5FR", carrier: .colisRapide)) {
            try TrackingNumber("CR1234567A5FR")
        }
        #expect(throws: TrackingNumberError.checkDigitMismatch("CR123456784FR", carrier: .colisRapide, expected: 5)) {
            try TrackingNumber("CR123456784FR")
        }
        #expect(TrackingNumberError.checkDigitMismatch("CR123456784FR", carrier: .colisRapide, expected: 5).description
            == "'CR123456784FR' has a wrong check digit for Colis Rapide (expected 5): check for a mistyped digit")
        #expect(TrackingNumberError.wrongFormat("PX1", carrier: .pelicanExpress).description
            == "'PX1' is not a Pélican Express tracking number: expected PX followed by 9 digits and FR")
        #expect(TrackingNumberError.unknownCarrier("ZZ").description.contains("CR (Colis Rapide)"))
    }
}

@Suite("Tracking numbers: S10, from the shop's entropy, unique")
struct TrackingNumberEntropyTests {
    @Test("every carrier's new numbers have the S10 form; older Pélican Express and Estafette numbers still read")
    func s10ForEveryCarrier() throws {
        var generator = SplitMix64(seed: 3)
        for carrier in Carrier.allCases {
            let number = TrackingNumber.generate(for: carrier, using: &generator)
            #expect(number.value.count == 13)
            #expect(number.value.hasSuffix("FR"))
            let digits = number.value.dropFirst(2).prefix(9).compactMap(\.wholeNumberValue)
            #expect(digits.last == Carrier.colisRapide.checkDigit(for: Array(digits.dropLast())))
        }
        // 11 digits and their Luhn (Pélican Express) or GS1 (Estafette) digit, as they were written before.
        #expect(try TrackingNumber("PX079927398713").carrier == .pelicanExpress)
        #expect(try TrackingNumber("ES040063813339").carrier == .estafette)
    }

    @Test("the same order in shops with other entropy gets another number but the same route")
    func numbersFromEntropy() throws {
        func shipped(entropy: UInt64) throws -> Shipment {
            var shop = try TradeShop()
            let number = try shop.order()
            let events = try shop.state.decide(.commerce(.advanceClock(seconds: 3 * 3_600), at: shop.now, entropy: entropy))
            shop.state.apply(events)
            return try #require(shop.order(number).shipment)
        }
        let first = try shipped(entropy: 1_000)
        let second = try shipped(entropy: 2_000)
        #expect(first.trackingNumber != second.trackingNumber)
        #expect(first.seed == second.seed)
    }

    @Test("no two parcels of a shop share a number")
    func uniquePerShop() throws {
        var shop = try TradeShop()
        let numbers = try (0..<60).map { _ in try shop.order([("CARD", 1)]) }
        try shop.advance(hours: 4)
        let tracking = numbers.compactMap { shop.order($0).shipment?.trackingNumber }
        #expect(tracking.count == 60)
        #expect(Set(tracking).count == 60)
    }
}
