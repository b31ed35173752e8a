import Foundation
import ShopCore
@testable import ShopStore
import Testing

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
