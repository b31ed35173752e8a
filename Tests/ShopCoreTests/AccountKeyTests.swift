import ShopCore
import Testing

/// SSH public keys registered to accounts: one key, one account; the key's owner logs in with it.
@Suite("Account keys")
struct AccountKeyTests {
    static let key = PublicKeyEntry(
        type: "ssh-ed25519", blob: "AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLE", comment: "zoe@laptop", fingerprint: "SHA256:zoe-key")
    static let other = PublicKeyEntry(type: "ssh-ed25519", blob: "AAAAC3NzaC1lZDI1NTE5AAAAIOTHER", comment: "",
                                      fingerprint: "SHA256:other-key")
    static let ssh = "ssh:account:zoe@example.fr"

    @Test func addingAKeyRecordsItForTheAccountAndListsIt() throws {
        var shop = try TradeShop()
        let zoe = try #require(shop.state.commerce.account(email: "zoe@example.fr")?.id)
        let events = try shop.trade(.addAccountKey(Self.key, by: .local))
        let added = AccountKey(account: zoe, type: "ssh-ed25519", blob: Self.key.blob, comment: "zoe@laptop",
                               fingerprint: "SHA256:zoe-key", addedAt: shop.now)
        #expect(events.first == .commerce(.accountKeyAdded(added)))
        #expect(events.count == 2, "the key, then the notice (AccountNoticeTests)")
        #expect(added.openSSHLine == "ssh-ed25519 \(Self.key.blob) zoe@laptop")
        shop.now = shop.now.adding(minutes: 1)
        try shop.trade(.addAccountKey(Self.other, by: .account(zoe)))
        #expect(shop.state.commerce.keys(of: zoe).map(\.fingerprint) == ["SHA256:zoe-key", "SHA256:other-key"])
        #expect(shop.state.commerce.keys(of: zoe).last?.openSSHLine == "ssh-ed25519 \(Self.other.blob)")
    }

    @Test func aGuestHasNoKeysToAdd() throws {
        var shop = try TradeShop(loggedIn: false)
        #expect(commerceError { try shop.trade(.addAccountKey(Self.key, by: .local)) } == .notLoggedIn)
        #expect(commerceError { try shop.trade(.removeAccountKey(fingerprint: "SHA256:zoe-key", by: .local)) } == .notLoggedIn)
        #expect(shop.state.commerce.accountKeys.isEmpty)
    }

