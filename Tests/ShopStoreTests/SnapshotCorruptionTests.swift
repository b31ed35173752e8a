import Foundation
import ShopCore
@testable import ShopStore
import Testing

@Suite("Snapshot damage")
struct SnapshotCorruptionTests {
    /// A folder whose state lives in a snapshot (compacted after record 3) plus records 4–5.
    private func makeShop(_ temp: TemporaryFolder) throws -> ShopHistory {
        try ShopHistory.make(in: temp, compactAfter: 3)
    }

    private func expectDamage(_ folder: DataFolder, file: String, offset: Int, reasonContains text: String) {
        do {
            _ = try Store.open(folder, access: .readWrite) { [] }
            Issue.record("the open should have stopped")
        } catch let error {
            guard case let .corrupted(actualFile, actualOffset, reason) = error else {
                Issue.record("expected a damage error, got \(error)")
                return
            }
            #expect(actualFile == file)
            #expect(actualOffset == offset)
            #expect(reason.contains(text), "reason: \(reason)")
            #expect(error.description.hasSuffix("; run 'comptoir store verify' for details"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func theSnapshotPlusTheJournalAfterItGiveTheState() throws {
        let temp = TemporaryFolder()
        let history = try makeShop(temp)
        #expect(try SnapshotFile.load(history.snapshotPath)?.sequence == 3)
        let store = try Store.open(history.folder, access: .readWrite) { [] }
        #expect(store.state == history.states[5])
        #expect(store.sequence == 5)
    }

    @Test func aFlippedByteInEachRegionStopsTheOpenNamingTheOffset() throws {
        let temp = TemporaryFolder()
        let history = try makeShop(temp)
        let original = try temp.read(history.folder, "snapshot")
        let payloadEnd = SnapshotIndexTests.payloadEnd(of: original)
        let cases: [(flipped: Int, reported: Int, text: String)] = [
            (0, 0, "wrong magic"), (7, 7, "wrong magic"),
            (8, 8, "format version"), (11, 8, "format version"),
            (12, 36, "header checksum"),            // flags
            (16, 36, "header checksum"),            // sequence covered
            (24, 36, "header checksum"),            // payload length
            (32, 36, "header checksum"),            // payload checksum
            (37, 36, "header checksum"),            // header checksum itself
            (40, 40, "data checksum"), (payloadEnd / 2, 40, "data checksum"), (payloadEnd - 1, 40, "data checksum"),
        ]
        for (flipped, reported, text) in cases {
            var bytes = original
            bytes[flipped] ^= 0x20
            try temp.write(bytes, to: history.folder, "snapshot")
            expectDamage(history.folder, file: history.snapshotPath, offset: reported, reasonContains: text)
            #expect(try temp.read(history.folder, "snapshot") == bytes, "nothing is overwritten")
        }
    }

    @Test func aFutureFormatVersionIsRefusedByName() throws {
        let temp = TemporaryFolder()
        let history = try makeShop(temp)
        var bytes = try temp.read(history.folder, "snapshot")
        let newer = SnapshotFile.formatVersion + 1
        bytes[8] = UInt8(newer)
        let headerCRC = CRC32C.checksum(bytes[0..<36])
        withUnsafeBytes(of: headerCRC.littleEndian) { for index in 0..<4 { bytes[36 + index] = $0[index] } }
        try temp.write(bytes, to: history.folder, "snapshot")
        do {
            _ = try Store.open(history.folder, access: .readWrite) { [] }
            Issue.record("the open should have stopped")
        } catch {
            #expect(error == .newerFormat(file: history.snapshotPath, offset: 8, version: newer, readable: SnapshotFile.formatVersion))
            #expect(error.description.contains("written by a newer Comptoir (format \(newer)); this one reads up to \(SnapshotFile.formatVersion)"), "\(error)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func aTruncatedSnapshotIsRefusedAtItsEnd() throws {
        let temp = TemporaryFolder()
        let history = try makeShop(temp)
        let original = try temp.read(history.folder, "snapshot")
        let payloadEnd = SnapshotIndexTests.payloadEnd(of: original)
        for cut in [0, 5, 8, 39, 40, 41, payloadEnd / 2, payloadEnd - 1] {
            try temp.write(Array(original[0..<cut]), to: history.folder, "snapshot")
            expectDamage(history.folder, file: history.snapshotPath, offset: cut, reasonContains: "truncated snapshot")
        }
    }

    /// Before format 6 nothing may follow the data; from 6 on, the search index section may (see
    /// `SnapshotIndexTests` for what happens when it is damaged).
    @Test func bytesAfterAFormat5SnapshotAreDamage() throws {
        let temp = TemporaryFolder()
        let history = try makeShop(temp)
        let original = try temp.read(history.folder, "snapshot")
        let format5 = try SnapshotIndexTests.withoutIndex(original, version: 5)
        try temp.write(format5 + [0], to: history.folder, "snapshot")
        expectDamage(history.folder, file: history.snapshotPath, offset: format5.count, reasonContains: "unexpected bytes")
    }

    @Test func aLeftoverTemporarySnapshotIsIgnored() throws {
        let temp = TemporaryFolder()
        let history = try makeShop(temp)
        try temp.write([1, 2, 3], to: history.folder, "snapshot.tmp")
        let store = try Store.open(history.folder, access: .readWrite) { [] }
        #expect(store.state == history.states[5])
        try store.snapshot()
        #expect(!temp.exists(history.folder, "snapshot.tmp"))
    }

    @Test func verifyReportsCountsAndTheFirstProblem() throws {
        let temp = TemporaryFolder()
        let history = try makeShop(temp)
        let clean = Store.verify(history.folder)
        #expect(clean.isClean)
        #expect(clean.snapshotSequence == 3)
        #expect(clean.journalRecords == 2)
        #expect(clean.journalFirstSequence == 4)
        #expect(clean.lastSequence == 5)
        #expect(clean.products == 3)
        #expect(clean.cartLines == 1)
        var bytes = try temp.read(history.folder, "snapshot")
        bytes[50] ^= 1
        try temp.write(bytes, to: history.folder, "snapshot")
        let damaged = Store.verify(history.folder)
        #expect(!damaged.isClean)
        #expect(damaged.problem == .corrupted(file: history.snapshotPath, offset: 40, reason: "snapshot data checksum mismatch"))
        #expect(try temp.read(history.folder, "snapshot") == bytes)
        #expect(!Store.verify(temp.dataFolder("missing")).hasData)
    }
}

@Suite("Verification of a damaged journal")
struct JournalVerificationTests {
    @Test func verifyCountsTheIntactRecordsAroundTheDamage() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        var bytes = try temp.read(history.folder, "journal")
        let fourth = JournalScan.scan(bytes).records[3]
        bytes[fourth.payloadOffset] ^= 1
        try temp.write(bytes, to: history.folder, "journal")
        let report = Store.verify(history.folder)
        #expect(report.journalRecords == 4, "records 1–3 and 5 are intact")
        #expect(report.journalLastSequence == 5)
        #expect(report.journalDamage == ["byte \(fourth.payloadOffset): record 4 checksum mismatch"])
        #expect(report.problem == .corrupted(file: history.journalPath, offset: fourth.payloadOffset, reason: "record 4 checksum mismatch"))
        #expect(report.description.contains("comptoir store recover"))
    }
}
