import Foundation
import ShopCore
@testable import ShopStore
import Testing

/// A store driven through a whole trade: accounts, every payment method, parcels, returns, support.
private final class TradeDriver {
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

@Suite("Trade in the store")
struct CommerceStoreTests {
    @Test("every trade event survives the journal, and a reopened store (snapshots every few records) equals the one in memory")
    func replayLaw() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let policy = SnapshotPolicy(recordsBetweenSnapshots: 4, journalBytesBetweenSnapshots: 1 << 30)
        var expected: ShopState
        var eventCount = 0
        do {
            let driver = try TradeDriver(folder, policy: policy)
            try driver.runWholeTrade()
            expected = driver.store.state
            eventCount = driver.events.count
            let kinds = Set(driver.events.compactMap { event -> String? in
                if case let .commerce(inner) = event { return String(describing: inner).prefix { $0 != "(" }.description }
                return nil
            })
            #expect(kinds.count >= 20, "\(kinds.sorted())")
            for event in driver.events {
                let bytes = EventCodec.encode([event])
                let decoded = try bytes.withUnsafeBytes { try EventCodec.decode($0, fileOffset: 0) }
                #expect(decoded == [event])
            }
            #expect(expected.commerce.orders.values.contains { $0.paymentState == .partiallyRefunded })
            #expect(expected.commerce.orders.values.contains { $0.paymentState == .refunded })
            try driver.store.close()
        }
        #expect(eventCount > 50)
        let reopened = try Store.open(folder, access: .readOnly) { [] }
        #expect(reopened.state == expected)
        // The trade events alone rebuild the trade state (the catalogue came from the seed).
        var replayed = ShopState()
        let driver = try TradeDriver(temp.dataFolder("again"))
        try driver.runWholeTrade()
        replayed.apply(driver.events)
        #expect(replayed.commerce == driver.store.state.commerce)
    }

    @Test func theWholeStateRoundTripsThroughASnapshot() throws {
        let temp = TemporaryFolder()
        let driver = try TradeDriver(temp.dataFolder())
        try driver.runWholeTrade()
        let state = driver.store.state
        let bytes = SnapshotFile.encodedBytes(state, sequence: 9)
        let loaded = try SnapshotFile.decode(bytes, file: "snapshot")
        #expect(loaded.state == state)
        #expect(loaded.state.commerce.outbox == state.commerce.outbox)
        #expect(!state.commerce.outbox.isEmpty)
    }

    @Test("a version 1 snapshot (before trade) still opens, with no trade")
    func versionOneSnapshotsAreRead() throws {
        var state = ShopState()
        state.apply(.productsUpserted([Fixtures.product("A-1")]))
        state.apply(.cartLineSet(cart: .local, sku: "A-1", quantity: 2))
        // Version 1: the product chunks, then the one cart's lines, and nothing after them.
        let pieces = StateCodec.encode(state)
        let cart = BinaryWriter()
        cart.array([CartLine(sku: "A-1", quantity: 2)]) { writer, line in
            writer.string(line.sku)
            writer.int(line.quantity)
        }
        let payload = pieces.dropLast().flatMap(\.bytes) + cart.bytes
        let decoded = try payload.withUnsafeBytes { try StateCodec.decode($0, fileOffset: 40, version: 1) }
        #expect(decoded == state)
    }

    @Test("mail is written once even if the process died between writing it and journaling so")
    func mailDeliveryIsIdempotent() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let driver = try TradeDriver(folder)
        try driver.runWholeTrade()
        let outbox = driver.store.state.commerce.outbox
        #expect(outbox.count == 2)
        let maildir = try Maildir(dataFolder: folder.path)
        #expect(try maildir.deliverOnce(outbox[0]))
        #expect(try driver.store.deliverMail(to: maildir) == 1)
        #expect(driver.store.state.commerce.outbox.isEmpty)
        #expect(try maildir.messages().count == 2)
        #expect(try driver.store.deliverMail(to: maildir) == 0)
    }

    @Test("no card number or security code reaches the journal or the snapshot")
    func noCardDataOnDisk() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let driver = try TradeDriver(folder)
        try driver.runWholeTrade()
        try driver.store.snapshot()
        try driver.store.close()
        for file in ["journal", "snapshot"] {
            let bytes = Data(try temp.read(folder, file))
            for number in ["4000002760003184", "4000000000009995", "4242424242424242"] {
                #expect(bytes.range(of: Data(number.utf8)) == nil, "\(file) holds \(number)")
            }
            #expect(bytes.range(of: Data([3] + Array("123".utf8))) == nil, "\(file) holds the security code")
        }
    }
}
