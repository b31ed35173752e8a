import Foundation
import ShopCore
@testable import ShopStore
import Testing

/// Several stores open on one data folder at once, as several processes have it: each holds its own
/// descriptors, so the lock and the journal's replacement behave as between processes.
@Suite("One data folder, many writers")
struct SharedFolderTests {
    private static let anyTime = ShopInstant(secondsSince1970: 1_800_000_000)

    private func advance(_ store: Store, minutes: Int64 = 1) throws {
        try store.execute(.commerce(.advanceClock(seconds: minutes * 60), at: Self.anyTime, entropy: 0))
    }

    private func journalSequences(_ folder: DataFolder, _ temp: TemporaryFolder) throws -> [UInt64] {
        let scan = JournalScan.scan(try temp.read(folder, "journal"))
        #expect(scan.damage == nil && scan.tornTail == nil)
        return scan.records.map(\.sequence)
    }

    @Test func eachCommitDecidesOnWhatTheOthersCommitted() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let first = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        let second = try Store.open(folder, access: .readWrite) { [] }
        try first.execute(.addToCart(sku: "A-1", quantity: 2, by: .local))
        try second.execute(.addToCart(sku: "B-2", quantity: 3, by: .local))
        try second.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        #expect(second.state.cart(of: .local).quantity(of: "A-1") == 3)
        // The first store last saw no B-2 in the cart; its commit sees all three units taken.
        #expect(throws: StoreError.rejected(.cart(.exceedsStock(sku: "B-2", title: "Product B-2", requested: 4, available: 3)))) {
            try first.execute(.addToCart(sku: "B-2", quantity: 1, by: .local))
        }
        #expect(first.state == second.state)
        #expect(first.sequence == 4 && second.sequence == 4)
        #expect(try journalSequences(folder, temp) == [1, 2, 3, 4])
        #expect(try Store.open(folder, access: .readOnly) { [] }.state == first.state)
    }

    @Test func refreshAppliesWhatOthersAppendedAndSaysHowMuch() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let writer = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        let follower = try Store.open(folder, access: .readWrite) { [] }
        let reader = try Store.open(folder, access: .readOnly) { [] }
        #expect(try follower.refresh() == StoreRefresh())
        try writer.execute(.addToCart(sku: "A-1", quantity: 2, by: .local))
        try writer.execute(.importProducts([Fixtures.product("D-4")]))
        let catalogueVersion = follower.catalogueVersion
        #expect(try follower.refresh() == StoreRefresh(records: 2))
        #expect(follower.state == writer.state)
        #expect(follower.catalogueVersion != catalogueVersion)
        #expect(try follower.refresh() == StoreRefresh())
        #expect(try reader.refresh() == StoreRefresh(records: 2))
        #expect(reader.state == writer.state)
    }

    @Test func aReaderOfAFolderWithoutDataFollowsOnceAWriterCreatesIt() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let reader = try Store.open(folder, access: .readOnly) { Fixtures.seed }
        #expect(reader.state.catalogue.count == 3)
        let writer = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        try writer.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        #expect(try reader.refresh().changed)
        #expect(reader.state == writer.state)
    }

    @Test func aCompactionByAnotherIsFollowedFromTheNewJournal() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let compactor = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        let other = try Store.open(folder, access: .readWrite) { [] }
        try compactor.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        #expect(try other.refresh() == StoreRefresh(records: 1))

        // Caught up when the journal was replaced: nothing to read again.
        try compactor.compact()
        #expect(try other.refresh() == StoreRefresh())
        try other.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        #expect(try compactor.refresh() == StoreRefresh(records: 1))

        // Behind when it was replaced by one that no longer holds what it lacks: read whole again.
        try compactor.execute(.addToCart(sku: "C-3", quantity: 1, by: .local))
        try compactor.compact()
        let followed = try other.refresh()
        #expect(followed.reloaded)
        #expect(other.state == compactor.state)

        // Behind by records the new journal still holds (an automatic checkpoint keeps the records
        // after the previous snapshot): read on from there.
        try other.snapshot()
        try compactor.execute(.addToCart(sku: "C-3", quantity: 1, by: .local))
        try other.withCommitLock { try other.checkpoint() }
        #expect(try compactor.refresh() == StoreRefresh())
        try other.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        try compactor.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        #expect(compactor.state.cart(of: .local).quantity(of: "A-1") == 4)
        #expect(try other.refresh() == StoreRefresh(records: 1))
        #expect(other.state == compactor.state)
        #expect(Store.verify(folder).isClean)
        #expect(try Store.open(folder, access: .readOnly) { [] }.state == other.state)
    }

    /// Three writers on threads, each with its own store; one snapshots often and compacts now and
    /// then. Every commit lands once, in one gapless sequence.
    @Test func snapshotsAndCompactionsWhileOthersAppendLoseNothing() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        try Store.open(folder, access: .readWrite) { Fixtures.seed }.close()
        let commits = 120
        let failures = Failures()
        let group = DispatchGroup()
        for writer in 0..<3 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let policy = writer == 0 ? SnapshotPolicy(recordsBetweenSnapshots: 5) : .standard
                    let store = try Store.open(folder, access: .readWrite, policy: policy) { [] }
                    for step in 0..<commits {
                        try advance(store)
                        if writer == 0, step % 17 == 0 { try store.compact() }
                        if writer == 1, step % 10 == 0 { try store.refresh() }
                    }
                    try store.close()
                } catch {
                    failures.record("writer \(writer): \(error)")
                }
            }
        }
        group.wait()
        #expect(failures.all.isEmpty)
        let store = try Store.open(folder, access: .readOnly) { [] }
        #expect(store.state.commerce.clockOffsetSeconds == Int64(3 * commits * 60))
        #expect(store.sequence == UInt64(1 + 3 * commits))
        let report = Store.verify(folder)
        #expect(report.isClean, "\(report)")
    }

    /// A writer killed in the middle of an append leaves part of a record: a look without the lock
    /// leaves it alone (it could be a record being written), the next commit cuts it and goes on.
    @Test func aRecordLeftHalfWrittenIsCutByTheNextCommitNotByALook() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let first = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        let second = try Store.open(folder, access: .readWrite) { [] }
        try first.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        let record = JournalFormat.record(sequence: 3, payload: EventCodec.encode([.cartLineSet(cart: .local, sku: "C-3", quantity: 9)]))
        let journal = try temp.read(folder, "journal")
        try temp.write(journal + record.prefix(record.count - 3), to: folder, "journal")

        #expect(try second.refresh() == StoreRefresh(records: 1))
        #expect(second.warnings.isEmpty)
        #expect(try temp.read(folder, "journal").count == journal.count + record.count - 3)

        try second.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        #expect(second.warnings.count == 1)
        let warning = second.warnings.first ?? ""
        #expect(warning.contains("cut off an incomplete last record at byte \(journal.count)"), "\(warning)")
        #expect(!warning.contains("acknowledged"))
        #expect(try first.refresh() == StoreRefresh(records: 1))
        #expect(first.state == second.state)
        #expect(first.state.cart(of: .local).quantity(of: "C-3") == 0)
        #expect(try journalSequences(folder, temp) == [1, 2, 3])
    }

    /// A record read while its writer is still writing it is applied at the next look, once whole.
    @Test func aRecordBeingWrittenIsReadOnceWhole() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let follower = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        let record = JournalFormat.record(sequence: 2, payload: EventCodec.encode([.cartLineSet(cart: .local, sku: "C-3", quantity: 2)]))
        let journal = try temp.read(folder, "journal")
        for cut in [5, 20, record.count - 1] {
            try temp.write(journal + record.prefix(cut), to: folder, "journal")
            #expect(try follower.refresh() == StoreRefresh(), "cut at \(cut)")
        }
        try temp.write(journal + record, to: folder, "journal")
        #expect(try follower.refresh() == StoreRefresh(records: 1))
        #expect(follower.state.cart(of: .local).quantity(of: "C-3") == 2)
        #expect(follower.warnings.isEmpty)
    }

    /// Issue 16: a journal cut short under a snapshot that covers more than what is left of it (here
    /// the snapshot covers record 3, the journal keeps only record 1 whole). The next write follows the
    /// last record applied, with no gap, and the folder reads back whole.
    @Test func aJournalCutShortUnderASnapshotContinuesWithoutAGap() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let store = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        try store.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        try store.execute(.addToCart(sku: "C-3", quantity: 1, by: .local))
        try store.snapshot()
        let journal = try temp.read(folder, "journal")
        let records = JournalScan.scan(journal).records
        #expect(records.map(\.sequence) == [1, 2, 3])
        try temp.write(Array(journal.prefix(records[1].offset + 7)), to: folder, "journal")

        let reopened = try Store.open(folder, access: .readWrite) { [] }
        #expect(reopened.warnings.count == 1)
        let warning = reopened.warnings.first ?? ""
        #expect(warning.hasPrefix("\(folder.path)/journal: cut off an incomplete last record at byte \(records[1].offset) (7 bytes: record header cut short"), "\(warning)")
        #expect(warning.hasSuffix("; the shop continues after record 3"), "\(warning)")
        #expect(reopened.state == store.state)
        try reopened.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        #expect(reopened.sequence == 4)
        #expect(try journalSequences(folder, temp) == [4])
        let again = try Store.open(folder, access: .readWrite) { [] }
        #expect(again.state == reopened.state)
        try again.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        let report = Store.verify(folder)
        #expect(report.isClean, "\(report)")
    }

    /// Issue 16's shop: 20,000 products, three cart adds, the journal truncated to 100,000 bytes.
    @Test func aBigShopsJournalTruncatedKeepsWorking() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let products = (0..<20_000).map { Fixtures.product("P-\($0)", stock: 10) }
        try Store.open(folder, access: .readWrite) { products }.close()
        for sku in ["P-1", "P-2", "P-3"] {
            let store = try Store.open(folder, access: .readWrite) { [] }
            try store.execute(.addToCart(sku: sku, quantity: 1, by: .local))
            try store.close()
        }
        let journal = try temp.read(folder, "journal")
        #expect(journal.count > 100_000)
        try temp.write(Array(journal.prefix(100_000)), to: folder, "journal")

        let store = try Store.open(folder, access: .readWrite) { [] }
        #expect(store.warnings.contains { $0.contains("cut off an incomplete") && !$0.contains("had not been acknowledged") }, "\(store.warnings)")
        let opened = store.sequence
        try store.execute(.addToCart(sku: "P-4", quantity: 1, by: .local))
        #expect(store.sequence == opened + 1)
        let reopened = try Store.open(folder, access: .readWrite) { [] }
        #expect(reopened.state == store.state)
        try reopened.execute(.addToCart(sku: "P-5", quantity: 1, by: .local))
        let report = Store.verify(folder)
        #expect(report.isClean, "\(report)")
    }
}

/// Errors gathered from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String] = []
    func record(_ failure: String) { lock.withLock { failures.append(failure) } }
    var all: [String] { lock.withLock { failures } }
}
