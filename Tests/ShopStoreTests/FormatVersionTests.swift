import Foundation
import ShopCore
@testable import ShopStore
import Testing

/// Data folders written before sessions (record format 1, snapshot formats 1 and 2) still open,
/// their one cart and login read as the `local` session's; records and snapshots of a newer
/// format are refused by name, not taken for damage.
@Suite("Format versions")
struct FormatVersionTests {
    static let zoe = AccountID("A-000001")

    static func account() throws -> Account {
        try AccountRegistration(
            name: "Zoë Martin", email: "zoe@example.fr", password: "Tilleul-et-verveine-42", line1: "12 rue des Lilas",
            postalCode: "75011", city: "Paris", countryCode: "FR"
        ).account(id: zoe, passwordHash: PasswordHash(encoded: "test$zoe"))
    }

    /// A record payload as the first format wrote it: the count of events, then the events, with
    /// the cart and session events of before sessions.
    enum Legacy {
        case event(ShopEvent)
        case cartLineSet(String, Int)
        case cartCleared
        case sessionStarted(AccountID)
        case sessionEnded
    }

    static func legacyPayload(_ events: [Legacy]) -> [UInt8] {
        let writer = BinaryWriter()
        writer.count(events.count)
        for event in events {
            switch event {
            case let .event(event): EventCodec.write(event, to: writer)
            case let .cartLineSet(sku, quantity): writer.byte(2); writer.string(sku); writer.int(quantity)
            case .cartCleared: writer.byte(3)
            case let .sessionStarted(id): writer.byte(4); writer.byte(4); writer.string(id.rawValue)
            case .sessionEnded: writer.byte(4); writer.byte(5)
            }
        }
        return writer.bytes
    }

    /// A journal file of the first format holding `records`, numbered from 1.
    static func legacyJournal(_ records: [[Legacy]]) -> [UInt8] {
        var bytes = JournalFormat.fileHeader()
        for (index, record) in records.enumerated() {
            bytes += JournalFormat.record(sequence: UInt64(index + 1), payload: legacyPayload(record))
        }
        return bytes
    }

    @Test func aFolderOfTheFirstRecordFormatOpensWithItsCartAndLogin() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        try temp.write(Self.legacyJournal([
            [.event(.productsUpserted(Fixtures.seed))],
            [.cartLineSet("A-1", 2)],
            [.event(.commerce(.accountRegistered(try Self.account()))), .sessionStarted(Self.zoe)],
            [.cartLineSet("C-3", 1)],
        ]), to: folder, "journal")

        let store = try Store.open(folder, access: .readWrite) { [] }
        #expect(store.state.commerce.account(of: .local)?.id == Self.zoe)
        #expect(store.state.cart(of: .local).lines == [CartLine(sku: "A-1", quantity: 2), CartLine(sku: "C-3", quantity: 1)])
        #expect(store.state.carts.guests.isEmpty)
        // New records of the current format follow the old ones in the same journal.
        try store.execute(.addToCart(sku: "B-2", quantity: 1, by: .local))
        try store.execute(.commerce(.logOut(by: .local), at: ShopInstant(secondsSince1970: 0), entropy: 1))
        let expected = store.state
        try store.close()

