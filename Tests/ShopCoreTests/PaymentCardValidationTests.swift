import Testing
@testable import ShopCore

@Suite struct PaymentCardNumberTests {
    @Test(arguments: [
        ("4242424242424242", CardBrand.visa),
        ("4222222222222", .visa),
        ("4000000000000000006", .visa),
        ("5555555555554444", .mastercard),
        ("5105105105105100", .mastercard),
        ("2223003122003222", .mastercard),
        ("2221000000000009", .mastercard),
        ("2720990000000007", .mastercard),
        ("378282246310005", .americanExpress),
        ("371449635398431", .americanExpress),
    ])
    func detectsTheBrandFromTheNumber(number: String, brand: CardBrand) throws {
        #expect(try CardNumber(number).brand == brand)
    }

    @Test func acceptsSpacesAndDashes() throws {
        let number = try CardNumber("4242 4242-4242 4242")
        #expect(number.brand == .visa)
        #expect(number.lastFour == "4242")
    }

    @Test(arguments: ["4242 4242 4242 424O", "4242.4242.4242.4242", "４２４２424242424242"])
    func refusesCharactersOtherThanDigitsSpacesAndDashes(text: String) {
        #expect(throws: PaymentError.self) { try CardNumber(text) }
    }

    @Test func namesTheStrayCharacter() {
        #expect(throws: PaymentError.invalidCardNumberCharacter("O")) { try CardNumber("4242 4242 4242 424O") }
        #expect(PaymentError.invalidCardNumberCharacter("O").description
            == "'O' cannot appear in a card number: type only digits, with spaces or dashes if you like")
    }

    @Test(arguments: ["5", "22", "3"])
    func refusesANumberTooShortToTell(number: String) {
        #expect(throws: PaymentError.cardNumberTooShort(digitCount: number.count)) { try CardNumber(number) }
        #expect(PaymentError.cardNumberTooShort(digitCount: 2).description == "a card number has 13 to 19 digits: only 2 were typed")
    }

    @Test func refusesAnEmptyNumber() {
        #expect(throws: PaymentError.emptyCardNumber) { try CardNumber(" - ") }
    }

    @Test(arguments: ["4242424242424241", "5555555555554445", "378282246310006", "2223003122003223"])
    func refusesANumberFailingTheLuhnCheck(number: String) {
        #expect(throws: PaymentError.cardNumberCheckDigit) { try CardNumber(number) }
        #expect(PaymentError.cardNumberCheckDigit.description == "the card number fails its check digit: check for a typo")
    }

    @Test func catchesEverySingleDigitTypo() throws {
        let valid = Array("4242424242424242")
        var accepted: [String] = []
        for index in valid.indices {
            for digit in "0123456789" where digit != valid[index] {
                var typo = valid
                typo[index] = digit
                if (try? CardNumber(String(typo))) != nil { accepted.append(String(typo)) }
            }
        }
        #expect(accepted.isEmpty)
    }

    @Test(arguments: [
        ("424242424242424", CardBrand.visa, 15),
        ("42424242424242424", .visa, 17),
        ("555555555555444", .mastercard, 15),
        ("3782822463100050", .americanExpress, 16),
        ("37828224631000", .americanExpress, 14),
    ])
    func refusesALengthTheBrandDoesNotIssue(number: String, brand: CardBrand, digits: Int) {
        #expect(throws: PaymentError.cardNumberLength(brand: brand, digitCount: digits)) { try CardNumber(number) }
    }

    @Test func lengthMessagesListTheLengthsOfTheBrand() {
        #expect(PaymentError.cardNumberLength(brand: .visa, digitCount: 15).description
            == "a Visa card number has 13, 16 or 19 digits: this one has 15")
        #expect(PaymentError.cardNumberLength(brand: .americanExpress, digitCount: 16).description
            == "an American Express card number has 15 digits: this one has 16")
    }

    @Test(arguments: [
        ("6011111111111117", "Discover"),
        ("6011000990139424", "Discover"),
        ("3566002020360505", "JCB"),
        ("30569309025904", "Diners Club"),
        ("6200000000000005", "UnionPay"),
    ])
    func refusesUnsupportedNetworksByName(number: String, network: String) {
        #expect(throws: PaymentError.unsupportedCardNetwork(network)) { try CardNumber(number) }
        #expect(PaymentError.unsupportedCardNetwork(network).description
            == "\(network) cards are not accepted: pay by Visa, Mastercard, American Express or CB")
    }

    @Test(arguments: ["2220999999999999", "2721000000000005", "5000000000000009", "1234567812345670", "9999999999999995"])
    func refusesNumbersOutsideTheAcceptedRanges(number: String) {
        #expect {
            try CardNumber(number)
        } throws: { error in
            guard case PaymentError.unsupportedCardNetwork = error else { return false }
            return true
        }
    }

    @Test func cartesBancairesIsACoBadgeOfVisaOrMastercard() throws {
        let visaCB = try CardNumber("4000 0025 0000 1001")
        #expect(visaCB.brand == .visa)
        #expect(visaCB.coBadge == .cartesBancaires)
        #expect(visaCB.brands == [.visa, .cartesBancaires])
        let mastercardCB = try CardNumber("5555 5525 0000 1001")
        #expect(mastercardCB.brand == .mastercard)
        #expect(mastercardCB.coBadge == .cartesBancaires)
        #expect(try CardNumber("4242424242424242").coBadge == nil)
        #expect(try CardNumber("378282246310005").coBadge == nil)
    }

    @Test func groupsTheNumberAsPrintedOnTheCard() throws {
        #expect(try CardNumber("4242424242424242").groupedForEntry == "4242 4242 4242 4242")
        #expect(try CardNumber("378282246310005").groupedForEntry == "3782 822463 10005")
        #expect(try CardNumber("4000000000000000006").groupedForEntry == "4000 0000 0000 0000 006")
    }

    @Test func groupsAPartialNumberAsItIsTyped() {
        #expect(CardNumber.groupedForEntry("") == "")
        #expect(CardNumber.groupedForEntry("4242") == "4242")
        #expect(CardNumber.groupedForEntry("42424") == "4242 4")
        #expect(CardNumber.groupedForEntry("4242-4242 42") == "4242 4242 42")
        #expect(CardNumber.groupedForEntry("3782822") == "3782 822")
        #expect(CardNumber.groupedForEntry("37828224631") == "3782 822463 1")
        #expect(CardNumber.groupedForEntry("37828224631000599") == "3782 822463 10005")
    }

    @Test func masksAllButTheLastFour() throws {
        let number = try CardNumber("4242424242424242")
        #expect(number.masked == "•••• 4242")
        #expect(number.description == "Visa •••• 4242")
    }
}

