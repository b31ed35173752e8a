import Testing
@testable import ShopCore

@Suite("Account: email address")
struct AccountEmailAddressTests {
    @Test("a valid address is kept, trimmed and lower-cased")
    func normalizes() throws {
        let email = try EmailAddress("  Alice.Martin+shop@Example.COM ")
        #expect(email.value == "alice.martin+shop@example.com")
        #expect(email.description == "alice.martin+shop@example.com")
        #expect(email.localPart == "alice.martin+shop")
        #expect(email.domain == "example.com")
    }

    @Test("letter case does not make a different address")
    func identityIgnoresCase() throws {
        #expect(try EmailAddress("Bob@Example.com") == EmailAddress("bob@example.com"))
        #expect(try Set([EmailAddress("BOB@EXAMPLE.COM"), EmailAddress("bob@example.com")]).count == 1)
    }

    @Test("accepted shapes", arguments: [
        "a@b.co", "o'brien@example.ie", "x_y-z@sub.domain.example.org", "1234@123.example", "a!#$%&*/=?^`{|}~@x.fr",
        "user@xn--caf-dma.fr", "first.last@my-shop.com",
    ])
    func accepts(_ text: String) throws {
        _ = try EmailAddress(text)
    }

    @Test("an empty text")
    func empty() {
        #expect(throws: EmailAddressError.empty) { try EmailAddress("   ") }
        #expect(EmailAddressError.empty.description == "no email address given: write it like name@example.com")
    }

    @Test("every rule has its own error and message", arguments: [
        ("bob@", EmailAddressError.missingDomain("bob@"),
         "'bob@' has no domain after '@': write it like name@example.com"),
        ("@example.com", .missingLocalPart("@example.com"),
         "'@example.com' has no name before '@': write it like name@example.com"),
        ("bob.example.com", .missingAt("bob.example.com"),
         "'bob.example.com' has no '@': write it like name@example.com"),
        ("bob@@example.com", .moreThanOneAt("bob@@example.com"),
         "'bob@@example.com' has more than one '@': write it like name@example.com"),
        ("bob smith@example.com", .containsSpace("bob smith@example.com"),
         "'bob smith@example.com' contains a space: an email address has none, write it like name@example.com"),
        ("bob@example", .domainWithoutDot("bob@example"),
         "'bob@example' has a domain without a dot: write it like name@example.com"),
        ("bob@example..com", .emptyDomainLabel("bob@example..com"),
         "'bob@example..com' has an empty part in its domain (two dots in a row, or a dot at an end): write it like name@example.com"),
        ("bob@example.com.", .emptyDomainLabel("bob@example.com."),
         "'bob@example.com.' has an empty part in its domain (two dots in a row, or a dot at an end): write it like name@example.com"),
        ("bob@exa_mple.com", .invalidDomainCharacter("bob@exa_mple.com", "_"),
         "'bob@exa_mple.com' contains '_' in its domain: use letters, digits, hyphens and dots only"),
        ("bob@café.fr", .invalidDomainCharacter("bob@café.fr", "é"),
         "'bob@café.fr' contains 'é' in its domain: use letters, digits, hyphens and dots only"),
        ("bob@-shop.com", .hyphenAtLabelEdge("bob@-shop.com", label: "-shop"),
         "'bob@-shop.com': the domain part '-shop' starts or ends with a hyphen, which domains never do"),
        ("bob@shop-.com", .hyphenAtLabelEdge("bob@shop-.com", label: "shop-"),
         "'bob@shop-.com': the domain part 'shop-' starts or ends with a hyphen, which domains never do"),
        ("bob@example.c", .invalidTopLevelDomain("bob@example.c", topLevel: "c"),
         "'bob@example.c' ends in '.c', which is not a top-level domain: write it like name@example.com"),
        ("bob@10.0.0.1", .invalidTopLevelDomain("bob@10.0.0.1", topLevel: "1"),
         "'bob@10.0.0.1' ends in '.1', which is not a top-level domain: write it like name@example.com"),
        ("bo(b)@example.com", .invalidLocalCharacter("bo(b)@example.com", "("),
         "'bo(b)@example.com' contains '(' before '@': use letters, digits and symbols such as . _ - +"),
        ("rené@example.com", .invalidLocalCharacter("rené@example.com", "é"),
         "'rené@example.com' contains 'é' before '@': use letters, digits and symbols such as . _ - +"),
        (".bob@example.com", .misplacedDotInLocalPart(".bob@example.com"),
         "'.bob@example.com' has a dot at the start or end of the name, or two dots in a row: write it like name@example.com"),
        ("bob.@example.com", .misplacedDotInLocalPart("bob.@example.com"),
         "'bob.@example.com' has a dot at the start or end of the name, or two dots in a row: write it like name@example.com"),
        ("bo..b@example.com", .misplacedDotInLocalPart("bo..b@example.com"),
         "'bo..b@example.com' has a dot at the start or end of the name, or two dots in a row: write it like name@example.com"),
    ])
    func refuses(_ text: String, _ expected: EmailAddressError, _ message: String) {
        #expect(throws: expected) { try EmailAddress(text) }
        #expect(expected.description == message)
    }

    @Test("a tab or line break inside counts as a space")
    func otherWhitespace() {
        #expect(throws: EmailAddressError.containsSpace("bob\t@example.com")) { try EmailAddress("bob\t@example.com") }
        #expect(throws: EmailAddressError.containsSpace("bob@exa\nmple.com")) { try EmailAddress("bob@exa\nmple.com") }
    }

    @Test("the whole address has at most 254 characters")
    func totalLengthBoundary() throws {
        let domain = [String](repeating: String(repeating: "d", count: 60), count: 4).joined(separator: ".") + ".com"
        let local254 = String(repeating: "a", count: 254 - 1 - domain.count)
        #expect(local254.count <= 64)
        #expect(try EmailAddress(local254 + "@" + domain).value.count == 254)
        let tooLong = local254 + "a@" + domain
        #expect(throws: EmailAddressError.tooLong(tooLong, length: 255, maximum: 254)) { try EmailAddress(tooLong) }
        #expect(EmailAddressError.tooLong(tooLong, length: 255, maximum: 254).description
            == "the email address has 255 characters: at most 254 are allowed")
    }

    @Test("the name before @ has at most 64 characters")
    func localPartBoundary() throws {
        _ = try EmailAddress(String(repeating: "a", count: 64) + "@example.com")
        let text = String(repeating: "a", count: 65) + "@example.com"
        #expect(throws: EmailAddressError.localPartTooLong(text, length: 65, maximum: 64)) { try EmailAddress(text) }
        #expect(EmailAddressError.localPartTooLong("x", length: 65, maximum: 64).description
            == "'x' has 65 characters before '@': at most 64 are allowed")
    }

    @Test("a domain label has at most 63 characters")
    func labelBoundary() throws {
        let label63 = String(repeating: "l", count: 63)
        _ = try EmailAddress("bob@\(label63).com")
        let text = "bob@\(label63)l.com"
        #expect(throws: EmailAddressError.domainLabelTooLong(text, label: label63 + "l", maximum: 63)) {
            try EmailAddress(text)
        }
        #expect(EmailAddressError.domainLabelTooLong("b@x.com", label: "xx", maximum: 63).description
            == "'b@x.com': the domain part 'xx' is longer than 63 characters")
    }
}
