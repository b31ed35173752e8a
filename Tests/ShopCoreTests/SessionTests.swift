import ShopCore
import Testing

/// Many visitors at once: each session has its own guest cart and login; an account's cart is
/// shared by its sessions; an account may act by itself without any session.
@Suite("Sessions")
struct SessionTests {
    /// Verifies the hash `TradeShop` gives its accounts (`test$EMAIL`) against the email as password.
    struct KnownHashHasher: PasswordHasher {
        func hash(_ password: String) throws -> PasswordHash { PasswordHash(encoded: "test$" + password) }
        func verify(_ password: String, against hash: PasswordHash) -> Bool { hash.encoded == "test$" + password }
    }

    static let alice = Shopper.session("local:alice")
    static let bob = Shopper.session("local:bob")

    /// A shop with Zoë registered and logged in on `local`, then logged out: no session is logged in.
    private func shopWithAccount() throws -> (TradeShop, AccountID) {
        var shop = try TradeShop()
        let id = try #require(shop.state.commerce.account(email: "zoe@example.fr")?.id)
        try shop.trade(.logOut(by: .local))
        #expect(shop.state.commerce.sessions.isEmpty)
        return (shop, id)
    }

    private func logIn(_ shop: inout TradeShop, _ session: Shopper, verified: Bool = true) throws -> CommerceCommand {
        let command = CommerceCommand.logIn(email: "zoe@example.fr", passwordVerified: verified, session: session.sessionName)
        try shop.trade(command)
        return command
    }

    @Test func twoGuestSessionsHaveTheirOwnCarts() throws {
        var shop = try TradeShop(loggedIn: false)
        try shop.shop(.addToCart(sku: "BOOK", quantity: 2, by: Self.alice))
        try shop.shop(.addToCart(sku: "PEN", quantity: 1, by: Self.bob))
        #expect(shop.state.cart(of: Self.alice).lines == [CartLine(sku: "BOOK", quantity: 2)])
        #expect(shop.state.cart(of: Self.bob).lines == [CartLine(sku: "PEN", quantity: 1)])
        #expect(shop.state.cart(of: .local).isEmpty)
        try shop.shop(.clearCart(by: Self.alice))
        #expect(shop.state.cart(of: Self.alice).isEmpty)
        #expect(shop.state.cart(of: Self.bob).itemCount == 1)
        #expect(throws: ShopError.cart(.notInCart(sku: "PEN"))) { try shop.shop(.removeFromCart(sku: "PEN", by: Self.alice)) }
    }

    @Test func loggingInMergesOnlyThatSessionsGuestCart() throws {
        var (shop, id) = try shopWithAccount()
        try shop.shop(.addToCart(sku: "BOOK", quantity: 1, by: Self.alice))
        try shop.shop(.addToCart(sku: "PEN", quantity: 2, by: Self.bob))
        try shop.shop(.addToCart(sku: "BOOK", quantity: 1, by: .account(id)))
        _ = try logIn(&shop, Self.alice)
        #expect(shop.state.commerce.sessions == ["local:alice": id])
        #expect(shop.state.cart(of: Self.alice).lines == [CartLine(sku: "BOOK", quantity: 2)])
        #expect(shop.state.carts.guests["local:alice"] == nil)
        #expect(shop.state.cart(of: Self.bob).lines == [CartLine(sku: "PEN", quantity: 2)])
        #expect(shop.state.commerce.account(of: Self.bob) == nil)
    }

