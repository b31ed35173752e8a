import ShopCore
import Testing

/// The lookups `Commerce` keeps as events apply (each queue's orders, each customer's orders and
/// tickets, accounts in creation order, the sales ledger) answer what visiting every order would, after a long mix
/// of orders, payments left pending, cancellations, shipping, deliveries, returns, refunds and
/// tickets by several customers; and a trade state read back from its parts keeps the same ones.
@Suite("Commerce: queue and customer lookups kept as events apply")
struct CommerceIndexTests {
    static let customers = ["zoe@example.fr", "ana@example.fr", "bob@example.fr", "cleo@example.fr"]

    /// Every lookup against the straightforward visit of all orders and tickets.
    static func expectLookupsMatch(_ commerce: Commerce, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let all = commerce.orderNumbers.compactMap { commerce.orders[$0] }
        for queue in OrderQueue.allCases {
            let indexed = commerce.queues.positions(in: queue).compactMap { commerce.order(at: $0)?.number }
            let visited = all.filter { OrderQueue($0) == queue }.map(\.number)
            #expect(indexed == visited, "queue \(queue.rawValue) after \(step)", sourceLocation: sourceLocation)
            #expect(commerce.queues.count(queue) == visited.count, sourceLocation: sourceLocation)
        }
        for account in commerce.accounts.values {
            #expect(commerce.orders(of: account.id) == all.filter { $0.customer == account.id },
                    "orders of \(account.email.value) after \(step)", sourceLocation: sourceLocation)
            let tickets = commerce.ticketIDs.compactMap { commerce.tickets[$0] }.filter { $0.customer == account.id }
            #expect(commerce.tickets(of: account.id) == tickets, sourceLocation: sourceLocation)
        }
        #expect(commerce.accountsInOrder.map(\.id) == commerce.accounts.keys.sorted(), sourceLocation: sourceLocation)
        for index in commerce.accountsInOrder.indices {
            #expect(commerce.account(at: index) == commerce.accountsInOrder[index], sourceLocation: sourceLocation)
        }
        #expect(commerce.account(at: commerce.accounts.count) == nil, sourceLocation: sourceLocation)
        #expect(commerce.order(at: commerce.orderNumbers.count) == nil && commerce.order(at: -1) == nil, sourceLocation: sourceLocation)
        #expect(commerce.sales == SalesLedger(all), "the sales ledger after \(step)", sourceLocation: sourceLocation)
        let paid = all.filter(\.isPaid)
        let report = SalesReport(state: ShopState(commerce: commerce))
        #expect(report.orders == paid.count && report.ordersPlaced == all.count, sourceLocation: sourceLocation)
        #expect(report.revenue.minorUnits == paid.reduce(0) { $0 + $1.totals.total.minorUnits }, sourceLocation: sourceLocation)
        #expect(report.revenueWithoutVAT.minorUnits == paid.reduce(0) { $0 + $1.totals.net.minorUnits }, sourceLocation: sourceLocation)
        #expect(report.refunds.minorUnits == all.flatMap(\.refunds).reduce(0) { $0 + $1.amount.minorUnits }, sourceLocation: sourceLocation)
        #expect(report.days.map(\.orders).reduce(0, +) == paid.count, sourceLocation: sourceLocation)
        var units: [String: Int] = [:]
        for order in paid { for line in order.lines { units[line.sku, default: 0] += line.quantity } }
        #expect(report.topProducts.first.map { units[$0.sku] == $0.quantity && $0.quantity == units.values.max() } ?? units.isEmpty,
                sourceLocation: sourceLocation)
        let summaries = CustomerSummary.all(in: commerce)
        #expect(summaries == commerce.accountsInOrder.map { CustomerSummary($0, in: commerce) }, sourceLocation: sourceLocation)
    }

    static func readBack(_ live: Commerce) -> Commerce {
        Commerce(
            clockOffsetSeconds: live.clockOffsetSeconds, accounts: live.accountsInOrder, sessions: live.sessions,
            orders: live.orderNumbers.compactMap { live.orders[$0] }, tickets: live.ticketIDs.compactMap { live.tickets[$0] },
            outbox: live.outbox, lastMessageSequence: live.lastMessageSequence, backOffice: live.backOffice,
            accountKeys: live.accountKeysInOrder)
    }

    @Test func lookupsAnswerAsAVisitOfEveryOrderAfterAMixedTradeAndReadBackEqual() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        try shop.merchant(.setFulfilment(.manual))
        for (index, email) in Self.customers.enumerated().dropFirst() { try shop.register(email: email, name: "Customer \(index)") }
        var seed: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func anyOrder(where wanted: (Order) -> Bool) -> Order? {
            let matching = shop.state.commerce.orderNumbers.compactMap { shop.state.commerce.orders[$0] }.filter(wanted)
            return matching.isEmpty ? nil : matching[next(matching.count)]
        }
        for step in 0..<90 {
            let action = next(9)
            switch action {
            case 0, 1, 2:
                let email = Self.customers[next(Self.customers.count)]
                try shop.trade(.logIn(email: email, passwordVerified: true, session: "local"))
                let roll = next(10)
                let payment: PaymentRequest = roll < 6 ? try TradeShop.card("4242424242424242")
                    : roll < 8 ? try TradeShop.card("4000002760003184") : .cash
                _ = try? shop.order([(["CARD", "TEA", "PEN"][next(3)], 1 + next(2))], payment: payment)
            case 3:
                if let order = anyOrder(where: { OrderQueue($0) == .toShip }) {
                    try shop.merchant(.ship(orderNumber: order.number, carrier: nil))
                }
            case 4:
                try shop.advance(hours: 12 + next(24))
            case 5:
                if let order = anyOrder(where: { $0.deliveredAt != nil && $0.returns.isEmpty }) {
                    _ = try? shop.trade(.requestReturn(orderNumber: order.number, lines: nil, by: .account(order.customer)))
                }
            case 6:
                if let order = anyOrder(where: \.hasReturnAwaiting) {
                    try shop.merchant(.receiveReturn(orderNumber: order.number))
                } else if let order = anyOrder(where: { $0.refundable.minorUnits >= 1_00 }) {
                    try shop.merchant(.refund(orderNumber: order.number, amount: TradeShop.euros(1_00), reason: "goodwill"))
                }
            case 7:
                if let order = anyOrder(where: { $0.state == .placed && $0.shipment == nil }) {
                    _ = try? shop.trade(.cancelOrder(orderNumber: order.number, by: .account(order.customer)))
                }
            default:
                if let order = anyOrder(where: { _ in true }) {
                    _ = try? shop.trade(.openTicket(orderNumber: order.number, topic: .other, text: "A question", by: .account(order.customer)))
                }
            }
            Self.expectLookupsMatch(shop.state.commerce, "step \(step) (action \(action))")
        }
        let commerce = shop.state.commerce
        for queue in OrderQueue.allCases where queue != .canceled {
            #expect(commerce.queues.count(queue) > 0, "the mix reached the queue \(queue.rawValue)")
        }
        #expect(commerce.accounts.values.allSatisfy { !commerce.orders(of: $0.id).isEmpty })
        #expect(!commerce.ticketIDs.isEmpty)
        let readBack = Self.readBack(commerce)
        Self.expectLookupsMatch(readBack, "reading back")
        #expect(readBack == commerce, "built from the orders, the lookups are those kept event by event")
    }

    @Test func anAccountRegisteredOutOfOrderIsListedInItsPlace() throws {
        var commerce = Commerce()
        var carts = Carts()
        let address = try PostalAddress(name: "Zoë Martin", line1: "12 rue des Lilas", postalCode: "75011", city: "Paris", countryCode: "FR")
        for number in [3, 1, 2] {
            let account = Account(id: AccountID("A-00000\(number)"), name: "Customer \(number)", email: try EmailAddress("c\(number)@example.fr"),
                                  passwordHash: PasswordHash(encoded: "test$c\(number)"), address: address)
            commerce.apply(.accountRegistered(account), carts: &carts)
        }
        #expect(commerce.accountsInOrder.map(\.id.rawValue) == ["A-000001", "A-000002", "A-000003"])
        #expect(commerce.account(at: 0)?.email.value == "c1@example.fr")
        #expect(commerce.account(at: 3) == nil)
    }
}
