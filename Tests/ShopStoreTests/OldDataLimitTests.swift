import Foundation
import ShopCore
import Testing
@testable import ShopStore

/// A data folder written by a version without limits — an absurd clock offset journaled by
/// `courier advance --hours 2562047787516211`, a price of 50000000000000000 with that product in
/// the cart — still opens, and every computation on it ends in a refusal, never a trap.
@Suite("Data written before the limits")
struct OldDataLimitTests {
    static let gold = Product(sku: "GOLD", title: "Gold", brand: "Mint", category: "Luxury",
                              price: Money(minorUnits: 5_000_000_000_000_000_000, currency: .eur), stockOnHand: 5)

    @Test func anAbsurdOffsetAndPriceStillOpenAndAreRefusedNotTrapped() throws {
        let temp = try TemporaryFolder()
        let folder = temp.dataFolder()
        let store = try Store.open(folder, access: .readWrite) { Fixtures.seed + [Self.gold] }
        let next = store.sequence + 1
        try store.close()
        // Journal what an old version accepted, as it wrote it.
        let journalPath = folder.path + "/journal"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: journalPath)[.size] as? Int)
        let writer = try JournalWriter.open(journalPath, end: size)
        try writer.append(sequence: next, payload: EventCodec.encode([
            .commerce(.clockAdvanced(seconds: 2_562_047_787_516_211 * 3_600)), .cartLineSet(cart: .local, sku: "GOLD", quantity: 1),
        ]))
        writer.close()

        let reopened = try Store.open(folder, access: .readWrite) { [] }
        defer { try? reopened.close() }
        #expect(reopened.state.commerce.clockOffsetSeconds == 2_562_047_787_516_211 * 3_600)
        let wall = ShopInstant(secondsSince1970: Int64(Date().timeIntervalSince1970))
        #expect(reopened.shopTime.seconds(since: wall) >= ShopLimits.maximumClockOffsetSeconds - 5)
        #expect(reopened.shopTime <= ShopInstant.latest)
        #expect(try reopened.trade(.catchUp).isEmpty)
        #expect(throws: CartError.totalTooLarge(limit: Money(minorUnits: ShopLimits.maximumTotalMinorUnits, currency: .eur))) {
            try CartSummary(cart: reopened.state.cart(of: .local), catalogue: reopened.state.catalogue)
        }
        #expect(throws: StoreError.self) { try reopened.trade(.advanceClock(seconds: 3_600)) }
        let registration = try AccountRegistration(
            name: "Zoë Martin", email: "zoe@example.fr", password: "Tilleul-et-verveine-42", line1: "12 rue des Lilas",
            postalCode: "75011", city: "Paris", countryCode: "FR")
        try reopened.trade(.register(registration, passwordHash: PasswordHash(encoded: "test$zoe"), session: Shopper.localSessionName))
        let checkout = CheckoutRequest(delivery: .standard, extras: [], promoCode: nil, acceptsTerms: true, payment: .cash)
        #expect(throws: StoreError.rejected(.commerce(.cart(.totalTooLarge(limit: Money(minorUnits: ShopLimits.maximumTotalMinorUnits, currency: .eur)))))) {
            try reopened.trade(.placeOrder(checkout, by: .local))
        }
        #expect(throws: StoreError.self) { try reopened.execute(.addToCart(sku: "GOLD", quantity: 1, by: .local)) }
        try reopened.execute(.removeFromCart(sku: "GOLD", by: .local))
        #expect(reopened.state.cart(of: .local).isEmpty)
    }
}