    @Test func aKeyIsRegisteredOnceToOneAccountOnly() throws {
        var shop = try TradeShop()
        try shop.trade(.addAccountKey(Self.key, by: .local))
        #expect(commerceError { try shop.trade(.addAccountKey(Self.key, by: .local)) }
            == .keyTaken(fingerprint: "SHA256:zoe-key", yours: true))
        try shop.register(email: "bob@example.fr", name: "Bob")
        let bob = try #require(shop.state.commerce.account(email: "bob@example.fr")?.id)
        let refusal = commerceError { try shop.trade(.addAccountKey(Self.key, by: .account(bob))) }
        #expect(refusal == .keyTaken(fingerprint: "SHA256:zoe-key", yours: false))
        #expect(refusal?.description.contains("another account") == true)
        #expect(refusal?.description.contains("zoe@example.fr") == false)
        #expect(shop.state.commerce.keys(of: bob).isEmpty)
    }

    @Test func removingTakesOnlyTheAccountsOwnKey() throws {
        var shop = try TradeShop()
        let zoe = try #require(shop.state.commerce.account(email: "zoe@example.fr")?.id)
        try shop.trade(.addAccountKey(Self.key, by: .local))
        try shop.register(email: "bob@example.fr", name: "Bob")
        let bob = try #require(shop.state.commerce.account(email: "bob@example.fr")?.id)
        #expect(commerceError { try shop.trade(.removeAccountKey(fingerprint: "SHA256:zoe-key", by: .account(bob))) }
            == .unknownKey("SHA256:zoe-key"))
        #expect(commerceError { try shop.trade(.removeAccountKey(fingerprint: "SHA256:nope", by: .account(zoe))) }
            == .unknownKey("SHA256:nope"))
        let removed = try shop.trade(.removeAccountKey(fingerprint: " SHA256:zoe-key ", by: .account(zoe)))
        #expect(removed.first == .commerce(.accountKeyRemoved(zoe, fingerprint: "SHA256:zoe-key")))
        #expect(removed.count == 2, "the removal, then the notice (AccountNoticeTests)")
        #expect(shop.state.commerce.accountKeys.isEmpty)
        // Once removed, another account may register the key.
        try shop.trade(.addAccountKey(Self.key, by: .account(bob)))
        #expect(shop.state.commerce.keys(of: bob).count == 1)
    }

    @Test func theOwnersKeyLogsInAndAnyOtherIsRefusedWithoutCounting() throws {
        var shop = try TradeShop()
        let zoe = try #require(shop.state.commerce.account(email: "zoe@example.fr")?.id)
        try shop.trade(.addAccountKey(Self.key, by: .local))
        try shop.register(email: "bob@example.fr", name: "Bob")
        try shop.trade(.addAccountKey(Self.other, by: .local))
        let refusals = [
            commerceError { try shop.trade(.logInWithKey(email: "zoe@example.fr", fingerprint: "SHA256:other-key", session: Self.ssh)) },
            commerceError { try shop.trade(.logInWithKey(email: "zoe@example.fr", fingerprint: "SHA256:unknown", session: Self.ssh)) },
            commerceError { try shop.trade(.logInWithKey(email: "nobody@example.fr", fingerprint: "SHA256:zoe-key", session: Self.ssh)) },
        ]
        #expect(refusals == Array(repeating: .login(.wrongEmailOrPassword), count: 3))
        #expect(shop.state.commerce.accounts[zoe]?.failedLoginCount == 0)
        #expect(shop.state.commerce.sessions[Self.ssh] == nil)
        let events = try shop.trade(.logInWithKey(email: "Zoe@Example.fr", fingerprint: "SHA256:zoe-key", session: Self.ssh))
        #expect(events == [.commerce(.sessionStarted(session: Self.ssh, account: zoe))])
        #expect(shop.state.commerce.account(of: .session(Self.ssh))?.id == zoe)
    }

    @Test func aLockedAccountsKeyWaitsForTheLock() throws {
        var shop = try TradeShop()
        try shop.trade(.addAccountKey(Self.key, by: .local))
        for _ in 0..<LoginThrottle.standard.failuresBeforeLock {
            _ = try? shop.trade(.logIn(email: "zoe@example.fr", passwordVerified: false, session: nil))
        }
        let refusal = commerceError {
            try shop.trade(.logInWithKey(email: "zoe@example.fr", fingerprint: "SHA256:zoe-key", session: Self.ssh))
        }
        guard case .login(.locked) = refusal else {
            Issue.record("a locked account's key logged in: \(String(describing: refusal))")
            return
        }
    }

    /// A registration over SSH with the connection's key.
    static func registration(_ email: String, key: PublicKeyEntry?) throws -> AccountRegistration {
        var registration = try AccountRegistration(
            name: "Bob Martin", email: email, password: TradeShop.password, line1: "3 rue Haute", postalCode: "69001",
            city: "Lyon", countryCode: "FR")
        registration.sshKey = key
        return registration
    }

    @Test func registeringFromAnSSHSessionRegistersItsKeyInTheSameCommit() throws {
        var shop = try TradeShop(loggedIn: false)
        let guest = "ssh:SHA256:other-key"
        let events = try shop.trade(.register(
            Self.registration("bob@example.fr", key: Self.other), passwordHash: PasswordHash(encoded: "test$bob"), session: guest))
        let bob = try #require(shop.state.commerce.account(email: "bob@example.fr")?.id)
        let added = AccountKey(account: bob, type: "ssh-ed25519", blob: Self.other.blob, comment: "",
                               fingerprint: "SHA256:other-key", addedAt: shop.now)
        #expect(events.contains(.commerce(.accountKeyAdded(added))))
        #expect(shop.state.commerce.keys(of: bob) == [added])
        #expect(shop.state.commerce.account(of: .session(guest))?.id == bob)
        // The key now logs Bob in on a session of his own.
        try shop.trade(.logInWithKey(email: "bob@example.fr", fingerprint: "SHA256:other-key", session: "ssh:account:bob@example.fr"))
        #expect(shop.state.commerce.account(of: .session("ssh:account:bob@example.fr"))?.id == bob)
    }

    @Test func aKeyAlreadyAnotherAccountsStaysWithItAndTheRegistrationGoesThrough() throws {
        var shop = try TradeShop()
        let zoe = try #require(shop.state.commerce.account(email: "zoe@example.fr")?.id)
        try shop.trade(.addAccountKey(Self.key, by: .local))
        let events = try shop.trade(.register(
            Self.registration("bob@example.fr", key: Self.key), passwordHash: PasswordHash(encoded: "test$bob"), session: "ssh:x"))
        let bob = try #require(shop.state.commerce.account(email: "bob@example.fr")?.id)
        #expect(!events.contains { if case .commerce(.accountKeyAdded) = $0 { return true } else { return false } })
        #expect(shop.state.commerce.keys(of: bob).isEmpty)
        #expect(shop.state.commerce.accountKeys["SHA256:zoe-key"]?.account == zoe)
    }

    @Test func aRegistrationWithoutAKeyAddsNone() throws {
        var shop = try TradeShop(loggedIn: false)
        try shop.trade(.register(
            Self.registration("bob@example.fr", key: nil), passwordHash: PasswordHash(encoded: "test$bob"), session: "local"))
        #expect(shop.state.commerce.accountKeys.isEmpty)
    }
}
