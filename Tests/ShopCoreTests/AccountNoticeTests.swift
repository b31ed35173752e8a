@testable import ShopCore
import Testing

/// The account's way in changed (password, SSH key): one notice each, saying what, when, from
/// where, and what to do if it was not the customer — never a secret.
@Suite("Messages: account security notices")
struct AccountNoticeTests {
    static let key = PublicKeyEntry(
        type: "ssh-ed25519", blob: "AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLE", comment: "zoe@laptop", fingerprint: "SHA256:zoe-key")
    static let seller = SellerIdentity.comptoir

    static func expectContact(_ mail: OutgoingMessage, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(mail.toAddress == "zoe@example.fr", sourceLocation: sourceLocation)
        #expect(mail.orderNumber == nil, sourceLocation: sourceLocation)
        #expect(mail.body.contains("tell us straight away at \(seller.contactEmail) or on \(seller.phone)"), sourceLocation: sourceLocation)
        #expect(mail.body.contains(seller.block), sourceLocation: sourceLocation)
        #expect(!mail.body.contains(TradeShop.password), sourceLocation: sourceLocation)
        #expect(!mail.body.contains("test$"), "no password hash", sourceLocation: sourceLocation)
    }

    @Test("a password change sends one notice: when, from where, what to do — not the password or its hash")
    func passwordChanged() throws {
        var shop = try TradeShop()
        shop.now = shop.now.adding(hours: 5)
        let events = try shop.trade(.changePassword(newHash: PasswordHash(encoded: "test$new-hash"), by: .local))
        let mails = PaymentReceiptMessageTests.mails(events)
        #expect(mails.map(\.kind) == [.passwordChanged])
        let mail = try #require(mails.first)
        #expect(mail.subject == "Your Comptoir password was changed")
        #expect(mail.date == shop.now)
        #expect(mail.body.contains("The password of your Comptoir account zoe@example.fr was changed on \(MessageTime.text(shop.now)),"))
        #expect(mail.body.contains("in the shop on Comptoir's own computer"))
        #expect(mail.body.contains("If you did not change it, someone else may be using your account"))
        #expect(!mail.body.contains("new-hash"))
        Self.expectContact(mail)
    }

    @Test("a refused password change (no one logged in) sends nothing")
    func refusedChangeSendsNothing() throws {
        var shop = try TradeShop(loggedIn: false)
        #expect(commerceError { try shop.trade(.changePassword(newHash: PasswordHash(encoded: "test$x"), by: .local)) } == .notLoggedIn)
        #expect(shop.state.commerce.outbox.isEmpty)
    }

    @Test("adding a key sends one notice with its fingerprint, type and comment, and how to remove it")
    func keyAdded() throws {
        var shop = try TradeShop()
        let zoe = try #require(shop.state.commerce.account(email: "zoe@example.fr")?.id)
        let events = try shop.trade(.addAccountKey(Self.key, by: .account(zoe)))
        let mails = PaymentReceiptMessageTests.mails(events)
        #expect(mails.map(\.kind) == [.accountKeyAdded])
        let mail = try #require(mails.first)
        #expect(mail.subject == "An SSH key was added to your Comptoir account")
        #expect(mail.body.contains("An SSH key was added to your Comptoir account zoe@example.fr on \(MessageTime.text(shop.now)),"))
        #expect(mail.body.contains("by a comptoir command that gave your e-mail address and password"))
        #expect(mail.body.contains("SHA256:zoe-key (ssh-ed25519, \"zoe@laptop\")"))
        #expect(mail.body.contains("remove the key at once: comptoir account keys remove SHA256:zoe-key"))
        Self.expectContact(mail)
        // The same key again is refused, and tells no one.
        #expect(commerceError { try shop.trade(.addAccountKey(Self.key, by: .local)) } != nil)
        #expect(shop.state.commerce.outbox.filter { $0.kind == .accountKeyAdded }.count == 1)
    }

    @Test("removing a key sends one notice naming the key removed; an unknown fingerprint sends nothing")
    func keyRemoved() throws {
        var shop = try TradeShop()
        try shop.trade(.addAccountKey(Self.key, by: .local))
        #expect(commerceError { try shop.trade(.removeAccountKey(fingerprint: "SHA256:nope", by: .local)) } == .unknownKey("SHA256:nope"))
        shop.now = shop.now.adding(minutes: 30)
        let events = try shop.trade(.removeAccountKey(fingerprint: "SHA256:zoe-key", by: .local))
        let mails = PaymentReceiptMessageTests.mails(events)
        #expect(mails.map(\.kind) == [.accountKeyRemoved])
        let mail = try #require(mails.first)
        #expect(mail.subject == "An SSH key was removed from your Comptoir account")
        #expect(mail.body.contains("was removed from your Comptoir account zoe@example.fr on \(MessageTime.text(shop.now)),"))
        #expect(mail.body.contains("SHA256:zoe-key (ssh-ed25519, \"zoe@laptop\")"))
        #expect(mail.body.contains("It no longer logs you in."))
        #expect(mail.body.contains("choose a new password: comptoir account password"))
        Self.expectContact(mail)
    }