    @Test func twoSessionsOfOneAccountShareItsCart() throws {
        var (shop, id) = try shopWithAccount()
        _ = try logIn(&shop, Self.alice)
        _ = try logIn(&shop, Self.bob)
        #expect(shop.state.commerce.sessions(of: id) == ["local:alice", "local:bob"])
        let added = try shop.shop(.addToCart(sku: "LAMP", quantity: 1, by: Self.alice))
        #expect(added == [.cartLineSet(cart: .account(id), sku: "LAMP", quantity: 1)])
        #expect(shop.state.cart(of: Self.bob).lines == [CartLine(sku: "LAMP", quantity: 1)])
        // One order from either session empties the account's cart for both.
        try shop.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: .cash), by: Self.bob))
        #expect(shop.state.cart(of: Self.alice).isEmpty)
        #expect(shop.state.commerce.orders(of: id).count == 1)
    }

    @Test func loggingOutIsPerSessionAndTheAccountKeepsItsCart() throws {
        var (shop, id) = try shopWithAccount()
        _ = try logIn(&shop, Self.alice)
        _ = try logIn(&shop, Self.bob)
        try shop.shop(.addToCart(sku: "BOOK", quantity: 3, by: Self.alice))
        let ended = try shop.trade(.logOut(by: Self.alice))
        #expect(ended == [.commerce(.sessionEnded(session: "local:alice"))])
        #expect(shop.state.cart(of: Self.alice).isEmpty)
        #expect(shop.state.commerce.account(of: Self.bob)?.id == id)
        #expect(shop.state.cart(of: Self.bob).itemCount == 3)
        #expect(commerceError { try shop.trade(.logOut(by: Self.alice)) } == .notLoggedIn)
        _ = try logIn(&shop, Self.alice)
        #expect(shop.state.cart(of: Self.alice).itemCount == 3)
    }

    @Test func anAccountActingByItselfTouchesNoSession() throws {
        var (shop, id) = try shopWithAccount()
        try shop.shop(.addToCart(sku: "PEN", quantity: 1, by: .local))
        let attempt = try logIn(&shop, .account(id))
        #expect(attempt == .logIn(email: "zoe@example.fr", passwordVerified: true, session: nil))
        #expect(shop.state.commerce.loginRefusal(after: attempt, at: shop.now) == nil)
        #expect(shop.state.commerce.sessions.isEmpty)
        let added = try shop.shop(.addToCart(sku: "BOOK", quantity: 1, by: .account(id)))
        #expect(added == [.cartLineSet(cart: .account(id), sku: "BOOK", quantity: 1)])
        try shop.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: .cash), by: .account(id)))
        #expect(shop.state.commerce.orders(of: id).count == 1)
        #expect(shop.state.commerce.sessions.isEmpty)
        #expect(shop.state.cart(of: .local).lines == [CartLine(sku: "PEN", quantity: 1)])
        // An account that does not exist cannot act.
        #expect(throws: ShopError.commerce(.notLoggedIn)) {
            try shop.shop(.addToCart(sku: "BOOK", quantity: 1, by: .account(AccountID("A-999999"))))
        }
        #expect(commerceError { try shop.trade(.cancelOrder(orderNumber: "C-2026-000001", by: .account(AccountID("A-999999")))) } == .notLoggedIn)
    }

    @Test func logOutOfAnAccountEndsEverySessionOfIt() throws {
        var (shop, id) = try shopWithAccount()
        _ = try logIn(&shop, Self.alice)
        _ = try logIn(&shop, Self.bob)
        let events = try shop.trade(.logOut(by: .account(id)))
        #expect(events == [.commerce(.sessionEnded(session: "local:alice")), .commerce(.sessionEnded(session: "local:bob"))])
        #expect(shop.state.commerce.sessions.isEmpty)
    }

    @Test func aWrongPasswordFailsWhileTheAccountIsLoggedInElsewhere() throws {
        var (shop, _) = try shopWithAccount()
        _ = try logIn(&shop, Self.alice)
        let commerce = shop.state.commerce
        let right = commerce.logInCommand(email: "zoe@example.fr", password: "zoe@example.fr", hasher: KnownHashHasher(), at: shop.now, session: nil)
        #expect(right == .logIn(email: "zoe@example.fr", passwordVerified: true, session: nil))
        let wrong = commerce.logInCommand(email: "zoe@example.fr", password: "wrong", hasher: KnownHashHasher(), at: shop.now, session: "local:bob")
        let events = try shop.trade(wrong)
        #expect(!events.contains { if case .commerce(.sessionStarted) = $0 { return true } else { return false } })
        #expect(shop.state.commerce.loginRefusal(after: wrong, at: shop.now) == .wrongEmailOrPassword)
        #expect(shop.state.commerce.account(of: Self.bob) == nil)
        // The same on the session already logged in, and for an account acting by itself.
        let again = try logIn(&shop, Self.alice, verified: false)
        #expect(shop.state.commerce.loginRefusal(after: again, at: shop.now) == .wrongEmailOrPassword)
        let alone = CommerceCommand.logIn(email: "zoe@example.fr", passwordVerified: false, session: nil)
        try shop.trade(alone)
        #expect(shop.state.commerce.loginRefusal(after: alone, at: shop.now) == .wrongEmailOrPassword)
        #expect(shop.state.commerce.account(email: "zoe@example.fr")?.failedLoginCount == 3)
    }

    @Test func eventsNameTheirSessionAndCartOwner() throws {
        var (shop, id) = try shopWithAccount()
        let guest = try shop.shop(.addToCart(sku: "BOOK", quantity: 1, by: Self.alice))
        #expect(guest == [.cartLineSet(cart: Self.alice, sku: "BOOK", quantity: 1)])
        let login = try shop.trade(.logIn(email: "zoe@example.fr", passwordVerified: true, session: "local:alice"))
        #expect(login.contains(.commerce(.sessionStarted(session: "local:alice", account: id))))
        let cleared = try shop.shop(.clearCart(by: Self.alice))
        #expect(cleared == [.cartCleared(cart: .account(id))])
    }

    @Test func replayingTheEventsRebuildsTheSameState() throws {
        var (shop, id) = try shopWithAccount()
        try shop.shop(.addToCart(sku: "BOOK", quantity: 1, by: Self.alice))
        _ = try logIn(&shop, Self.alice)
        try shop.shop(.addToCart(sku: "PEN", quantity: 2, by: Self.bob))
        _ = try logIn(&shop, Self.bob)
        try shop.shop(.addToCart(sku: "CARD", quantity: 4, by: .account(id)))
        try shop.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: .cash), by: Self.alice))
        try shop.shop(.addToCart(sku: "TEA", quantity: 1, by: .local))
        try shop.trade(.logOut(by: Self.bob))
        var replayed = ShopState()
        replayed.apply(shop.history)
        #expect(replayed == shop.state)
        #expect(replayed.carts.guests == ["local": Cart(lines: [CartLine(sku: "TEA", quantity: 1)])])
    }

    @Test func sessionNamesAreChecked() throws {
        #expect(try Shopper.localSession(named: "kiosk-2") == .session("local:kiosk-2"))
        #expect(throws: SessionNameError.empty) { try Shopper.localSession(named: "") }
        #expect(throws: SessionNameError.invalidCharacters) { try Shopper.localSession(named: "a b") }
        #expect(throws: SessionNameError.invalidCharacters) { try Shopper.localSession(named: "é") }
        #expect(throws: SessionNameError.tooLong(65)) { try Shopper.localSession(named: String(repeating: "x", count: 65)) }
    }
}
