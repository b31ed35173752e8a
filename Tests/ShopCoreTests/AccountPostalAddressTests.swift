import Testing
@testable import ShopCore

@Suite("Account: postal address")
struct AccountPostalAddressTests {
    @Test("a French address is trimmed, its spaces collapsed, an empty line 2 dropped")
    func validFrenchAddress() throws {
        let address = try PostalAddress(
            name: "  Alice   Martin ", line1: "12 rue des  Lilas", line2: "  ", postalCode: " 75011 ", city: "Paris",
            countryCode: "fr")
        #expect(address.name == "Alice Martin")
        #expect(address.line1 == "12 rue des Lilas")
        #expect(address.line2 == nil)
        #expect(address.postalCode == "75011")
        #expect(address.country.code == "FR")
        #expect(address.lines == ["Alice Martin", "12 rue des Lilas", "75011 Paris", "France"])
        #expect(address.description == "Alice Martin, 12 rue des Lilas, 75011 Paris, France")
    }

    @Test("line 2 is kept when given")
    func lineTwo() throws {
        let address = try PostalAddress(
            name: "Bob", line1: "3 avenue Foch", line2: "Bâtiment B", postalCode: "69006", city: "Lyon", countryCode: "FR")
        #expect(address.line2 == "Bâtiment B")
        #expect(address.lines == ["Bob", "3 avenue Foch", "Bâtiment B", "69006 Lyon", "France"])
    }

    @Test("French postal codes have exactly five digits", arguments: ["7501", "750011", "7500A", "75 001", "2A004"])
    func frenchPostalCodes(_ code: String) {
        let problem = PostalAddressProblem.invalidPostalCode(code, country: .france)
        #expect(throws: PostalAddressError(problems: [problem])) {
            try PostalAddress(name: "A", line1: "1 rue", postalCode: code, city: "Paris", countryCode: "FR")
        }
    }

    @Test("the French postal code message shows the right shape")
    func frenchMessage() {
        #expect(PostalAddressProblem.invalidPostalCode("7501", country: .france).description
            == "'7501' is not a French postal code: it has exactly 5 digits, like 75001")
    }

    @Test("postal codes of other countries follow their shapes", arguments: [
        ("BE", "1000"), ("DE", "10115"), ("NL", "1012 AB"), ("NL", "1012ab"), ("GB", "SW1A 1AA"), ("GB", "m1 1ae"),
        ("US", "10001"), ("US", "10001-1234"), ("CA", "K1A 0B1"), ("PT", "1000-001"), ("IE", "D02 X285"),
        ("IE", "D6W 1234"), ("LU", "L-1234"), ("CH", "1200"),
    ])
    func otherCountries(_ country: String, _ code: String) throws {
        let address = try PostalAddress(name: "A", line1: "1 Road", postalCode: code, city: "Town", countryCode: country)
        #expect(address.postalCode == code.uppercased())
    }

    @Test("a postal code of the wrong shape names the expected shapes")
    func otherCountryMessage() throws {
        let netherlands = try #require(Country.named(code: "NL"))
        #expect(throws: PostalAddressError(problems: [.invalidPostalCode("1012", country: netherlands)])) {
            try PostalAddress(name: "A", line1: "1 Road", postalCode: "1012", city: "Amsterdam", countryCode: "NL")
        }
        #expect(PostalAddressProblem.invalidPostalCode("1012", country: netherlands).description
            == "'1012' is not a postal code of Netherlands: expected 9999 AA or 9999AA (9 a digit, A a letter, X either)")
    }

    @Test("an unknown country is refused with the list of known codes")
    func unknownCountry() {
        #expect(throws: PostalAddressError(problems: [.unknownCountry("XX")])) {
            try PostalAddress(name: "A", line1: "1 rue", postalCode: "75001", city: "Paris", countryCode: " XX ")
        }
        #expect(PostalAddressProblem.unknownCountry("XX").description
            == "'XX' is not a country the shop delivers to: use one of FR, MC, BE, LU, CH, DE, AT, NL, ES, PT, IT, IE, GB, US, CA")
    }

    @Test("every missing field is reported at once, in form order")
    func everythingMissing() {
        let expected = PostalAddressError(problems: [
            .missing(.name), .missing(.line1), .missing(.postalCode), .missing(.city), .missing(.countryCode),
        ])
        #expect(throws: expected) {
            try PostalAddress(name: " ", line1: "", line2: nil, postalCode: "", city: "", countryCode: "")
        }
        #expect(expected.description == "the name is missing; the address line 1 is missing; the postal code is missing; "
            + "the city is missing; the country is missing: give its two-letter code, such as FR")
        #expect(expected.problems(for: .city) == [.missing(.city)])
        #expect(expected.problems(for: .line2).isEmpty)
    }

    @Test("fields have maximum lengths that fit a label")
    func lengths() throws {
        let long = String(repeating: "x", count: 101)
        _ = try PostalAddress(
            name: String(long.dropLast()), line1: "1 rue", postalCode: "75001", city: "Paris", countryCode: "FR")
        let expected = PostalAddressError(problems: [
            .tooLong(.name, length: 101, maximum: 100), .tooLong(.line2, length: 101, maximum: 100),
            .tooLong(.city, length: 61, maximum: 60),
        ])
        #expect(throws: expected) {
            try PostalAddress(
                name: long, line1: "1 rue", line2: long, postalCode: "75001", city: String(repeating: "c", count: 61),
                countryCode: "FR")
        }
        #expect(PostalAddressProblem.tooLong(.city, length: 61, maximum: 60).description
            == "the city has 61 characters: at most 60 fit on a label")
    }

    @Test("control and bidi characters are refused")
    func controlCharacters() {
        #expect(throws: PostalAddressError(problems: [.controlCharacter(.line1), .controlCharacter(.city)])) {
            try PostalAddress(
                name: "A", line1: "1 rue\u{1B}[31m", postalCode: "75001", city: "Pa\u{202E}ris", countryCode: "FR")
        }
        #expect(PostalAddressProblem.controlCharacter(.line1).description
            == "the address line 1 contains an invisible control character: type it again as plain text")
    }

    @Test("each problem belongs to its field")
    func problemFields() {
        #expect(PostalAddressProblem.unknownCountry("XX").field == .countryCode)
        #expect(PostalAddressProblem.invalidPostalCode("1", country: .france).field == .postalCode)
        #expect(PostalAddressProblem.tooLong(.line2, length: 1, maximum: 0).field == .line2)
    }
}
