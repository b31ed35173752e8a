import Testing
@testable import ShopCore

@Suite("Account: value, hash and time")
struct AccountTests {
    @Test("a password hash never prints its encoded text")
    func hashIsRedacted() {
        let hash = PasswordHash(encoded: "scrypt$1024$8$1$c2FsdA==$a2V5")
        #expect(hash.scheme == "scrypt")
        #expect(hash.description == "PasswordHash(scrypt, redacted)")
        #expect(String(reflecting: hash) == "PasswordHash(scrypt, redacted)")
        #expect(!"\(hash)".contains("c2FsdA"))
        var dumped = ""
        dump(hash, to: &dumped)
        #expect(!dumped.contains("c2FsdA"))
        #expect(PasswordHash(encoded: "plain").scheme == nil)
        #expect(PasswordHash(encoded: "$x").scheme == nil)
    }

    @Test("an account prints without its hash")
    func accountDescription() throws {
        let account = Account(
            id: AccountID("A-7"), name: "Bob", email: try EmailAddress("bob@example.com"),
            passwordHash: PasswordHash(encoded: "scrypt$1024$8$1$c2FsdA==$a2V5"),
            address: try PostalAddress(name: "Bob", line1: "1 rue", postalCode: "75001", city: "Paris", countryCode: "FR"))
        let printed = String(describing: account)
        #expect(printed.contains("bob@example.com"))
        #expect(!printed.contains("c2FsdA"))
        #expect(account.phone == nil)
        #expect(!account.isLocked(at: ShopInstant(secondsSince1970: 0)))
        #expect(account.id.description == "A-7")
        #expect(AccountID("A-1") < AccountID("A-2"))
    }

    @Test("shop instants add minutes, hours and days and compare")
    func instants() {
        let noon = ShopInstant(secondsSince1970: 1_000)
        #expect(noon.adding(minutes: 2).secondsSince1970 == 1_120)
        #expect(noon.adding(hours: 1).secondsSince1970 == 4_600)
        #expect(noon.adding(days: 1).secondsSince1970 == 87_400)
        #expect(noon.adding(minutes: -1).secondsSince1970 == 940)
        #expect(noon < noon.adding(minutes: 1))
        #expect(noon.adding(hours: 24) == noon.adding(days: 1))
    }
}
