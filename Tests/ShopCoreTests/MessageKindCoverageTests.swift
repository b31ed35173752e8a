import ShopCore
import Testing

/// Every kind of message the shop declares is sent by some event: one customer's whole story
/// (account, keys, a lockout, payments of every kind, a cancellation, a relay parcel, a return,
/// support) sends each, and each payment is confirmed once.
@Suite("Messages: every kind is sent")
struct MessageKindCoverageTests {
    @Test func aWholeStorySendsEveryKind() throws {
        var shop = try TradeShop()
        try shop.trade(.addAccountKey(AccountNoticeTests.key, by: .local))
        try shop.trade(.removeAccountKey(fingerprint: AccountNoticeTests.key.fingerprint, by: .local))
        try shop.trade(.changePassword(newHash: PasswordHash(encoded: "test$new"), by: .local))
        for _ in 0..<LoginThrottle.standard.failuresBeforeLock {
            try shop.trade(.logIn(email: "zoe@example.fr", passwordVerified: false, session: nil))
        }

        let secured = try shop.order([("BOOK", 1), ("PEN", 1)], payment: try TradeShop.card("4000002760003184"),
                                    delivery: .relay, relayPointID: "RP-75010")
        try shop.trade(.confirmCode(orderNumber: secured, code: try #require(shop.code(secured)), by: .local))
        let declined = try shop.order([("CARD", 1)], payment: try TradeShop.card("4000000000000002"))
        try shop.trade(.cancelOrder(orderNumber: declined, by: .local))
        _ = try shop.order([("TEA", 1)], payment: .cash)

        try shop.deliver(secured)
        try shop.trade(.requestReturn(orderNumber: secured, lines: [ReturnLine(sku: "PEN", quantity: 1)], by: .local))
        for _ in 0..<40 where shop.order(secured).refunded.isZero { try shop.advance(hours: 12) }
        try shop.trade(.openTicket(orderNumber: secured, topic: .delivery, text: "Where was it left?", by: .local))

        let outbox = shop.state.commerce.outbox
        let missing = MessageKind.allCases.filter { kind in !outbox.contains { $0.kind == kind } }
        #expect(missing.isEmpty, "never sent: \(missing.map(\.rawValue))")
        #expect(outbox.filter { $0.kind == .orderConfirmation }.map(\.orderNumber) == [secured])
        #expect(outbox.filter { $0.kind == .accountCreated }.count == 1)
        #expect(Set(outbox.map(\.sequence)).count == outbox.count)
        // Every mail names the seller, once, but the bank's code; none carries a card number.
        for message in outbox {
            let named = message.body.components(separatedBy: SellerIdentity.comptoir.block).count - 1
            #expect(named == (message.kind == .threeDSecureCode ? 0 : 1), "\(message.kind.rawValue) names the seller \(named) times")
            #expect(!message.body.contains("4000002760003184") && !message.body.contains("4000000000000002"))
        }
    }
}
