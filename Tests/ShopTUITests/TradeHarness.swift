import ShopCore
import Testing
@testable import ShopTUI

/// Runs `update` with the effects carried out on the `ShopState` itself (decide, then apply), the
/// way `ShopSession` does on a store, but with no files: pure tests of whole screens. Passwords
/// are checked with `PlainHasher`; there is no mailbox (3-D Secure codes are read from the order).
struct TradeHarness {
    var state: AppState
    var entropy: UInt64 = 1
    private(set) var effects: [Effect] = []

    init(width: Int = 80, height: Int = 24, cart: [(String, Int)] = [("COF-LAV-1", 2)], account: Bool = true) {
        var basket = Cart()
        for (sku, quantity) in cart { basket.setQuantity(quantity, for: sku) }
        state = Fixtures.state(width: width, height: height, cart: basket)
        if account {
            register()
            state.status = nil
        }
    }

    static let password = "velvet orbit lantern"

    static func registration(email: String = "alice@example.fr") -> AccountRegistration {
        try! AccountRegistration(name: "Alice Martin", email: email, password: password, line1: "12 rue des Lilas",
                                 postalCode: "75011", city: "Paris", countryCode: "FR")
    }

    /// Creates Alice's account, logged in, through the same effect the registration screen uses.
    mutating func register() {
        perform(.register(Self.registration(), password: Self.password))
    }

    mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    mutating func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    mutating func send(_ message: Message) {
        var pending = [message]
        while !pending.isEmpty {
            let effects = update(&state, pending.removeFirst())
            self.effects += effects
            for effect in effects { pending += outcome(of: effect) }
        }
    }

    /// Carries out an effect as if the runtime had decided it by itself (a clock tick...).
    mutating func perform(_ effect: Effect) {
        for message in outcome(of: effect) { send(message) }
    }

    private mutating func outcome(of effect: Effect) -> [Message] {
        switch effect {
        case let .execute(command, note):
            return run(command, note: note)
        case let .trade(command, note):
            entropy += 1
            return run(.commerce(command, at: state.now, entropy: entropy), note: note)
        case let .logIn(email, password):
            let command = state.shop.commerce.logInCommand(
                email: email, password: password, hasher: PlainHasher(), at: state.now, session: state.shopper.sessionName)
            var messages = run(.commerce(command, at: state.now, entropy: entropy), note: nil)
            guard case let .commandSucceeded(_, after, _)? = messages.first else { return messages }
            if let refusal = after.commerce.loginRefusal(after: command, at: state.now) {
                messages.append(.commandFailed(refusal.description))
            } else if let account = after.commerce.account(of: state.shopper) {
                messages = messages.map { message in
                    guard case let .commandSucceeded(events, shop, _) = message else { return message }
                    return .commandSucceeded(events: events, state: shop, note: "Logged in as \(account.name)")
                }
            }
            return messages
        case let .register(registration, password):
            if state.shop.commerce.account(email: registration.email.value) != nil {
                return [.commandFailed(CommerceError.emailTaken(registration.email.value).description)]
            }
            let hash = try! PlainHasher().hash(password)
            return run(.commerce(.register(registration, passwordHash: hash, session: state.shopper.sessionName), at: state.now, entropy: entropy),
                       note: "Account created for \(registration.email.value): you are logged in")
        case .markMessageRead, .quit:
            return []
        case .search, .buildIndex:
            // Small catalogues search inline; the harness never sees background searches.
            Issue.record("a background search in the trade harness")
            return []
        }
    }

    private func run(_ command: ShopCommand, note: String?) -> [Message] {
        do throws(ShopError) {
            let events = try state.shop.decide(command)
            var shop = state.shop
            shop.apply(events)
            return [.commandSucceeded(events: events, state: shop, note: note ?? "")]
        } catch {
            return [.commandFailed(error.description)]
        }
    }

    // MARK: Reading the screen

    var screen: String { ShopView.render(state).text() }

    /// The style of the first cell of `text` where it is first drawn above row `limit`.
    func style(of text: String, above limit: Int) -> TextStyle? {
        let canvas = ShopView.render(state)
        let wanted = Array(text)
        for y in 0..<min(limit, canvas.height) {
            for x in 0..<canvas.width where canvas[x, y].grapheme == String(wanted[0]) {
                var matches = true
                for (offset, character) in wanted.enumerated() where x + offset >= canvas.width || canvas[x + offset, y].grapheme != String(character) {
                    matches = false
                    break
                }
                if matches { return canvas[x, y].style }
            }
        }
        return nil
    }
    var wizard: CheckoutWizard { state.checkout! }
    var order: Order? { state.checkout?.orderNumber.flatMap { state.shop.commerce.orders[$0] } }

    /// The one-time code the bank sent for the order's current card payment.
    var bankCode: String? {
        if case let .card(card)? = order?.currentPayment { return card.challenge?.oneTimeCode }
        return nil
    }

    /// From the shop: `c`, then through Address, Delivery (down `deliveryDown` rows) and Review
    /// with the terms ticked, to the Payment step.
    mutating func goToPayment(deliveryDown: Int = 0) {
        press(.character("c"), .enter)
        for _ in 0..<deliveryDown { press(.down) }
        press(.enter, .tab, .tab, .tab, .character(" "), .enter)
    }

    /// On the Payment step with the method list focused and Card chosen: types the card and submits.
    mutating func payByCard(_ number: String, expiry: String = "1234", cvc: String = "123") {
        press(.tab)
        type(number)
        press(.tab, .end, .backspace, .backspace, .backspace, .backspace, .backspace)
        type(expiry)
        press(.tab)
        type(cvc)
        press(.enter)
    }
}
