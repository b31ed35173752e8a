import ShopCore
import Testing
@testable import ShopTUI

/// The "Log in" and "Create an account" screens driven by keys, the outcome carried out on the
/// shop state by `ShopHarness`.
@Suite struct AccountFormTests {
    static func guest(cart: [(String, Int)] = [("COF-LAV-1", 2)]) -> ShopHarness {
        var harness = ShopHarness(cart: cart)
        harness.press(.character("l"))  // Alice logs out; her account stays.
        harness.state.status = nil
        return harness
    }

    @Test func lOpensTheLoginFormWithItsFieldsAndButtons() {
        var harness = Self.guest()
        #expect(harness.screen.contains("Guest · l log in"))
        harness.press(.character("l"))
        #expect(harness.state.accountForm?.isOpen == true)
        let screen = harness.screen
        for words in ["Log in", "Email", "Password", "[ Log in ]", "[ Create an account ]"] {
            #expect(screen.contains(words), "\(words)")
        }
        #expect(!screen.contains("Catalogue"))
    }

    @Test func shopLettersTypeIntoTheFieldAndQDoesNotQuit() {
        var harness = Self.guest()
        harness.press(.character("l"))
        harness.type("qtlca?/")
        #expect(harness.state.accountForm?.login.text("email") == "qtlca?/")
        #expect(!harness.effects.contains(.quit))
        #expect(!harness.state.showsHelp)
    }

    @Test func theLoginLogsInShowsTheNameAndMergesTheGuestCart() {
        var harness = Self.guest()  // Alice's 2 units were kept with her account at logout
        #expect(harness.state.shop.cart(of: .local).isEmpty)
        harness.press(.character("a"))  // the selected product goes into the guest cart
        let guestCart = harness.state.shop.cart(of: .local)
        #expect(!guestCart.isEmpty)
        harness.press(.character("l"))
        harness.type("alice@example.fr")
        harness.press(.tab)
        harness.type(ShopHarness.password)
        #expect(harness.screen.contains(String(repeating: "•", count: ShopHarness.password.count)))
        #expect(!harness.screen.contains(ShopHarness.password))
        harness.press(.enter)
        #expect(harness.state.customer?.name == "Alice Martin")
        #expect(harness.state.accountForm == nil)
        #expect(harness.state.status == StatusMessage("Logged in as Alice Martin"))
        #expect(harness.screen.contains("Logged in as Alice Martin"))
        #expect(guestCart.lines.map(\.sku) == ["COF-LAV-1"])
        #expect(harness.state.shop.cart(of: .local).quantity(of: "COF-LAV-1") == 3)
        #expect(harness.screen.contains("Cart 3 items"))
    }

    @Test func aWrongPasswordKeepsTheFormWithTheReasonInRed() {
        var harness = Self.guest()
        harness.press(.character("l"))
        harness.type("alice@example.fr")
        harness.press(.tab)
        harness.type("not the password")
        harness.press(.enter)
        let form = harness.state.accountForm
        #expect(form?.isOpen == true)
        #expect(harness.state.customer == nil)
        #expect(form?.login.error?.lowercased().contains("wrong email or password") == true)
        #expect(form?.login.text("email") == "alice@example.fr")
        #expect(form?.login.text("password") == "")
        let style = harness.style(of: "Wrong email or password", above: harness.state.height - 2)
        #expect(style == harness.state.styles.error)
    }

    @Test func emptyFieldsAreRefusedBeforeAnythingIsSent() {
        var harness = Self.guest()
        harness.press(.character("l"), .enter)
        #expect(!Fixtures.unaddressed(harness.effects).contains { if case .logIn = $0 { return true } else { return false } })
        #expect(harness.state.accountForm?.login.item("email")?.error != nil)
        #expect(harness.state.accountForm?.login.item("password")?.error != nil)
    }

