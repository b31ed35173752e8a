import Testing
@testable import ShopCore

@Suite("Account: registration form")
struct AccountRegistrationTests {
    @Test("a complete form gives normalized fields and an account without failures")
    func valid() throws {
        let form = try AccountRegistration(
            name: " Alice  Martin ", email: "Alice@Example.com", password: "plum kite river", line1: "1 rue des Lilas",
            postalCode: "75011", city: "Paris", countryCode: "fr", phone: "06 12 34 56 78")
        #expect(form.name == "Alice Martin")
        #expect(form.email.value == "alice@example.com")
        #expect(form.address.country == .france)
        #expect(form.phone?.e164 == "+33612345678")
        let hash = PasswordHash(encoded: "scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5")
        let account = form.account(id: AccountID("A-1"), passwordHash: hash)
        #expect(account.name == "Alice Martin")
        #expect(account.passwordHash == hash)
        #expect(account.failedLoginCount == 0 && account.lockoutCount == 0 && account.lockedUntil == nil)
    }

    @Test("a blank phone means none; a national phone is read in the address's country")
    func phone() throws {
        let none = try AccountRegistration(
            name: "Bob", email: "bob@example.com", password: "plum kite river", line1: "1 Road", postalCode: "10001",
            city: "New York", countryCode: "US", phone: "  ")
        #expect(none.phone == nil)
        let american = try AccountRegistration(
            name: "Bob", email: "bob@example.com", password: "plum kite river", line1: "1 Road", postalCode: "10001",
            city: "New York", countryCode: "US", phone: "(212) 555-0123")
        #expect(american.phone?.e164 == "+12125550123")
    }

    @Test("every problem is reported at once, address first")
    func everyProblem() {
        let expected = RegistrationError(problems: [
            .address(.missing(.name)), .address(.invalidPostalCode("7501", country: .france)),
            .email(.missingDomain("bob@")), .password(.tooShort(length: 9, minimum: 10)),
            .phone(.wrongLength("06 12", country: .france, digits: 3)),
        ])
        #expect(throws: expected) {
            try AccountRegistration(
                name: "", email: "bob@", password: "plum-kite", line1: "1 rue", postalCode: "7501", city: "Paris",
                countryCode: "FR", phone: "06 12")
        }
        #expect(expected.description == "the name is missing; '7501' is not a French postal code: it has exactly 5 digits, "
            + "like 75001; 'bob@' has no domain after '@': write it like name@example.com; the password has 9 "
            + "characters: use at least 10, a few unrelated words are long and easy to remember; '06 12' has 3 digits "
            + "for France (+33), not counting a leading 0: expected 9")
    }

    @Test("the password may not be the customer's name or email")
    func passwordIsName() {
        #expect(throws: RegistrationError(problems: [.password(.sameAsName)])) {
            try AccountRegistration(
                name: "Alice Martin", email: "alice@example.com", password: "Alice Martin", line1: "1 rue",
                postalCode: "75001", city: "Paris", countryCode: "FR")
        }
        #expect(throws: RegistrationError(problems: [.password(.sameAsEmail)])) {
            try AccountRegistration(
                name: "Bob", email: "alice.martin@example.com", password: "alice.martin", line1: "1 rue",
                postalCode: "75001", city: "Paris", countryCode: "FR")
        }
    }

    @Test("an unknown country still lets the phone be checked")
    func unknownCountry() {
        #expect(throws: RegistrationError(problems: [.address(.unknownCountry("ZZ"))])) {
            try AccountRegistration(
                name: "Bob", email: "bob@example.com", password: "plum kite river", line1: "1 rue", postalCode: "75001",
                city: "Paris", countryCode: "ZZ", phone: "+33 6 12 34 56 78")
        }
    }
}
