import ShopCore
import Testing

/// `Order.expectedRefund(of:besides:)` tells ahead what `catchUp` refunds when a return arrives.
@Suite("Orders: the refund a return will earn, told ahead")
struct OrderRefundEstimateTests {
    static func receive(_ shop: inout TradeShop, _ number: String, returnAt index: Int) throws {
        for _ in 0..<20 where shop.order(number).returns[index].receivedAt == nil { try shop.advance(hours: 12) }
    }

    @Test func aPartialReturnEarnsItsLinesLessTheirShareOfTheDiscount() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 2), ("LAMP", 1)], promo: "WELCOME10")
        try shop.deliver(number)
        let lines = [ReturnLine(sku: "BOOK", quantity: 1)]
        let expected = shop.order(number).expectedRefund(of: lines, besides: [])
        #expect(expected == shop.order(number).refundValue(of: lines))
        #expect(expected.minorUnits == 20_00 - 2_00)
        try shop.trade(.requestReturn(orderNumber: number, lines: lines, by: .local))
        try Self.receive(&shop, number, returnAt: 0)
        #expect(shop.order(number).refunded == expected)
    }

    @Test func returningEverythingEarnsTheWholeTotalShippingIncluded() throws {
        var shop = try TradeShop()
        let number = try shop.order([("PEN", 1)])
        try shop.deliver(number)
        let order = shop.order(number)
        #expect(!order.totals.shipping.isZero, "the pen alone pays shipping")
        let lines = [ReturnLine(sku: "PEN", quantity: 1)]
        #expect(order.expectedRefund(of: lines, besides: []) == order.totals.total)
        #expect(order.expectedRefund(of: lines, besides: []) != order.refundValue(of: lines))
        #expect(order.expectedRefund(of: [], besides: []).isZero)
        try shop.trade(.requestReturn(orderNumber: number, lines: lines, by: .local))
        try Self.receive(&shop, number, returnAt: 0)
        #expect(shop.order(number).refunded == order.totals.total)
    }

    @Test func theReturnThatCompletesTheOrderEarnsWhatTheOthersLeave() throws {
        var shop = try TradeShop()
        let number = try shop.order([("PEN", 2)])
        try shop.deliver(number)
        let one = [ReturnLine(sku: "PEN", quantity: 1)]
        try shop.trade(.requestReturn(orderNumber: number, lines: one, by: .local))
        let order = shop.order(number)
        let second = order.expectedRefund(of: one, besides: order.returns)
        #expect(second.minorUnits == order.totals.total.minorUnits - order.refundValue(of: one).minorUnits)
        try shop.trade(.requestReturn(orderNumber: number, lines: one, by: .local))
        try Self.receive(&shop, number, returnAt: 0)
        try Self.receive(&shop, number, returnAt: 1)
        #expect(shop.order(number).refunded == order.totals.total)
    }

    @Test func perishablesNeverComeBackSoShippingStaysPaid() throws {
        var shop = try TradeShop()
        let number = try shop.order([("PEN", 1), ("TEA", 1)])
        try shop.deliver(number)
        let lines = [ReturnLine(sku: "PEN", quantity: 1)]
        #expect(shop.order(number).expectedRefund(of: lines, besides: []) == shop.order(number).refundValue(of: lines))
    }
}