    @Test func registrationMarksEachFieldWithItsProblem() {
        var harness = Self.guest()
        harness.press(.character("l"), .tab, .tab, .tab, .enter)
        #expect(harness.state.accountForm?.mode == .register)
        #expect(harness.screen.contains("Create an account"))
        harness.type("Bob")
        harness.press(.tab)
        harness.type("bob@example")
        harness.press(.tab)
        harness.type("short")
        harness.press(.tab, .tab, .tab)
        harness.type("7501")
        harness.press(.enter)
        let form = harness.state.accountForm!.registration
        #expect(form.item("name")?.error == nil)
        #expect(form.item("email")?.error?.contains("domain without a dot") == true)
        #expect(form.item("password")?.error?.contains("has 5 characters") == true)
        #expect(form.item("line1")?.error?.contains("missing") == true)
        #expect(form.item("postalCode")?.error?.contains("French postal code") == true)
        #expect(form.item("city")?.error?.contains("missing") == true)
        #expect(form.item("phone")?.error == nil)
        #expect(form.focusedID == "email")
        #expect(!Fixtures.unaddressed(harness.effects).contains { if case .register = $0 { return true } else { return false } })
    }

    @Test func thePasswordShowsDotsAndAStrengthMeter() {
        var harness = Self.guest()
        harness.press(.character("l"), .tab, .tab, .tab, .enter, .tab, .tab)
        harness.type("abc")
        #expect(harness.screen.contains("•••"))
        #expect(harness.screen.contains("Strength: ▱▱▱▱ very weak"))
        harness.type("def velvet orbit lantern")
        #expect(harness.screen.contains("Strength: ▰▰▰▰ strong"))
    }

    @Test func aNewAccountIsCreatedAndLoggedIn() {
        var harness = Self.guest()
        harness.press(.character("l"), .tab, .tab, .tab, .enter)
        for (text, tabs) in [("Bob Durand", 1), ("bob@example.fr", 1), ("quiet harbour window", 1), ("3 place Bellecour", 2),
                             ("69002", 1), ("Lyon", 1)] {
            harness.type(text)
            for _ in 0..<tabs { harness.press(.tab) }
        }
        harness.press(.enter)
        #expect(harness.state.customer?.email.value == "bob@example.fr")
        #expect(harness.state.customer?.address.city == "Lyon")
        #expect(harness.state.accountForm == nil)
        #expect(harness.screen.contains("Logged in as Bob Durand"))
    }

    /// Fills the registration form of a guest harness with Bob's details, leaving the focus on the
    /// "Send me offers by e-mail" box.
    static func fillRegistration(_ harness: inout ShopHarness) {
        harness.press(.character("l"), .tab, .tab, .tab, .enter)
        for (text, tabs) in [("Bob Durand", 1), ("bob@example.fr", 1), ("quiet harbour window", 1), ("3 place Bellecour", 2),
                             ("69002", 1), ("Lyon", 3)] {
            harness.type(text)
            for _ in 0..<tabs { harness.press(.tab) }
        }
    }

    @Test func theOffersBoxIsUntickedAndATickIsRecordedAsConsent() throws {
        var unticked = Self.guest()
        Self.fillRegistration(&unticked)
        #expect(unticked.state.accountForm?.registration.focusedID == "offers")
        #expect(unticked.screen.contains("[ ] Send me offers by e-mail"))
        unticked.press(.enter)
        let quiet = try #require(unticked.state.customer)
        #expect(unticked.state.shop.commerce.backOffice.marketingConsent[quiet.id] == nil)

        var ticked = Self.guest()
        Self.fillRegistration(&ticked)
        ticked.press(.character(" "))
        #expect(ticked.screen.contains("[x] Send me offers by e-mail"))
        ticked.press(.tab, .enter)
        let bob = try #require(ticked.state.customer)
        #expect(ticked.state.shop.commerce.backOffice.marketingConsent[bob.id] == ticked.service.now)
        // What `comptoir merchant customers` lists.
        let summary = CustomerSummary(bob, in: ticked.state.shop.commerce)
        #expect(summary.marketingConsentAt == ticked.service.now)
    }

    @Test func registeringOverSSHGivesTheSessionsKeyToTheNewAccount() throws {
        var harness = Self.guest()
        let key = PublicKeyEntry(type: "ssh-ed25519", blob: "AAAAC3NzaC1lZDI1NTE5AAAAIBOBKEY", comment: "",
                                 fingerprint: "SHA256:b0bK3yF1ngerpr1ntWithFortyThreeCharactersXY")
        harness.state.sessionKey = key
        Self.fillRegistration(&harness)
        harness.press(.tab, .enter)
        let bob = try #require(harness.state.customer)
        #expect(harness.state.shop.commerce.keys(of: bob.id).map(\.fingerprint) == [key.fingerprint])
        // The welcome mail's notice follows on the same line.
        #expect(harness.state.status?.text.hasPrefix("Your SSH key SHA256:b0bK3yF1… now logs you in as bob@example.fr") == true)
        #expect(harness.screen.contains("Your SSH key SHA256:b0bK3yF1… now logs you in as bob@example"))
    }

