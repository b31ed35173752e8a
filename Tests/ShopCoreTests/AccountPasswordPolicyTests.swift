import Testing
@testable import ShopCore

@Suite("Account: password policy")
struct AccountPasswordPolicyTests {
    let policy = PasswordPolicy.standard
    let email = try! EmailAddress("alice.martin@example.com")

    @Test("nine characters are refused, ten accepted")
    func lengthBoundary() throws {
        #expect(throws: PasswordPolicyError.tooShort(length: 9, minimum: 10)) { try policy.check("plum-kite") }
        try policy.check("plum-kites")
        #expect(PasswordPolicyError.tooShort(length: 9, minimum: 10).description
            == "the password has 9 characters: use at least 10, a few unrelated words are long and easy to remember")
        #expect(PasswordPolicyError.tooShort(length: 1, minimum: 10).description
            == "the password has 1 character: use at least 10, a few unrelated words are long and easy to remember")
    }

    @Test("length counts characters as people see them, not bytes")
    func lengthInCharacters() throws {
        try policy.check("éléphantçà")
        #expect(throws: PasswordPolicyError.tooShort(length: 9, minimum: 10)) { try policy.check("éléphantç") }
    }

    @Test("an empty password is too short")
    func empty() {
        #expect(throws: PasswordPolicyError.tooShort(length: 0, minimum: 10)) { try policy.check("") }
    }

    @Test("more than 1024 characters is refused")
    func maximum() throws {
        try policy.check(String(repeating: "ab", count: 512))
        #expect(throws: PasswordPolicyError.tooLong(length: 1_025, maximum: 1_024)) {
            try policy.check(String(repeating: "ab", count: 512) + "c")
        }
        #expect(PasswordPolicyError.tooLong(length: 1_025, maximum: 1_024).description
            == "the password has 1025 characters: at most 1024 are accepted")
    }

    @Test("common passwords are refused whatever their letter case",
          arguments: ["1234567890", "qwertyuiop", "AZERTYUIOP", "Password123", "motdepasse123", "1q2w3e4r5t", "Welcome123"])
    func common(_ password: String) {
        #expect(throws: PasswordPolicyError.common) { try policy.check(password) }
    }

    @Test("one character repeated is refused", arguments: ["bbbbbbbbbb", "          ", "éééééééééééé"])
    func oneCharacter(_ password: String) {
        #expect(throws: PasswordPolicyError.oneRepeatedCharacter) { try policy.check(password) }
        #expect(PasswordPolicyError.oneRepeatedCharacter.description
            == "the password repeats a single character: use a few words instead")
    }

    @Test("the common list has about two hundred lower-case entries")
    func commonList() {
        #expect((190...230).contains(CommonPasswords.all.count))
        #expect(CommonPasswords.all.allSatisfy { $0 == $0.lowercased() })
        #expect(PasswordPolicyError.common.description
            == "this password is one of the most common ones, the first that attackers try: choose another")
    }

    @Test("a common password inside a longer one passes the policy (the strength hint warns)")
    func commonInsideLonger() throws {
        try policy.check("azerty and the seven plums")
    }

    @Test("the account's own name is refused, however it is spelled",
          arguments: ["alicemartin", "Alice Martin", "alice.martin", "MartinAlice", "martin-alice"])
    func ownName(_ password: String) {
        #expect(throws: PasswordPolicyError.sameAsName) { try policy.check(password, name: "Alice Martin", email: nil) }
    }

    @Test("the account's own email or its name part is refused",
          arguments: ["alice.martin", "ALICE.MARTIN", "alice.martin@example.com", "alicemartinexamplecom"])
    func ownEmail(_ password: String) {
        #expect(throws: PasswordPolicyError.sameAsEmail) { try policy.check(password, name: "Bob", email: email) }
    }

    @Test("the name or email inside a longer password is allowed")
    func nameInsideLonger() throws {
        try policy.check("alicemartin loves plums", name: "Alice Martin", email: email)
    }

    @Test("messages never contain the password")
    func messages() {
        #expect(PasswordPolicyError.sameAsName.description
            == "the password is your name, which others know: choose something they cannot guess")
        #expect(PasswordPolicyError.sameAsEmail.description
            == "the password is your email address, which others know: choose something they cannot guess")
    }

    @Test("a policy may ask for more characters")
    func customMinimum() throws {
        let strict = PasswordPolicy(minimumLength: 12)
        #expect(throws: PasswordPolicyError.tooShort(length: 11, minimum: 12)) { try strict.check("plum-kites!") }
        try strict.check("plum-kites!!")
    }
}
