import Foundation
import ShopCore
import ShopService
import ShopStore
import Testing
@testable import ShopTUI

/// A shop in a temporary data folder for interface tests, closed and removed when the last
/// harness holding it goes: the real store, the application layer with a fixed clock, counting
/// entropy and `PlainHasher`.
final class TemporaryShop {
    let folder: URL
    let service: ShopService
    let clock: FixedClock

    init(now: ShopInstant, products: [Product] = Fixtures.products) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-harness-\(UUID().uuidString)")
        let store = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { products })
        clock = FixedClock(now)
        service = ShopService(store: store, clock: clock, entropy: CountingEntropy(), hasher: PlainHasher())
    }

    deinit {
        try? service.store.close()
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Runs `update` with the effects carried out by the terminal runtime's `EffectRunner` through
/// `ShopService` on a real store: whole screens tested against the use cases the shop runs. An
/// inline executor: each effect runs at once on the test's thread, so a key's outcome is there
/// when `send` returns. The runtime's worker, where effects run off the UI thread, is tested
/// through `ShopSession` (`ShopWorkerTests`, `ShopSessionTests`, ...).
struct ShopHarness {
    var state: AppState
    let shop: TemporaryShop
    private(set) var effects: [Effect] = []

    init(width: Int = 80, height: Int = 24, cart: [(String, Int)] = [("COF-LAV-1", 2)], account: Bool = true) {
        let initial = Fixtures.state(width: width, height: height)
        shop = try! TemporaryShop(now: initial.now)
        for (sku, quantity) in cart {
            try! shop.service.execute(.setCartQuantity(sku: sku, quantity: quantity, by: .local))
        }
        state = initial
        state.shop = shop.service.state
        state.now = shop.service.now
        if account {
            register()
            state.status = nil
        }
    }

    var service: ShopService { shop.service }

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

    /// Moves the shop's clock and tells the screen, as the runtime's tick does.
    mutating func advanceClock(seconds: Int64) {
        shop.clock.advance(seconds: seconds)
        for message in EffectRunner(service: service).trade(.catchUp, note: nil) { send(message) }
        send(.tick(service.now))
    }

    private func outcome(of effect: Effect) -> [Message] {
        if case .search = effect { Issue.record("a background search in the harness") }
        if case .buildIndex = effect { Issue.record("a background index build in the harness") }
        return EffectRunner(service: service).outcome(of: effect, for: state.shopper) ?? []
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

    /// The one-time code the bank sent the logged-in customer for the order: read in their
    /// messages, as the customer reads it.
    var bankCode: String? {
        guard let customer = state.customer, let number = order?.number else { return nil }
        return try? service.mailbox.threeDSecureCode(orderNumber: number, for: customer)
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
