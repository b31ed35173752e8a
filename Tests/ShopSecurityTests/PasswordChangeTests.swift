import ShopCore
import Testing
@testable import ShopSecurity

@Suite("Security: changing a password")
struct PasswordChangeTests {
    let hasher = ScryptPasswordHasher(parameters: try! ScryptParameters(rounds: 1 << 10, blockSize: 8, parallelism: 1))

    func account() throws -> Account {
        try AccountRegistration(
            name: "Alice Martin", email: "alice@example.com", password: "plum kite river", line1: "1 rue des Lilas",
            postalCode: "75011", city: "Paris", countryCode: "FR"
        ).account(id: AccountID("A-1"), passwordHash: try hasher.hash("plum kite river"))
    }

    @Test("the new password replaces the old one")
    func changes() throws {
        let changed = try account().changingPassword(current: "plum kite river", new: "seven quiet herons", hasher: hasher)
        #expect(hasher.verify("seven quiet herons", against: changed.passwordHash))
        #expect(!hasher.verify("plum kite river", against: changed.passwordHash))
    }

    @Test("refusals: wrong current password, same password, policy")
    func refusals() throws {
        let account = try account()
        #expect(throws: PasswordChangeError.wrongCurrentPassword) {
            try account.changingPassword(current: "plum kite rivers", new: "seven quiet herons", hasher: hasher)
        }
        #expect(throws: PasswordChangeError.sameAsCurrent) {
            try account.changingPassword(current: "plum kite river", new: "plum kite river", hasher: hasher)
        }
        #expect(throws: PasswordChangeError.policy(.tooShort(length: 5, minimum: 10))) {
            try account.changingPassword(current: "plum kite river", new: "heron", hasher: hasher)
        }
        #expect(throws: PasswordChangeError.policy(.sameAsName)) {
            try account.changingPassword(current: "plum kite river", new: "martin alice", hasher: hasher)
        }
        #expect(throws: PasswordChangeError.policy(.common)) {
            try account.changingPassword(current: "plum kite river", new: "azertyuiop", hasher: hasher)
        }
    }

    @Test("messages")
    func messages() {
        #expect(PasswordChangeError.wrongCurrentPassword.description
            == "the current password is wrong: type the password you log in with now")
        #expect(PasswordChangeError.sameAsCurrent.description
            == "the new password is the current one: choose a different one")
        #expect(PasswordChangeError.policy(.common).description == PasswordPolicyError.common.description)
        #expect(PasswordChangeError.hashingFailed(reason: "out of memory").description
            == "the new password could not be stored: out of memory")
    }
}
