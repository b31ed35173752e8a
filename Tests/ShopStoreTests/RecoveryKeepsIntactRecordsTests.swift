import Foundation
import ShopCore
@testable import ShopStore
import Testing

/// Recovery keeps every intact record: damage the snapshot covers costs nothing, records after damage
/// or after a gap are kept whenever what they build on is there, and the report says exactly what was
/// lost and what the rebuilt shop holds.
@Suite("Recovery keeps intact records")
struct RecoveryKeepsIntactRecordsTests {
    /// Records 1–3 (seed and two adds), a snapshot covering 3 that leaves the journal whole, then
    /// records 4–5: the shape of a big shop, whose close does not snapshot after small changes.
    struct CoveredHistory {
        let folder: DataFolder
        let states: [ShopState]
        var journal: String { folder.path + "/journal" }
    }

    static func coveredHistory(_ temp: TemporaryFolder) throws -> CoveredHistory {
        let folder = temp.dataFolder()
        let store = try retryingOwnLock { try Store.open(folder, access: .readWrite) { Fixtures.seed } }
        var states = [ShopState(), store.state]
        for command in ShopHistory.commands {
            try store.execute(command)
            states.append(store.state)
            if store.sequence == 3 { try store.snapshot() }
        }
        return CoveredHistory(folder: folder, states: states)
    }

    @Test(arguments: [0, 1, 2])
    func damageInACoveredRecordLetsTheShopOpenAndRecoverLosesNothing(record: Int) throws {
        let temp = TemporaryFolder()
        let history = try Self.coveredHistory(temp)
        let original = try temp.read(history.folder, "journal")
        let target = JournalScan.scan(original).records[record]
        for flipped in [target.offset + 5, target.payloadOffset, target.end - 1] {
            var bytes = original
            bytes[flipped] ^= 0x21
            try temp.write(bytes, to: history.folder, "journal")
            let store = try Store.open(history.folder, access: .readOnly) { [] }
            #expect(store.state == history.states[5])
            #expect(store.warnings.contains { $0.contains("record \(record + 1)") && $0.contains("the snapshot covers") }, "\(store.warnings)")
            #expect(!Store.verify(history.folder).isClean)
        }
        var bytes = original
        bytes[target.payloadOffset] ^= 0x21
        try temp.write(bytes, to: history.folder, "journal")
        // A write on top, then a crash (no close, so no new snapshot): the snapshot still covers 3.
        let expected = try Self.writeAndCrash(history.folder)

        let report = try retryingOwnLock { try Store.recover(history.folder) }
        #expect(report.lostNothing)
        #expect(report.description.contains("lost: nothing"))
        #expect(report.movedAside.map(\.movedTo) == [history.journal + ".damaged-1"])
        #expect(report.replayed == 4...6)
        #expect(try Store.open(history.folder, access: .readOnly) { [] }.state == expected)
        #expect(Store.verify(history.folder).isClean)
    }

    private static func writeAndCrash(_ folder: DataFolder) throws -> ShopState {
        let writer = try retryingOwnLock { try Store.open(folder, access: .readWrite) { [] } }
        try writer.execute(.addToCart(sku: "B-2", quantity: 1, by: .local))
        #expect(writer.sequence == 6)
        return writer.state
    }

    @Test func automaticSnapshotsGoOnBesideCoveredDamageAndKeepTheDamagedJournal() throws {
        let temp = TemporaryFolder()
        let history = try Self.coveredHistory(temp)
        var bytes = try temp.read(history.folder, "journal")
        bytes[JournalScan.scan(bytes).records[1].payloadOffset] ^= 0x02
        try temp.write(bytes, to: history.folder, "journal")
        let policy = SnapshotPolicy(recordsBetweenSnapshots: 1, journalBytesBetweenSnapshots: 1 << 30)
        let store = try retryingOwnLock { try Store.open(history.folder, access: .readWrite, policy: policy) { [] } }
        for quantity in 1...3 { try store.execute(.setCartQuantity(sku: "C-3", quantity: quantity, by: .local)) }
        #expect(store.warnings.allSatisfy { !$0.contains("automatic snapshot failed") }, "\(store.warnings)")
        let expected = store.state
        try store.close()
        #expect(try SnapshotFile.load(history.folder.path + "/snapshot")?.sequence == 8)
        #expect(Array(try temp.read(history.folder, "journal").prefix(bytes.count)) == bytes, "the damaged bytes stay for recover")
        #expect(try Store.open(history.folder, access: .readOnly) { [] }.state == expected)
        let report = try retryingOwnLock { try Store.recover(history.folder) }
        #expect(report.lostNothing)
        #expect(try Store.open(history.folder, access: .readOnly) { [] }.state == expected)
        #expect(Store.verify(history.folder).isClean)
    }

    @Test func aGapTheSnapshotCoversIsNotDamage() throws {
        let temp = TemporaryFolder()
        let history = try Self.coveredHistory(temp)
        let bytes = try temp.read(history.folder, "journal")
        let records = JournalScan.scan(bytes).records
        // Record 2 gone (as when an older Comptoir cut the journal and wrote on): 1, 3, 4, 5.
        try temp.write(Array(bytes[0..<records[1].offset] + bytes[records[2].offset...]), to: history.folder, "journal")
        #expect(try Store.open(history.folder, access: .readOnly) { [] }.state == history.states[5])
        let verify = Store.verify(history.folder)
        #expect(verify.isClean)
        #expect(verify.journalGaps == [2...2])
        #expect(verify.description.contains("record 2 is not in the journal (the snapshot covers them)"))
        #expect(try retryingOwnLock { try Store.recover(history.folder) }.nothingWasDamaged)
    }