    @Test func aKeyAlreadyAnotherAccountsIsNotMovedAndTheCustomerIsTold() throws {
        var harness = Self.guest()
        let key = PublicKeyEntry(type: "ssh-ed25519", blob: "AAAAC3NzaC1lZDI1NTE5AAAAIALICE", comment: "",
                                 fingerprint: "SHA256:alice-key")
        _ = try harness.service.logIn(email: "alice@example.fr", password: ShopHarness.password, session: "other")
        try harness.service.trade(.addAccountKey(key, by: .session("other")))
        harness.state.sessionKey = key
        Self.fillRegistration(&harness)
        harness.press(.tab, .enter)
        let bob = try #require(harness.state.customer)
        #expect(harness.state.shop.commerce.keys(of: bob.id).isEmpty)
        #expect(harness.state.shop.commerce.accountKeys["SHA256:alice-key"]?.account != bob.id)
        #expect(harness.state.status?.text.contains("your SSH key is another account's") == true)
    }

    @Test func aTakenEmailIsSaidUnderTheEmailField() {
        var harness = Self.guest()
        harness.press(.character("l"), .tab, .tab, .tab, .enter)
        for (text, tabs) in [("Alice Again", 1), ("alice@example.fr", 1), ("quiet harbour window", 1), ("1 rue Neuve", 2),
                             ("75001", 1), ("Paris", 1)] {
            harness.type(text)
            for _ in 0..<tabs { harness.press(.tab) }
        }
        harness.press(.enter)
        #expect(harness.state.customer == nil)
        #expect(harness.state.accountForm?.registration.item("email")?.error != nil)
    }

    @Test func escGoesBackThenClosesAndReopeningShowsTheInput() {
        var harness = Self.guest()
        harness.press(.character("l"))
        harness.type("alice@example.fr")
        harness.press(.tab)
        harness.type("secret words")
        harness.press(.tab, .tab, .enter)
        harness.type("Alice")
        harness.press(.escape)
        #expect(harness.state.accountForm?.mode == .logIn)
        harness.press(.escape)
        #expect(harness.state.accountForm?.isOpen == false)
        #expect(harness.screen.contains("Catalogue"))
        harness.press(.character("l"))
        #expect(harness.state.accountForm?.login.text("email") == "alice@example.fr")
        #expect(harness.state.accountForm?.login.text("password") == "")
        #expect(harness.state.accountForm?.registration.text("name") == "Alice")
    }

    @Test func lLogsOutAtOnceWhenLoggedIn() {
        var harness = ShopHarness()
        harness.press(.character("l"))
        #expect(harness.state.customer == nil)
        #expect(harness.state.status == StatusMessage("Logged out"))
        #expect(harness.state.accountForm == nil)
    }

    @Test func checkoutWhileLoggedOutAsksToLogInThenContinues() {
        var harness = Self.guest()
        harness.press(.character("a"), .character("c"))
        #expect(harness.screen.contains(AccountUpdate.checkoutNote))
        harness.type("alice@example.fr")
        harness.press(.tab)
        harness.type(ShopHarness.password)
        harness.press(.enter)
        #expect(harness.state.checkout?.isOpen == true)
        #expect(harness.screen.contains("Address › Delivery › Review › Payment › Confirmation"))
    }

    @Test func qOutsideATextFieldAsksBeforeQuitting() {
        var harness = Self.guest()
        harness.press(.character("l"), .tab, .tab, .character("q"))
        #expect(harness.state.status?.text == FormScreens.quitQuestion)
        harness.press(.character("n"))
        #expect(!harness.effects.contains(.quit))
        #expect(harness.state.accountForm?.isOpen == true)
        harness.press(.character("q"), .character("y"))
        #expect(harness.effects.contains(.quit))
    }
}