@Suite struct PaymentCardExpiryTests {
    @Test(arguments: [("03/24", 3, 2024), ("3/24", 3, 2024), ("03/2024", 3, 2024), ("0324", 3, 2024), ("12 / 30", 12, 2030), ("122030", 12, 2030)])
    func parsesTheCommonForms(text: String, month: Int, year: Int) throws {
        let expiry = try CardExpiry(text)
        #expect(expiry.month == month)
        #expect(expiry.year == year)
    }

    @Test(arguments: ["", "03", "03/", "/24", "03/245", "ab/cd", "03-24", "003/24", "3/2024/1"])
    func refusesMalformedDates(text: String) {
        #expect(throws: PaymentError.malformedExpiry(text)) { try CardExpiry(text) }
    }

    @Test func refusesMonthsOutsideTheYear() {
        #expect(throws: PaymentError.invalidExpiryMonth(13)) { try CardExpiry("13/25") }
        #expect(throws: PaymentError.invalidExpiryMonth(0)) { try CardExpiry("00/25") }
        #expect(PaymentError.invalidExpiryMonth(13).description == "13 is not a month: the expiry month is between 01 and 12")
    }

    @Test func aCardIsValidThroughTheLastSecondOfItsMonth() throws {
        let expiry = try CardExpiry("11/26")
        #expect(!expiry.isExpired(at: .utc(year: 2026, month: 11, day: 30, hour: 23, minute: 59, second: 59)))
        #expect(expiry.isExpired(at: .utc(year: 2026, month: 12, day: 1)))
        #expect(!expiry.isExpired(at: .utc(year: 2026, month: 11, day: 1)))
    }

