import ShopCore
import ShopStore
@testable import ShopTUI

/// A shop with the fixture catalogue, a logged-in customer and orders, decided and applied in
/// memory at a shop time the test moves by hand: the state the after-sales screens read.
struct AfterSalesShop {
    var state: ShopState
    var now = ShopInstant.utc(year: 2026, month: 11, day: 30, hour: 9)
    private var entropy: UInt64 = 7

    static let email = "zoe@example.fr"

    init() throws {
        state = ShopState(catalogue: Fixtures.catalogue)
        let registration = try AccountRegistration(
            name: "Zoë Martin", email: Self.email, password: "Tilleul-et-verveine-42", line1: "12 rue des Lilas",
            postalCode: "75011", city: "Paris", countryCode: "FR")
        try trade(.register(registration, passwordHash: PasswordHash(encoded: "plain$Tilleul-et-verveine-42"), session: "local"))
    }

    @discardableResult
    mutating func trade(_ command: CommerceCommand) throws(ShopError) -> [ShopEvent] {
        entropy += 1
        let events = try state.decide(.commerce(command, at: now, entropy: entropy))
        state.apply(events)
        return events
    }

    /// Puts the lines in the cart and orders them, paid by the card that always succeeds.
    @discardableResult
    mutating func order(_ lines: [(String, Int)] = [("KET-SMG-1", 1), ("FLT-HAR-1", 2)], payment: PaymentRequest? = nil) throws -> String {
        for (sku, quantity) in lines {
            state.apply(try state.decide(.addToCart(sku: sku, quantity: quantity, by: .local)))
        }
        let card = try CardDetails(number: "4242424242424242", expiry: "12/30", securityCode: "123", now: now)
        try trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: payment ?? .card(CardEntry(card))), by: .local))
        return state.commerce.orderNumbers.last!
    }

    mutating func advance(hours: Int) throws {
        try trade(.advanceClock(seconds: Int64(hours) * 3_600))
        now = now.adding(hours: hours)
    }

    /// Moves time 6 hours at a time until the order is delivered.
    mutating func deliver(_ number: String) throws {
        for _ in 0..<80 where order(number).fulfillment != .delivered { try advance(hours: 6) }
    }

    func order(_ number: String) -> Order { state.commerce.orders[number]! }

    func appState(width: Int = 80, height: Int = 24, mailbox: [MailboxEntry] = [], shopper: Shopper = .local) -> AppState {
        var app = AppState(shop: state, shopper: shopper, width: width, height: height, themes: ThemeCatalog.bundled().themes, locale: .enUS, now: now)
        app.mailbox = mailbox
        return app
    }

    static func mail(_ key: String, subject: String, to: String = "Zoë Martin <\(email)>", read: Bool = false,
                     date: ShopInstant = .utc(year: 2026, month: 11, day: 30, hour: 9, minute: 5), body: String = "Hello") -> MailboxEntry {
        MailboxEntry(key: key, flags: read ? "S" : "", subject: subject, date: date, from: "Comptoir <shop@comptoir.example>", to: to,
                     kind: "order-confirmation", orderNumber: nil, messageID: nil, body: body)
    }
}