    @Test("registering over SSH with a key: the welcome names the key, and no separate key notice is sent")
    func registrationWithKeyIsOneWelcome() throws {
        var shop = try TradeShop(loggedIn: false)
        var registration = try AccountRegistration(
            name: "Zoë Martin", email: "zoe@example.fr", password: TradeShop.password, line1: "12 rue des Lilas",
            postalCode: "75011", city: "Paris", countryCode: "FR")
        registration.sshKey = Self.key
        let session = "ssh:SHA256:zoe-key"
        let events = try shop.trade(.register(registration, passwordHash: PasswordHash(encoded: "test$zoe"), session: session))
        let mails = PaymentReceiptMessageTests.mails(events)
        #expect(mails.map(\.kind) == [.accountCreated])
        let welcome = try #require(mails.first)
        #expect(welcome.body.contains("The SSH key you registered from logs you in"))
        #expect(welcome.body.contains("SHA256:zoe-key (ssh-ed25519, \"zoe@laptop\")"))
        #expect(welcome.body.contains(Self.seller.block))
        #expect(!welcome.body.contains(TradeShop.password))
        // Later changes from that session say they came over SSH with that key.
        let changed = try shop.trade(.changePassword(newHash: PasswordHash(encoded: "test$2"), by: .session(session)))
        let notice = try #require(PaymentReceiptMessageTests.mails(changed).first)
        #expect(notice.body.contains("over SSH, with the key SHA256:zoe-key"))
    }

    @Test("a welcome without a key (or with one another account has) names no key")
    func welcomeWithoutKey() throws {
        var shop = try TradeShop()
        var registration = try AccountRegistration(
            name: "Bob", email: "bob@example.fr", password: TradeShop.password, line1: "3 rue Haute", postalCode: "69001",
            city: "Lyon", countryCode: "FR")
        try shop.trade(.addAccountKey(Self.key, by: .local))
        registration.sshKey = Self.key
        let events = try shop.trade(.register(registration, passwordHash: PasswordHash(encoded: "test$bob"), session: "ssh:SHA256:zoe-key"))
        let welcome = try #require(PaymentReceiptMessageTests.mails(events).first)
        #expect(welcome.kind == .accountCreated)
        #expect(!welcome.body.contains("SSH key"))
        let zoes = try #require(shop.state.commerce.outbox.first { $0.kind == .accountCreated && $0.toAddress == "zoe@example.fr" })
        #expect(!zoes.body.contains("SSH key"))
        #expect(zoes.body.contains("If you did not create this account, tell us at \(Self.seller.contactEmail)."))
    }

    @Test("the wrong password that locks the account sends one notice; attempts during the lock and right passwords send none")
    func lockout() throws {
        var shop = try TradeShop()
        let failures = LoginThrottle.standard.failuresBeforeLock
        for attempt in 1...failures {
            let events = try shop.trade(.logIn(email: "zoe@example.fr", passwordVerified: false, session: "ssh:account:zoe@example.fr"))
            #expect(PaymentReceiptMessageTests.kinds(events) == (attempt == failures ? [.accountLocked] : []), "attempt \(attempt)")
        }
        let until = shop.now.adding(minutes: 1)
        let mail = try #require(shop.state.commerce.outbox.last)
        #expect(mail.kind == .accountLocked)
        #expect(mail.subject == "Your Comptoir account is locked until \(MessageTime.text(until))")
        #expect(mail.body.contains("After \(failures) wrong passwords in a row, the last on \(MessageTime.text(shop.now)) over SSH,"))
        #expect(mail.body.contains("your Comptoir account zoe@example.fr is locked until \(MessageTime.text(until))."))
        Self.expectContact(mail)
        #expect(commerceError { try shop.trade(.logIn(email: "zoe@example.fr", passwordVerified: false, session: nil)) } != nil)
        #expect(shop.state.commerce.outbox.filter { $0.kind == .accountLocked }.count == 1)
        // The next series locks for longer, and says so; a right password afterwards sends nothing.
        try shop.advance(seconds: 61)
        for _ in 1...failures { try shop.trade(.logIn(email: "zoe@example.fr", passwordVerified: false, session: nil)) }
        let second = try #require(shop.state.commerce.outbox.last)
        #expect(second.kind == .accountLocked)
        #expect(second.body.contains("by a comptoir command giving your e-mail address"))
        #expect(second.body.contains("locked until \(MessageTime.text(shop.now.adding(minutes: 5)))"))
        try shop.advance(seconds: 301)
        let success = try shop.trade(.logIn(email: "zoe@example.fr", passwordVerified: true, session: "local"))
        #expect(PaymentReceiptMessageTests.kinds(success).isEmpty)
    }

    @Test("where a change came from, as far as the session tells")
    func origins() {
        #expect(AccountNotices.origin(of: .session("ssh:account:zoe@example.fr")) == "over SSH, logged in to your account")
        #expect(AccountNotices.origin(of: .session("ssh:SHA256:abc")) == "over SSH, with the key SHA256:abc")
        #expect(AccountNotices.origin(of: .local).hasPrefix("in the shop on Comptoir's own computer"))
        #expect(AccountNotices.origin(of: .session("local:alice")).hasPrefix("in the shop on Comptoir's own computer"))
        #expect(AccountNotices.channel(of: .session("ssh:account:zoe@example.fr")) == "over SSH")
        #expect(AccountNotices.channel(of: nil) == "by a comptoir command giving your e-mail address")
    }
}
