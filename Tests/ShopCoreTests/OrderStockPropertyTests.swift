import ShopCore
import Testing

@Suite("Orders: stock conservation")
struct OrderStockPropertyTests {
    static let skus = ["BOOK", "LAMP", "PEN", "TEA"]

    /// After any sequence of place, pay, cancel and time passing: reserved stock is exactly what
    /// open unshipped orders hold, stock on hand is what was never shipped, reservations never
    /// exceed the shelf, and replaying the events rebuilds the same state.
    @Test("random place / pay / cancel / expire sequences conserve stock", arguments: 1...25)
    func conservation(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var shop = try TradeShop()
        let initial = Dictionary(uniqueKeysWithValues: Self.skus.map { ($0, shop.product($0).stockOnHand) })
        for _ in 0..<30 {
            switch Int.random(in: 0..<6, using: &random) {
            case 0, 1:
                let sku = Self.skus.randomElement(using: &random)!
                let available = shop.product(sku).availableStock
                guard available > 0 else { continue }
                let payments: [PaymentRequest] = [
                    try TradeShop.card("4242424242424242"), .cash, try TradeShop.card("4000000000000002"),
                    try TradeShop.card("4000002760003184"),
                ]
                try shop.order([(sku, Int.random(in: 1...min(3, available), using: &random))],
                               payment: payments.randomElement(using: &random)!)
            case 2:
                guard let number = shop.state.commerce.orderNumbers.randomElement(using: &random) else { continue }
                _ = commerceError { try shop.trade(.cancelOrder(orderNumber: number, by: .local)) }
            case 3:
                let awaiting = shop.state.commerce.orderNumbers.compactMap { number -> (String, CashPayment)? in
                    if case let .cash(cash)? = shop.order(number).currentPayment, cash.status == .awaitingPayment { return (number, cash) }
                    return nil
                }
                guard let (_, cash) = awaiting.randomElement(using: &random) else { continue }
                _ = commerceError { try shop.trade(.recordCash(reference: cash.reference, amount: cash.amount)) }
            default:
                try shop.advance(hours: Int.random(in: 1...80, using: &random))
            }
            check(shop, initial: initial)
        }
        var replayed = ShopState()
        replayed.apply(shop.history)
        #expect(replayed == shop.state)
    }

    func check(_ shop: TradeShop, initial: [String: Int]) {
        let orders = shop.state.commerce.orderNumbers.map(shop.order)
        for sku in Self.skus {
            let product = shop.product(sku)
            let held = orders.filter { $0.state != .canceled && $0.shipment == nil }
                .flatMap(\.lines).filter { $0.sku == sku }.reduce(0) { $0 + $1.quantity }
            // A parcel that came back undelivered is back on the shelf.
            let shipped = orders.filter { $0.shipment != nil && !($0.fulfillment == .returned && $0.returns.isEmpty) }.flatMap(\.lines).filter { $0.sku == sku }.reduce(0) { $0 + $1.quantity }
            #expect(product.reservedStock == held, "\(sku) reserved")
            #expect(product.stockOnHand == initial[sku]! - shipped, "\(sku) on hand")
            #expect(product.reservedStock <= product.stockOnHand, "\(sku) oversold")
        }
    }
}
