import Foundation
import ShopCore
@testable import ShopStore
import Testing

@Suite("Store basics")
struct StoreBasicsTests {
    @Test func aNewFolderStartsWithTheSeedAsTheFirstJournaledEvent() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let store = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        #expect(Array(store.state.catalogue.products) == Fixtures.seed)
        #expect(store.sequence == 1)
        try store.close()
        let scan = JournalScan.scan(try temp.read(folder, "journal"))
        #expect(scan.records.map(\.sequence) == [1])
    }

    @Test func theSeedIsNotAskedForWhenTheFolderHasData() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        try Store.open(folder, access: .readWrite) { Fixtures.seed }.close()
        var asked = false
        let store = try Store.open(folder, access: .readWrite) { asked = true; return [] }
        #expect(!asked)
        #expect(store.state.catalogue.count == 3)
    }

    @Test func executedCommandsSurviveReopening() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        var store: Store? = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        let events = try store!.execute(.addToCart(sku: "A-1", quantity: 2, by: .local))
        #expect(events == [.cartLineSet(cart: .local, sku: "A-1", quantity: 2)])
        try store!.execute(.addToCart(sku: "C-3", quantity: 1, by: .local))
        let expected = store!.state
        store = nil  // no close: as after a crash, only the journal holds the changes
        let reopened = try Store.open(folder, access: .readWrite) { [] }
        #expect(reopened.state == expected)
        #expect(reopened.sequence == 3)
    }

    @Test func aRefusedCommandWritesNothing() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let store = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        let before = try temp.read(folder, "journal")
        #expect(throws: StoreError.rejected(.cart(.unknownProduct(sku: "NOPE")))) {
            try store.execute(.addToCart(sku: "NOPE", quantity: 1, by: .local))
        }
        #expect(try temp.read(folder, "journal") == before)
        #expect(store.sequence == 1)
    }

    @Test func aCommandWithoutEventsWritesNoRecord() throws {
        let temp = TemporaryFolder()
        let store = try Store.open(temp.dataFolder(), access: .readWrite) { Fixtures.seed }
        #expect(try store.execute(.clearCart(by: .local)) == [])
        #expect(store.sequence == 1)
    }

    @Test func readOnlyOnAMissingFolderGivesTheSeedAndCreatesNothing() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let store = try Store.open(folder, access: .readOnly) { Fixtures.seed }
        #expect(Array(store.state.catalogue.products) == Fixtures.seed)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(throws: StoreError.readOnly(folder: folder.path)) { try store.execute(.clearCart(by: .local)) }
    }

    @Test func closeSnapshotsASmallShopAndRefusesLaterWrites() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let store = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        try store.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        try store.close()
        #expect(temp.exists(folder, "snapshot"))
        #expect(throws: StoreError.self) { try store.execute(.clearCart(by: .local)) }
        let reopened = try Store.open(folder, access: .readOnly) { [] }
        #expect(reopened.state == store.state)
    }

    @Test func compactDropsTheJournalTheSnapshotCovers() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let store = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        try store.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        try store.compact()
        #expect(JournalScan.scan(try temp.read(folder, "journal")).records.isEmpty)
        try store.execute(.addToCart(sku: "C-3", quantity: 1, by: .local))
        let expected = store.state
        let reopened = try Store.open(folder, access: .readOnly) { [] }
        #expect(reopened.state == expected)
        #expect(reopened.sequence == 3)
    }

    @Test func automaticSnapshotsKeepTheRecordsAfterThePreviousSnapshot() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let policy = SnapshotPolicy(recordsBetweenSnapshots: 3, journalBytesBetweenSnapshots: 1 << 30)
        let store = try Store.open(folder, access: .readWrite, policy: policy) { Fixtures.seed }
        for quantity in 1...7 { try store.execute(.setCartQuantity(sku: "A-1", quantity: quantity, by: .local)) }
        // Record 1 is the seed. Snapshots after records 3 and 6; the journal keeps what follows the older one.
        let journal = JournalScan.scan(try temp.read(folder, "journal"))
        #expect(journal.records.map(\.sequence) == [4, 5, 6, 7, 8])
        #expect(try SnapshotFile.load(folder.path + "/snapshot")?.sequence == 6)
        #expect(try SnapshotFile.load(folder.path + "/snapshot.prev")?.sequence == 3)
        let reopened = try Store.open(folder, access: .readOnly) { [] }
        #expect(reopened.state == store.state)
    }
}

@Suite("Group commit")
struct GroupCommitTests {
    @Test func executeAllJournalsEachAcceptedCommandAsItsOwnRecord() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let store = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        let results = try store.executeAll([
            .addToCart(sku: "A-1", quantity: 1, by: .local), .addToCart(sku: "NOPE", quantity: 1, by: .local),
            .clearCart(by: .local), .addToCart(sku: "B-2", quantity: 3, by: .local), .addToCart(sku: "B-2", quantity: 1, by: .local),
        ])
        #expect(try results[0].get() == [.cartLineSet(cart: .local, sku: "A-1", quantity: 1)])
        #expect(throws: ShopError.cart(.unknownProduct(sku: "NOPE"))) { try results[1].get() }
        #expect(try results[2].get() == [.cartCleared(cart: .local)])
        #expect(try results[3].get() == [.cartLineSet(cart: .local, sku: "B-2", quantity: 3)])
        #expect(throws: ShopError.self) { try results[4].get() }
        #expect(store.sequence == 4)
        #expect(store.state.cart(of: .local).lines == [CartLine(sku: "B-2", quantity: 3)])
        let journal = JournalScan.scan(try temp.read(folder, "journal"))
        #expect(journal.records.map(\.sequence) == [1, 2, 3, 4])
        #expect(try Store.open(folder, access: .readOnly) { [] }.state == store.state)
    }
}
