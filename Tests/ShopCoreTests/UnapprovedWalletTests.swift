import ShopCore
import Testing

/// A wallet payment the customer never approves does not hold the order past its 72 hours: the
/// order is canceled like any unpaid one (its mail dated at the deadline), its items released.
@Suite("Orders: a wallet payment never approved")
struct UnapprovedWalletTests {
    @Test func theOrderIsCanceledAfter72HoursAndSaysSo() throws {
        var shop = try TradeShop()
        let number = try shop.order([("LAMP", 1)], payment: .wallet(payer: "zoe@example.fr"))
        #expect(shop.product("LAMP").reservedStock == 1)
        try shop.advance(hours: 71)
        #expect(shop.order(number).state == .placed, "still time to approve")
        try shop.advance(hours: 2)
        let order = shop.order(number)
        #expect(order.state == .canceled)
        #expect(order.paymentState == .canceled)
        #expect(shop.product("LAMP").reservedStock == 0)
        let mail = try #require(shop.state.commerce.outbox.first { $0.kind == .orderCanceled })
        #expect(mail.subject == "Order \(number) canceled: not paid")
        #expect(mail.date == order.placedAt.adding(hours: 72))
        #expect(commerceError { try shop.trade(.approveWallet(orderNumber: number, by: .local)) } == .noWalletPaymentAwaiting(number))
        #expect(!shop.state.commerce.outbox.contains { $0.kind == .orderConfirmation })
    }
}