    @Test func recordsAfterAnUncoveredGapAreReportedLostExactly() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        let bytes = try temp.read(history.folder, "journal")
        let records = JournalScan.scan(bytes).records
        try temp.write(Array(bytes[0..<records[2].offset] + bytes[records[3].offset...]), to: history.folder, "journal")
        let report = try retryingOwnLock { try Store.recover(history.folder) }
        // Record 3 is gone; 4 and 5 are intact but build on it.
        #expect(report.lostSequences == [3...5])
        #expect(report.lostFromUnbounded == nil)
        #expect(report.replayed == 1...2)
        #expect(try Store.open(history.folder, access: .readOnly) { [] }.state == history.states[2])
        #expect(try temp.read(history.folder, "journal.damaged-1") == Array(bytes[0..<records[2].offset] + bytes[records[3].offset...]))
    }

    @Test func aDamagedJournalHeaderLosesNoRecord() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        var bytes = try temp.read(history.folder, "journal")
        bytes[3] ^= 0x08
        try temp.write(bytes, to: history.folder, "journal")
        let report = try retryingOwnLock { try Store.recover(history.folder) }
        #expect(report.lostNothing)
        #expect(report.replayed == 1...5)
        #expect(try Store.open(history.folder, access: .readOnly) { [] }.state == history.states[5])
    }

    @Test func aDamagedLastRecordHeaderIsNamedByItsRepair() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        var bytes = try temp.read(history.folder, "journal")
        let last = JournalScan.scan(bytes).records[4]
        for flipped in last.offset..<last.payloadOffset {
            var damaged = bytes
            damaged[flipped] ^= 0x80
            let scan = JournalScan.scan(damaged)
            #expect(scan.damages.map(\.sequence) == [5], "byte \(flipped)")
        }
        bytes[last.offset + 6] ^= 0x80
        try temp.write(bytes, to: history.folder, "journal")
        let report = try retryingOwnLock { try Store.recover(history.folder) }
        #expect(report.lostSequences == [5...5])
        #expect(report.lostFromUnbounded == nil)
    }

    @Test func unreadableBytesAtTheEndAreReportedAsAnOpenEndedLoss() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        var bytes = try temp.read(history.folder, "journal")
        let fifth = JournalScan.scan(bytes).records[4]
        for index in fifth.offset..<(fifth.offset + 12) { bytes[index] ^= 0x5A }
        try temp.write(bytes, to: history.folder, "journal")
        let report = try retryingOwnLock { try Store.recover(history.folder) }
        #expect(report.lostFromUnbounded?.from == 5)
        #expect(report.description.contains("lost: nothing\n"))
        #expect(report.description.contains("may have held records from 5 on"))
        #expect(try Store.open(history.folder, access: .readOnly) { [] }.state == history.states[4])
    }

    @Test func bothSnapshotsDamagedSaysWhatWasKeptAsideAndWhatTheShopHolds() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let store = try retryingOwnLock { try Store.open(folder, access: .readWrite) { Fixtures.seed } }
        try store.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        try store.snapshot()
        try store.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        try store.compact()
        try store.execute(.addToCart(sku: "C-3", quantity: 1, by: .local))
        try store.close()
        for name in ["snapshot", "snapshot.prev"] {
            var bytes = try temp.read(folder, name)
            bytes[SnapshotIndexTests.payloadEnd(of: bytes) - 1] ^= 1
            try temp.write(bytes, to: folder, name)
        }
        let report = try retryingOwnLock { try Store.recover(folder) }
        #expect(report.movedAside.map(\.movedTo).sorted() == [folder.path + "/journal.damaged-1", folder.path + "/snapshot.damaged-1", folder.path + "/snapshot.prev.damaged-1"])
        #expect(report.lostSequences == [1...4])
        let text = report.description
        #expect(text.contains("moved \(folder.path)/snapshot to \(folder.path)/snapshot.damaged-1"))
        #expect(text.contains("the shop before record 4 is lost"))
        #expect(text.contains("\(folder.path)/snapshot.prev.damaged-1"))
        #expect(text.contains("rebuilt from nothing: an empty shop"))
    }

    @Test func bothSnapshotsDamagedWithAWholeJournalRebuildsFromTheJournal() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let store = try retryingOwnLock { try Store.open(folder, access: .readWrite) { Fixtures.seed } }
        try store.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        try store.snapshot()
        try store.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        try store.snapshot()
        let expected = store.state
        try store.close()
        for name in ["snapshot", "snapshot.prev"] {
            var bytes = try temp.read(folder, name)
            bytes[50] ^= 1
            try temp.write(bytes, to: folder, name)
        }
        let report = try retryingOwnLock { try Store.recover(folder) }
        #expect(report.lostNothing)
        #expect(report.description.contains("rebuilt from journal records 1–3"))
        #expect(try Store.open(folder, access: .readOnly) { [] }.state == expected)
    }

    @Test func recoverDoesNotReportRecordsThatNeverExisted() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp, compactAfter: 3)
        // Journal holds 4–5; damage the file header only.
        var bytes = try temp.read(history.folder, "journal")
        bytes[0] ^= 0xFF
        try temp.write(bytes, to: history.folder, "journal")
        let report = try retryingOwnLock { try Store.recover(history.folder) }
        #expect(report.lostNothing, "\(report)")
        #expect(report.rebuiltSequence == 5)
    }
}
