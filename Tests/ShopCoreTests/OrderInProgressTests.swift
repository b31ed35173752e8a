import ShopCore
import Testing

@Suite("Orders: the ones shop time may still change")
struct OrderInProgressTests {
    static func inProgress(_ shop: TradeShop) -> [String] { shop.state.commerce.ordersInProgress.map(\.number) }

    @Test func anOrderLeavesTheListWhenSettledAndComesBackWithAReturn() throws {
        var shop = try TradeShop()
        let first = try shop.order([("BOOK", 2)])
        let second = try shop.order([("PEN", 1)])
        #expect(Self.inProgress(shop) == [first, second])
        try shop.trade(.cancelOrder(orderNumber: second, by: .local))
        #expect(Self.inProgress(shop) == [first])
        try shop.deliver(first)
        #expect(shop.order(first).fulfillment == .delivered)
        #expect(Self.inProgress(shop).isEmpty)
        try shop.trade(.requestReturn(orderNumber: first, lines: [ReturnLine(sku: "BOOK", quantity: 1)], by: .local))
        #expect(Self.inProgress(shop) == [first])
        for _ in 0..<40 where shop.order(first).returns.first?.receivedAt == nil { try shop.advance(hours: 12) }
        #expect(shop.order(first).returns.first?.receivedAt != nil)
        #expect(Self.inProgress(shop).isEmpty)
        let third = try shop.order([("TEA", 1)], payment: try TradeShop.card("4000002760003184"))
        #expect(Self.inProgress(shop) == [third], "waiting for its 3-D Secure code")
    }

    @Test func aSavedTradeStateReadBackKnowsTheSameOrdersInProgress() throws {
        var shop = try TradeShop()
        let settled = try shop.order([("BOOK", 1)])
        try shop.deliver(settled)
        let open = try shop.order([("PEN", 1)])
        let live = shop.state.commerce
        let readBack = Commerce(
            clockOffsetSeconds: live.clockOffsetSeconds, accounts: live.accountsInOrder, sessions: live.sessions,
            orders: live.orderNumbers.compactMap { live.orders[$0] },
            tickets: live.ticketIDs.compactMap { live.tickets[$0] }, outbox: live.outbox, lastMessageSequence: live.lastMessageSequence)
        #expect(readBack.ordersInProgress.map(\.number) == [open])
        #expect(readBack == live)
    }

    @Test func catchingUpIgnoresSettledOrdersAndStillMovesTheOthers() throws {
        var shop = try TradeShop()
        let settled = try shop.order([("BOOK", 1)])
        try shop.deliver(settled)
        let moving = try shop.order([("PEN", 1)])
        let before = shop.order(settled)
        try shop.advance(hours: 48)
        #expect(shop.order(settled) == before)
        #expect(shop.order(moving).fulfillment == .shipped || shop.order(moving).fulfillment == .delivered)
        #expect(!shop.order(moving).scans.isEmpty)
    }
}