    @Test func decemberRollsOverIntoTheNextYear() throws {
        let expiry = try CardExpiry("12/26")
        #expect(!expiry.isExpired(at: .utc(year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59)))
        #expect(expiry.isExpired(at: .utc(year: 2027, month: 1, day: 1)))
    }

    @Test func anExpiredCardIsRefusedWithItsDate() throws {
        let expiry = try CardExpiry("03/24")
        #expect(throws: PaymentError.cardExpired(month: 3, year: 2024)) { try expiry.check(at: PaymentFixtures.now) }
        #expect(PaymentError.cardExpired(month: 3, year: 2024).description
            == "the card expired in 03/2024: use a card that is still valid")
    }

    @Test func anExpiryImplausiblyFarAheadIsRefused() throws {
        #expect(throws: PaymentError.expiryTooFarAhead(year: 2099)) { try CardExpiry("01/2099").check(at: PaymentFixtures.now) }
        try CardExpiry("12/2046").check(at: PaymentFixtures.now)
    }
}

@Suite struct PaymentSecurityCodeTests {
    @Test func visaAndMastercardTakeThreeDigits() throws {
        _ = try CardDetails(number: "4242424242424242", expiry: "12/30", securityCode: "123", now: PaymentFixtures.now)
        _ = try CardDetails(number: "5555555555554444", expiry: "12/30", securityCode: "123", now: PaymentFixtures.now)
        #expect(throws: PaymentError.securityCodeLength(brand: .visa, digitCount: 4)) {
            try CardDetails(number: "4242424242424242", expiry: "12/30", securityCode: "1234", now: PaymentFixtures.now)
        }
        #expect(throws: PaymentError.securityCodeLength(brand: .mastercard, digitCount: 2)) {
            try CardDetails(number: "5555555555554444", expiry: "12/30", securityCode: "12", now: PaymentFixtures.now)
        }
    }

    @Test func americanExpressTakesFourDigits() throws {
        _ = try CardDetails(number: "378282246310005", expiry: "12/30", securityCode: "1234", now: PaymentFixtures.now)
        #expect(throws: PaymentError.securityCodeLength(brand: .americanExpress, digitCount: 3)) {
            try CardDetails(number: "378282246310005", expiry: "12/30", securityCode: "123", now: PaymentFixtures.now)
        }
        #expect(PaymentError.securityCodeLength(brand: .americanExpress, digitCount: 3).description
            == "the security code of an American Express card has 4 digits: 3 were given")
    }

    @Test(arguments: ["", "12a", "1 2-3", "abc"])
    func refusesNonDigits(text: String) {
        #expect(throws: PaymentError.malformedSecurityCode) { try CardSecurityCode(text) }
    }

    @Test func checksTheFieldsInFormOrder() {
        #expect(throws: PaymentError.cardNumberCheckDigit) {
            try CardDetails(number: "4242424242424241", expiry: "01/20", securityCode: "x", now: PaymentFixtures.now)
        }
        #expect(throws: PaymentError.cardExpired(month: 1, year: 2020)) {
            try CardDetails(number: "4242424242424242", expiry: "01/20", securityCode: "12", now: PaymentFixtures.now)
        }
    }

    @Test func summaryKeepsBrandLastFourAndExpiryOnly() throws {
        let details = try CardDetails(number: "4000 0025 0000 1001", expiry: "7/29", securityCode: "123", now: PaymentFixtures.now)
        #expect(details.summary == CardSummary(brand: .visa, coBadge: .cartesBancaires, lastFour: "1001", expiryMonth: 7, expiryYear: 2029))
        #expect(details.summary.description == "Visa/CB •••• 1001, expires 07/2029")
    }
}
