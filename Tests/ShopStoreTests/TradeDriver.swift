import ShopCore
@testable import ShopStore

/// A store driven through a whole trade: accounts, every payment method, parcels, returns, support.
final class TradeDriver {
    let store: Store
    var now = ShopInstant.utc(year: 2026, month: 11, day: 23, hour: 9)
    var entropy: UInt64 = 7
    private(set) var events: [ShopEvent] = []

    init(_ folder: DataFolder, policy: SnapshotPolicy = .standard) throws {
        let products = [
            Product(sku: "BOOK", title: "Le Jardin", brand: "Phare", category: "Books",
                    price: Money(minorUnits: 21_00, currency: .eur), vatClass: .reduced, stockOnHand: 20),
            Product(sku: "TEA", title: "Thé vert", brand: "Thé", category: "Groceries",
                    price: Money(minorUnits: 8_50, currency: .eur), vatClass: .reduced, stockOnHand: 20),
        ]
        store = try Store.open(folder, access: .readWrite, policy: policy) { products }
    }

    @discardableResult
    func run(_ command: ShopCommand) throws -> [ShopEvent] {
        let result = try store.execute(command)
        events += result
        return result
    }

    @discardableResult
    func trade(_ command: CommerceCommand) throws -> [ShopEvent] {
        entropy += 1
        return try run(.commerce(command, at: now, entropy: entropy))
    }

    func tryTrade(_ command: CommerceCommand) {
        _ = try? trade(command)
    }

    func advance(hours: Int) throws {
        try trade(.advanceClock(seconds: Int64(hours) * 3_600))
        now = now.adding(hours: hours)
    }

    var lastOrder: Order { store.state.commerce.orders[store.state.commerce.orderNumbers.last!]! }

    func card(_ number: String) throws -> PaymentRequest {
        .card(CardEntry(try CardDetails(number: number, expiry: "12/30", securityCode: "123", now: now)))
    }

    func placeOrder(_ payment: PaymentRequest, sku: String = "BOOK", quantity: Int = 2, promo: String? = nil) throws -> String {
        try run(.addToCart(sku: sku, quantity: quantity, by: .local))
        try trade(.placeOrder(CheckoutRequest(delivery: .express, extras: [.giftWrap], promoCode: promo,
                                              acceptsTerms: true, payment: payment), by: .local))
        return lastOrder.number
    }

    /// Everything the trade can do, once.
    func runWholeTrade() throws {
        let registration = try AccountRegistration(
            name: "Zoë Martin", email: "zoe@example.fr", password: "Tilleul-et-verveine-42", line1: "12 rue des Lilas",
            postalCode: "75011", city: "Paris", countryCode: "FR", phone: "06 12 34 56 78")
        try trade(.register(registration, passwordHash: PasswordHash(encoded: "scrypt$test"), session: "local"))
        let threeDS = try placeOrder(try card("4000002760003184"), promo: "WELCOME10")
        tryTrade(.confirmCode(orderNumber: threeDS, code: "000000", by: .local))
        if case let .card(card)? = lastOrder.currentPayment, let challenge = card.challenge {
            try trade(.confirmCode(orderNumber: threeDS, code: challenge.oneTimeCode, by: .local))
        }
        let declined = try placeOrder(try card("4000000000009995"), sku: "TEA", quantity: 4)
        try trade(.pay(orderNumber: declined, .wallet(payer: "zoe@example.fr"), by: .local))
        try trade(.approveWallet(orderNumber: declined, by: .local))
        let cash = try placeOrder(.cash, quantity: 1)
        if case let .cash(payment)? = lastOrder.currentPayment {
            try trade(.recordCash(reference: payment.reference, amount: payment.amount))
        }
        _ = try placeOrder(.cash, quantity: 1)
        let canceled = try placeOrder(try card("4242424242424242"), quantity: 1)
        try trade(.cancelOrder(orderNumber: canceled, by: .local))
        try trade(.openTicket(orderNumber: threeDS, topic: nil, text: "Où est mon colis ? Where is my parcel?", by: .local))
        try trade(.replyToTicket(ticketID: "T-0001", text: "Merci !", by: .local))
        for _ in 0..<8 { try advance(hours: 12) }
        try trade(.requestReturn(orderNumber: threeDS, lines: [ReturnLine(sku: "BOOK", quantity: 1)], by: .local))
        tryTrade(.requestReturn(orderNumber: declined, lines: nil, by: .local))
        for _ in 0..<16 { try advance(hours: 12) }
        _ = cash
        try trade(.logOut(by: .local))
        tryTrade(.logIn(email: "zoe@example.fr", passwordVerified: false, session: "local"))
        try trade(.logIn(email: "zoe@example.fr", passwordVerified: true, session: "local"))
        try trade(.markMessagesDelivered(upTo: store.state.commerce.lastMessageSequence - 2))
    }
}
