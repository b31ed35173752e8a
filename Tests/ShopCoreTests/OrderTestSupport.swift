import ShopCore

/// A small shop with one registered, logged-in customer, and shop time that tests move by hand.
struct TradeShop {
    var state: ShopState
    var now = ShopInstant.utc(year: 2026, month: 11, day: 23, hour: 10)
    private var entropy: UInt64 = 1
    /// Every event so far, for replay checks.
    private(set) var history: [ShopEvent] = []

    static let euro = Currency.eur
    static func euros(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    static let products = [
        Product(sku: "BOOK", title: "A novel", brand: "Phare", category: "Books", price: euros(20_00), vatClass: .reduced, stockOnHand: 10),
        Product(sku: "LAMP", title: "A lamp", brand: "Lux", category: "Home", price: euros(45_00), stockOnHand: 3),
        Product(sku: "CARD", title: "A greeting card", brand: "Plume", category: "Stationery", price: euros(3_00), stockOnHand: 1_000),
        Product(sku: "PEN", title: "A pen", brand: "Plume", category: "Stationery", price: euros(10_00), stockOnHand: 20),
        Product(sku: "TEA", title: "Green tea", brand: "Thé", category: "Groceries", price: euros(8_00), vatClass: .reduced, stockOnHand: 50),
        Product(sku: "SOFA", title: "A sofa", brand: "Assise", category: "Home", price: euros(300_00), stockOnHand: 0,
                leadTime: LeadTime(minDays: 10, maxDays: 14)),
        Product(sku: "CRATE", title: "A crate", brand: "Bois", category: "Home", price: euros(40_00), stockOnHand: 0,
                leadTime: LeadTime(minDays: 24, maxDays: 28)),
    ]

    init(loggedIn: Bool = true) throws {
        state = ShopState()
        try record([.productsUpserted(Self.products)])
        if loggedIn { try register() }
    }

    mutating func record(_ events: [ShopEvent]) throws {
        state.apply(events)
        history += events
    }

    static let password = "Tilleul-et-verveine-42"

    mutating func register(email: String = "zoe@example.fr", name: String = "Zoë Martin") throws {
        let registration = try AccountRegistration(
            name: name, email: email, password: Self.password, line1: "12 rue des Lilas", postalCode: "75011",
            city: "Paris", countryCode: "FR")
        try trade(.register(registration, passwordHash: PasswordHash(encoded: "test$\(email)"), session: "local"))
    }

    /// Decides and applies a trade command at `now`.
    @discardableResult
    mutating func trade(_ command: CommerceCommand) throws(ShopError) -> [ShopEvent] {
        entropy += 1
        let events = try state.decide(.commerce(command, at: now, entropy: entropy))
        state.apply(events)
        history += events
        return events
    }

    @discardableResult
    mutating func shop(_ command: ShopCommand) throws(ShopError) -> [ShopEvent] {
        let events = try state.decide(command)
        state.apply(events)
        history += events
        return events
    }

    mutating func advance(hours: Int = 0, seconds: Int64 = 0) throws {
        let step = Int64(hours) * 3_600 + seconds
        try trade(.advanceClock(seconds: step))
        now = now.adding(seconds: step)
    }

    static func card(_ number: String, cvc: String? = nil) throws -> PaymentRequest {
        let brand = try CardNumber(number).brand
        return .card(CardEntry(try CardDetails(
            number: number, expiry: "12/30", securityCode: cvc ?? String(repeating: "7", count: brand.securityCodeLength),
            now: ShopInstant.utc(year: 2026, month: 11, day: 23))))
    }

    /// Fills the cart and checks out; returns the new order's number.
    @discardableResult
    mutating func order(_ lines: [(String, Int)] = [("BOOK", 1)], payment: PaymentRequest? = nil,
                        delivery: DeliveryMethod = .standard, relayPointID: String? = nil, promo: String? = nil,
                        extras: Set<CheckoutExtra> = []) throws -> String {
        for (sku, quantity) in lines { try shop(.addToCart(sku: sku, quantity: quantity, by: .local)) }
        try trade(.placeOrder(CheckoutRequest(delivery: delivery, relayPointID: relayPointID, extras: extras, promoCode: promo, acceptsTerms: true,
                                              payment: payment ?? (try Self.card("4242424242424242"))), by: .local))
        return state.commerce.orderNumbers.last!
    }

    func order(_ number: String) -> Order { state.commerce.orders[number]! }

    func product(_ sku: String) -> Product { state.catalogue.product(sku: sku)! }

    /// The 3-D Secure code of the order's current challenge.
    func code(_ number: String) -> String? {
        if case let .card(card)? = order(number).currentPayment { return card.challenge?.oneTimeCode }
        return nil
    }

    /// Moves time 12 hours at a time until the order is delivered (at most 40 steps).
    mutating func deliver(_ number: String) throws {
        for _ in 0..<40 where order(number).fulfillment != .delivered { try advance(hours: 12) }
    }
}

/// The trade refusal `body` throws; nil when it throws nothing or something else.
func commerceError(_ body: () throws -> Void) -> CommerceError? {
    do {
        try body()
        return nil
    } catch let ShopError.commerce(inner) {
        return inner
    } catch {
        return nil
    }
}
