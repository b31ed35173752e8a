import Testing
@testable import ShopCore

@Suite("Account: password strength")
struct AccountPasswordStrengthTests {
    let policy = PasswordPolicy.standard

    @Test("scores and hints from very weak to strong", arguments: [
        ("1234567890", 0, "it contains a very common password: replace that part with words of your own"),
        ("Summer2024!", 0, "it contains a very common password: replace that part with words of your own"),
        ("zzzzzzzzzzzzzzzzzzzz", 0, "avoid repeated characters and sequences like aaa or 1234"),
        ("plum-kites", 2, "add another word or two: long passphrases are strongest"),
        ("river plum", 2, "add another word or two: long passphrases are strongest"),
        ("Tr0ub4dor&3", 3, "good: one more word would make it strong"),
        ("correct horse battery staple", 4, "strong: nothing to add"),
        ("plum kite river", 4, "strong: nothing to add"),
    ])
    func scores(_ password: String, _ score: Int, _ hint: String) {
        let strength = policy.strength(of: password)
        #expect(strength.score == score)
        #expect(strength.hint == hint)
    }

    @Test("the customer's own name or email name inside the password weakens it")
    func personalWords() throws {
        let email = try EmailAddress("bob.leroy@example.com")
        let withName = policy.strength(of: "alicemartin2024", name: "Alice Martin", email: email)
        #expect(withName.score == 0)
        #expect(withName.hint == "it contains your name or email address: leave those out")
        #expect(policy.strength(of: "alicemartin2024").score > withName.score)
        #expect(policy.strength(of: "bob.leroy 1987", name: nil, email: email).hint
            == "it contains your name or email address: leave those out")
    }

    @Test("another word makes a password stronger")
    func anotherWord() {
        let short = policy.strength(of: "river plum")
        let longer = policy.strength(of: "river plum kite")
        #expect(longer.score > short.score)
    }

    @Test("labels and the one-line description")
    func labels() {
        #expect(policy.strength(of: "1234567890").label == "very weak")
        #expect(policy.strength(of: "plum-kites").label == "fair")
        #expect(policy.strength(of: "Tr0ub4dor&3").label == "good")
        #expect(policy.strength(of: "correct horse battery staple").description == "strong (4/4): strong: nothing to add")
        #expect(policy.strength(of: "plum-kites").description
            == "fair (2/4): add another word or two: long passphrases are strongest")
    }

    @Test("the description never shows the password")
    func noPasswordInDescription() {
        let password = "Tr0ub4dor&3"
        #expect(!policy.strength(of: password).description.contains(password))
        #expect(!String(describing: policy.strength(of: password)).contains("ub4d"))
    }

    @Test("runs of three or more repeated or consecutive characters count once", arguments: [
        ("abcx", 2), ("aab", 3), ("aaab", 2), ("9876", 1), ("ab", 2), ("azbz", 4), ("", 0),
    ])
    func runs(_ text: String, _ expected: Int) {
        #expect(PasswordStrength.surprisingCharacterCount(Array(text)) == expected)
    }

    @Test("the alphabet grows with each kind of character")
    func alphabet() {
        #expect(PasswordStrength.alphabetSize(of: "abc") == 26)
        #expect(PasswordStrength.alphabetSize(of: "aB1") == 62)
        #expect(PasswordStrength.alphabetSize(of: "aB1 ") == 95)
        #expect(PasswordStrength.alphabetSize(of: "é") == 100)
    }

    @Test("log2 without Foundation is accurate")
    func log2() {
        #expect(PasswordStrength.log2(8) == 3)
        #expect(abs(PasswordStrength.log2(95) - 6.569855608) < 1e-6)
        #expect(PasswordStrength.log2(1) == 0)
    }
}
