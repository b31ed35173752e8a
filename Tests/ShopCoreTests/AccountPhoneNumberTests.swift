import Testing
@testable import ShopCore

@Suite("Account: phone number")
struct AccountPhoneNumberTests {
    @Test("national and international spellings normalize to E.164", arguments: [
        ("06 12 34 56 78", "FR", "+33612345678"),
        ("06.12.34.56.78", "FR", "+33612345678"),
        ("06-12-34-56-78", "FR", "+33612345678"),
        ("0612345678", "FR", "+33612345678"),
        ("+33 6 12 34 56 78", "FR", "+33612345678"),
        ("+33 (0)6 12 34 56 78", "FR", "+33612345678"),
        ("+33 06 12 34 56 78", "FR", "+33612345678"),
        ("0033 6 12 34 56 78", "FR", "+33612345678"),
        ("0033 (0)6 12 34 56 78", "FR", "+33612345678"),
        ("(01) 42 68 53 00", "FR", "+33142685300"),
        ("01 42 68 53 00", "FR", "+33142685300"),
        ("+33 6 12 34 56 78", "DE", "+33612345678"),
        ("030 1234567", "DE", "+49301234567"),
        ("(212) 555-0123", "US", "+12125550123"),
        ("1 212 555 0123", "US", "+12125550123"),
        ("06 123 45 678", "IT", "+390612345678"),
        ("+39 06 1234 5678", "FR", "+390612345678"),
        ("020 7946 0958", "GB", "+442079460958"),
        ("+352 621 123 456", "FR", "+352621123456"),
        ("+81 3 1234 5678", "FR", "+81312345678"),
    ])
    func normalizes(_ text: String, _ countryCode: String, _ expected: String) throws {
        let country = try #require(Country.named(code: countryCode))
        let phone = try PhoneNumber(text, country: country)
        #expect(phone.e164 == expected)
        #expect(phone.description == expected)
    }

    @Test("the same number typed two ways is the same value")
    func equality() throws {
        #expect(try PhoneNumber("06 12 34 56 78", country: .france) == PhoneNumber("+33612345678", country: .france))
    }

    @Test("refusals and their messages", arguments: [
        ("  ", PhoneNumberError.empty, "no phone number given: write it like 06 12 34 56 78 or +33 6 12 34 56 78"),
        ("06 12 34 56 7x", .invalidCharacter("06 12 34 56 7x", "x"),
         "'06 12 34 56 7x' contains 'x': a phone number has digits, spaces and an optional leading +"),
        ("+-", .noDigits("+-"), "'+-' has no digits: write it like 06 12 34 56 78 or +33 6 12 34 56 78"),
        ("6 12 34 56 78", .missingTrunkZero("6 12 34 56 78", country: .france),
         "'6 12 34 56 78' does not start with 0 as numbers in France do: start with 0, or with +33"),
        ("06 12 34 56 7", .wrongLength("06 12 34 56 7", country: .france, digits: 8),
         "'06 12 34 56 7' has 8 digits for France (+33), not counting a leading 0: expected 9"),
        ("06 12 34 56 789", .wrongLength("06 12 34 56 789", country: .france, digits: 10),
         "'06 12 34 56 789' has 10 digits for France (+33), not counting a leading 0: expected 9"),
        ("+33 6 12 34 56", .wrongLength("+33 6 12 34 56", country: .france, digits: 7),
         "'+33 6 12 34 56' has 7 digits for France (+33), not counting a leading 0: expected 9"),
        ("+81 12", .tooShort("+81 12"),
         "'+81 12' is too short for a phone number: give the full number with its area code"),
        ("+81 1234 5678 9012 34", .tooLong("+81 1234 5678 9012 34"),
         "'+81 1234 5678 9012 34' is too long for a phone number: at most 15 digits after the +"),
    ])
    func refuses(_ text: String, _ expected: PhoneNumberError, _ message: String) {
        #expect(throws: expected) { try PhoneNumber(text, country: .france) }
        #expect(expected.description == message)
    }

    @Test("a length range is spelled as a range")
    func rangeMessage() throws {
        let germany = try #require(Country.named(code: "DE"))
        #expect(throws: PhoneNumberError.wrongLength("030 12", country: germany, digits: 4)) {
            try PhoneNumber("030 12", country: germany)
        }
        #expect(PhoneNumberError.wrongLength("030 12", country: germany, digits: 4).description
            == "'030 12' has 4 digits for Germany (+49), not counting a leading 0: expected 6 to 13")
    }

    @Test("E.164 allows 15 digits, not 16")
    func e164Boundary() throws {
        #expect(try PhoneNumber("+81 1234 5678 9012 3", country: .france).e164 == "+811234567890123")
        #expect(throws: PhoneNumberError.tooLong("+8112345678901234")) {
            try PhoneNumber("+8112345678901234", country: .france)
        }
    }
}