        let reopened = try Store.open(folder, access: .readOnly) { [] }
        #expect(reopened.state == expected)
        #expect(reopened.state.commerce.sessions.isEmpty)
        #expect(reopened.state.carts.accounts[Self.zoe]?.itemCount == 4)
        #expect(Store.verify(folder).problem == nil)
    }

    @Test func aLoggedOutSessionOfTheFirstFormatLeavesTheCartWithTheAccount() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        try temp.write(Self.legacyJournal([
            [.event(.productsUpserted(Fixtures.seed)), .event(.commerce(.accountRegistered(try Self.account()))), .sessionStarted(Self.zoe)],
            [.cartLineSet("A-1", 2)],
            [.sessionEnded],
            [.cartLineSet("C-3", 1)],
            [.cartCleared, .cartLineSet("B-2", 1)],
        ]), to: folder, "journal")
        let store = try Store.open(folder, access: .readOnly) { [] }
        #expect(store.state.commerce.sessions.isEmpty)
        #expect(store.state.carts.accounts == [Self.zoe: Cart(lines: [CartLine(sku: "A-1", quantity: 2)])])
        #expect(store.state.cart(of: .local).lines == [CartLine(sku: "B-2", quantity: 1)])
    }

    @Test func aSnapshotOfFormatTwoReadsItsCartAsTheLocalSessions() throws {
        var state = ShopState()
        state.apply(.productsUpserted(Fixtures.seed))
        let account = try Self.account()
        // Format 2: the chunks, the one cart, then the trade state with one session and the saved carts.
        let trade = BinaryWriter()
        trade.array([CartLine(sku: "A-1", quantity: 2)]) { $0.string($1.sku); $0.int($1.quantity) }
        trade.int(Int64(0))
        trade.array([account]) { CommerceValueCodec.write($1, to: $0) }
        trade.optional(Self.zoe) { $0.string($1.rawValue) }
        trade.array([(AccountID("A-000002"), Cart(lines: [CartLine(sku: "C-3", quantity: 5)]))]) { w, entry in
            w.string(entry.0.rawValue)
            CommerceValueCodec.write(entry.1, to: w)
        }
        trade.count(0)
        trade.count(0)
        trade.count(0)
        trade.int(0)
        let payload = StateCodec.encode(state).dropLast().flatMap(\.bytes) + trade.bytes
        let decoded = try payload.withUnsafeBytes { try StateCodec.decode($0, fileOffset: 40, version: 2) }
        #expect(decoded.commerce.sessions == [Shopper.localSessionName: Self.zoe])
        #expect(decoded.cart(of: .local).lines == [CartLine(sku: "A-1", quantity: 2)])
        #expect(decoded.carts.accounts[AccountID("A-000002")]?.itemCount == 5)
        #expect(decoded.carts.guests.isEmpty)
    }

    @Test func everyEventRoundTripsInTheCurrentFormat() throws {
        let events: [ShopEvent] = [
            .cartLineSet(cart: .session("ssh:SHA256:abc"), sku: "A-1", quantity: 3),
            .cartLineSet(cart: .account(Self.zoe), sku: "B-2", quantity: 0),
            .cartCleared(cart: .local),
            .commerce(.sessionStarted(session: "local:kiosk", account: Self.zoe)),
            .commerce(.sessionEnded(session: "local:kiosk")),
        ]
        let bytes = EventCodec.encode(events)
        #expect(Array(bytes.prefix(2)) == [0, UInt8(EventCodec.formatVersion)])
        #expect(try bytes.withUnsafeBytes { try EventCodec.decode($0, fileOffset: 0) } == events)
    }

    @Test func aRecordOfANewerFormatIsRefusedByName() throws {
        let newer: [UInt8] = [0, UInt8(EventCodec.formatVersion + 1), 1, 1]
        #expect(throws: DecodingFailure.newer(at: 101, version: UInt64(EventCodec.formatVersion + 1), readable: EventCodec.formatVersion)) {
            try newer.withUnsafeBytes { try EventCodec.decode($0, fileOffset: 100) }
        }

        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let store = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        try store.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        try store.close()
        var journal = try temp.read(folder, "journal")
        let scan = JournalScan.scan(journal)
        journal += JournalFormat.record(sequence: (scan.records.last?.sequence ?? 0) + 1, payload: newer)
        try temp.write(journal, to: folder, "journal")
        for access in [StoreAccess.readOnly, .readWrite] {
            do {
                _ = try Store.open(folder, access: access) { [] }
                Issue.record("a newer record should stop the open")
            } catch {
                guard case let .newerFormat(file, _, version, readable) = error else {
                    Issue.record("expected a newer-format error, got \(error)")
                    continue
                }
                #expect(file.hasSuffix("/journal"))
                #expect(version == EventCodec.formatVersion + 1 && readable == EventCodec.formatVersion)
                #expect(error.description.contains("written by a newer Comptoir (format 3); this one reads up to 2"), "\(error)")
                #expect(!error.description.contains("\n"))
            }
        }
        #expect(Store.verify(folder).problem.map { "\($0)" }?.contains("newer Comptoir") == true)
        // Recovery does not take a newer format for damage: it refuses and moves nothing aside.
        let before = try temp.read(folder, "journal")
        #expect(throws: StoreError.self) { try Store.recover(folder) }
        #expect(try temp.read(folder, "journal") == before)
        #expect(!temp.exists(folder, "journal.damaged-1"))
    }
}
