import Foundation
import ShopCore
@testable import ShopStore
import Testing

@Suite("Recovery")
struct RecoveryTests {
    @Test func aDamagedJournalRecordIsMovedAsideAndTheLossIsReported() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        var bytes = try temp.read(history.folder, "journal")
        let third = JournalScan.scan(bytes).records[2]
        bytes[third.payloadOffset] ^= 0xFF
        try temp.write(bytes, to: history.folder, "journal")

        let report = try Store.recover(history.folder)
        #expect(report.lostSequences == [3...5])
        #expect(report.lostRecordCount == 3)
        #expect(report.movedAside.map(\.movedTo) == [history.journalPath + ".damaged-1"])
        #expect(try temp.read(history.folder, "journal.damaged-1") == bytes)
        #expect(report.rebuiltSequence == 5)
        #expect(report.description.contains("lost: 3 journal record(s): 3–5"))

        #expect(Store.verify(history.folder).isClean)
        let store = try Store.open(history.folder, access: .readWrite) { [] }
        #expect(store.state == history.states[2])
        try store.execute(.addToCart(sku: "B-2", quantity: 1, by: .local))
        #expect(store.sequence == 6, "sequence numbers are not reused")
    }

    @Test func aDamagedLastRecordLosesOnlyThatRecord() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        var bytes = try temp.read(history.folder, "journal")
        bytes[bytes.count - 1] ^= 0x10
        try temp.write(bytes, to: history.folder, "journal")
        let report = try Store.recover(history.folder)
        #expect(report.lostSequences == [5...5])
        #expect(try Store.open(history.folder, access: .readOnly) { [] }.state == history.states[4])
    }

    @Test func aDamagedRecordHeaderStillReportsTheIntactRecordsAfterIt() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        var bytes = try temp.read(history.folder, "journal")
        let second = JournalScan.scan(bytes).records[1]
        bytes[second.offset] ^= 0x7F
        try temp.write(bytes, to: history.folder, "journal")
        let report = try Store.recover(history.folder)
        #expect(report.lostSequences == [2...5])
        #expect(try Store.open(history.folder, access: .readOnly) { [] }.state == history.states[1])
    }

    @Test func aDamagedSnapshotIsRebuiltFromThePreviousOneAndTheJournalWithoutLoss() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let policy = SnapshotPolicy(recordsBetweenSnapshots: 2, journalBytesBetweenSnapshots: 1 << 30)
        let store = try Store.open(folder, access: .readWrite, policy: policy) { Fixtures.seed }
        for quantity in 1...5 { try store.execute(.setCartQuantity(sku: "A-1", quantity: quantity, by: .local)) }
        let expected = store.state
        try store.close()
        var bytes = try temp.read(folder, "snapshot")
        bytes[45] ^= 1
        try temp.write(bytes, to: folder, "snapshot")

        let report = try Store.recover(folder)
        #expect(report.lostSequences.isEmpty)
        #expect(report.movedAside.map(\.original) == [folder.path + "/snapshot"])
        #expect(try temp.read(folder, "snapshot.damaged-1") == bytes)
        #expect(try Store.open(folder, access: .readOnly) { [] }.state == expected)
    }

    @Test func aDamagedSnapshotAfterCompactionLosesWhatOnlyItHeld() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp, compactAfter: 3)
        var bytes = try temp.read(history.folder, "snapshot")
        bytes[0] = 0
        try temp.write(bytes, to: history.folder, "snapshot")
        let report = try Store.recover(history.folder)
        // No previous snapshot: records 1–3 lived only in the damaged snapshot, 4–5 depend on them.
        #expect(report.lostSequences == [1...5])
        #expect(report.movedAside.count == 2)
        let store = try Store.open(history.folder, access: .readWrite) { Fixtures.seed }
        #expect(store.state == ShopState())
    }

    @Test func recoveringTwiceKeepsBothDamagedFiles() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        for round in 1...2 {
            var bytes = try temp.read(history.folder, "journal")
            if JournalScan.scan(bytes).records.isEmpty {
                let store = try Store.open(history.folder, access: .readWrite) { [] }
                try store.execute(.addToCart(sku: "B-2", quantity: 1, by: .local))
                try store.close()
                bytes = try temp.read(history.folder, "journal")
            }
            bytes[bytes.count - 1] ^= 1
            try temp.write(bytes, to: history.folder, "journal")
            _ = try Store.recover(history.folder)
            #expect(temp.exists(history.folder, "journal.damaged-\(round)"))
        }
    }

    @Test func aCleanFolderHasNothingToRecover() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        let before = try temp.read(history.folder, "journal")
        let report = try Store.recover(history.folder)
        #expect(report.nothingWasDamaged)
        #expect(report.rebuiltSequence == 5)
        #expect(try temp.read(history.folder, "journal") == before)
    }

    @Test func recoveryCutsATornTailWithoutCountingItLost() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        let bytes = try temp.read(history.folder, "journal")
        try temp.write(bytes + [9, 0, 0, 0, 1], to: history.folder, "journal")
        let report = try Store.recover(history.folder)
        #expect(report.tornTailBytes == 5)
        #expect(report.lostSequences.isEmpty)
        #expect(try temp.read(history.folder, "journal") == bytes)
    }

    @Test func recoveryNeedsTheLock() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        nonisolated(unsafe) let holder = try StoreLock.acquire(StoreLayout(folder: history.folder.path))
        let released = Flag()
        Thread.detachNewThread {
            usleep(300_000)
            released.set()
            holder.release()
        }
        _ = try Store.recover(history.folder)
        #expect(released.isSet, "recovery ran while another held the lock")
    }
}
