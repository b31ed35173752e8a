import Foundation
import ShopCore
@testable import ShopStore
import Testing

@Suite("Journal damage and torn tails")
struct JournalCorruptionTests {
    /// The error opening `folder` gives. A child another test is spawning holds copies of this
    /// process's descriptors until it execs (close-on-exec acts only then), so the lock this process
    /// just released may still look taken for a moment: that case is retried, for at most 5 seconds.
    private func openError(_ folder: DataFolder) -> StoreError? {
        let deadline = Date().addingTimeInterval(5)
        while true {
            do {
                _ = try Store.open(folder, access: .readWrite) { [] }
                return nil
            } catch {
                guard case let .locked(_, pid) = error, pid == getpid(), Date() < deadline else { return error }
                usleep(10_000)
            }
        }
    }

    private func expectDamage(_ error: StoreError?, file: String, offset: Int, reasonContains text: String) {
        guard case let .corrupted(actualFile, actualOffset, reason) = error else {
            Issue.record("expected a damage error, got \(String(describing: error))")
            return
        }
        #expect(actualFile == file)
        #expect(actualOffset == offset)
        #expect(reason.contains(text), "reason: \(reason)")
        #expect(error!.description == "\(file) is damaged at byte \(offset): \(reason); run 'comptoir store verify' for details")
    }

    @Test func truncationAtEveryOffsetIsEitherACleanEndOrATornTail() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        let bytes = try temp.read(history.folder, "journal")
        let records = JournalScan.scan(bytes).records
        #expect(records.count == 5)
        for cut in JournalFormat.fileHeaderSize...bytes.count {
            let scan = JournalScan.scan(Array(bytes[0..<cut]))
            #expect(scan.damage == nil, "cut at \(cut)")
            let whole = records.filter { $0.end <= cut }
            #expect(scan.records == whole)
            let atBoundary = cut == JournalFormat.fileHeaderSize || records.contains { $0.end == cut }
            #expect((scan.tornTail == nil) == atBoundary, "cut at \(cut)")
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func aWritableOpenCutsATornRecordOffWithAWarning(record: Int) throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        let bytes = try temp.read(history.folder, "journal")
        let records = JournalScan.scan(bytes).records
        for cut in [records[record].offset + 3, records[record].offset + 20, records[record].end - 1] {
            try temp.write(Array(bytes[0..<cut]), to: history.folder, "journal")
            let store = try Store.open(history.folder, access: .readWrite) { [] }
            #expect(store.state == history.states[record])
            #expect(store.warnings.count == 1)
            #expect(store.warnings.first?.contains("byte \(records[record].offset)") == true)
            #expect(try temp.read(history.folder, "journal").count == records[record].offset)
            try store.execute(.addToCart(sku: "B-2", quantity: 1, by: .local))
            #expect(store.sequence == UInt64(record) + 1)
        }
    }

    @Test func aZeroFilledTailIsCutOff() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        let bytes = try temp.read(history.folder, "journal")
        try temp.write(bytes + [UInt8](repeating: 0, count: 4_096), to: history.folder, "journal")
        let store = try Store.open(history.folder, access: .readWrite) { [] }
        #expect(store.state == history.states[5])
        #expect(store.warnings.first?.contains("zero-filled tail of 4096 bytes") == true)
        #expect(try temp.read(history.folder, "journal") == bytes)
    }

    @Test func aLastRecordPartlyOverwrittenByZerosIsATornTail() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        var bytes = try temp.read(history.folder, "journal")
        let last = JournalScan.scan(bytes).records.last!
        for index in (last.offset + 9)..<bytes.count { bytes[index] = 0 }
        try temp.write(bytes, to: history.folder, "journal")
        let store = try Store.open(history.folder, access: .readWrite) { [] }
        #expect(store.state == history.states[4])
        #expect(store.warnings.count == 1)
    }

    @Test func aLastRecordWhosePayloadEndsInZerosRunningToTheEndIsATornTail() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        var bytes = try temp.read(history.folder, "journal")
        let last = JournalScan.scan(bytes).records.last!
        for index in (last.payloadOffset + 2)..<bytes.count { bytes[index] = 0 }
        try temp.write(bytes + [UInt8](repeating: 0, count: 100), to: history.folder, "journal")
        let store = try Store.open(history.folder, access: .readWrite) { [] }
        #expect(store.state == history.states[4])
        #expect(store.warnings.first?.contains("record 5 cut short") == true)
    }

    @Test func aFlippedByteInALastRecordEndingInZeroIsStillDamage() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        var bytes = try temp.read(history.folder, "journal")
        let last = JournalScan.scan(bytes).records.last!
        #expect(bytes[last.end - 1] == 0, "removeFromCart ends with quantity 0")
        bytes[last.payloadOffset + 1] ^= 0x04
        try temp.write(bytes, to: history.folder, "journal")
        #expect(throws: StoreError.corrupted(file: history.journalPath, offset: last.payloadOffset, reason: "record 5 checksum mismatch")) {
            try Store.open(history.folder, access: .readWrite) { [] }
        }
    }

    @Test func aReadOnlyOpenIgnoresAnIncompleteLastRecordWithoutTouchingIt() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        let bytes = try temp.read(history.folder, "journal")
        let cut = Array(bytes[0..<(bytes.count - 2)])
        try temp.write(cut, to: history.folder, "journal")
        let store = try Store.open(history.folder, access: .readOnly) { [] }
        #expect(store.state == history.states[4])
        #expect(try temp.read(history.folder, "journal") == cut)
    }

    @Test func aFlippedByteInTheFileHeaderStopsTheOpen() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        let original = try temp.read(history.folder, "journal")
        let cases: [(Int, Int, String)] = [
            (0, 0, "wrong magic"), (7, 7, "wrong magic"), (8, 8, "version"), (11, 8, "version"),
            (12, 12, "header checksum"), (15, 15, "header checksum"),
        ]
        for (flipped, reported, text) in cases {
            var bytes = original
            bytes[flipped] ^= 0x40
            try temp.write(bytes, to: history.folder, "journal")
            expectDamage(openError(history.folder), file: history.journalPath, offset: reported, reasonContains: text)
            #expect(try temp.read(history.folder, "journal") == bytes, "nothing is overwritten")
        }
    }

    @Test(arguments: 0..<5)
    func aFlippedByteInAnyRecordStopsTheOpen(record: Int) throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        let original = try temp.read(history.folder, "journal")
        let target = JournalScan.scan(original).records[record]
        // Length, sequence, payload checksum, header checksum, first and last payload bytes.
        let regions: [(Int, Int, String)] = [
            (target.offset, target.offset, "record header checksum mismatch"),
            (target.offset + 4, target.offset, "record header checksum mismatch"),
            (target.offset + 12, target.offset, "record header checksum mismatch"),
            (target.offset + 19, target.offset, "record header checksum mismatch"),
            (target.payloadOffset, target.payloadOffset, "record \(record + 1) checksum mismatch"),
            (target.end - 1, target.payloadOffset, "record \(record + 1) checksum mismatch"),
        ]
        for (flipped, reported, text) in regions {
            var bytes = original
            bytes[flipped] ^= 0x01
            try temp.write(bytes, to: history.folder, "journal")
            expectDamage(openError(history.folder), file: history.journalPath, offset: reported, reasonContains: text)
            let readOnly = Result { try Store.open(history.folder, access: .readOnly) { [] } }
            #expect(throws: StoreError.self) { try readOnly.get() }
            #expect(try temp.read(history.folder, "journal") == bytes, "nothing is overwritten")
        }
    }

    @Test func aSequenceGapIsDamage() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        let bytes = try temp.read(history.folder, "journal")
        let records = JournalScan.scan(bytes).records
        let withoutThird = Array(bytes[0..<records[2].offset] + bytes[records[3].offset...])
        try temp.write(withoutThird, to: history.folder, "journal")
        expectDamage(openError(history.folder), file: history.journalPath, offset: records[2].offset, reasonContains: "sequence 4 follows 2")
    }

    @Test func aJournalThatDoesNotReachTheSnapshotIsDamage() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        let bytes = try temp.read(history.folder, "journal")
        let records = JournalScan.scan(bytes).records
        try temp.write(Array(bytes[0..<16] + bytes[records[2].offset...]), to: history.folder, "journal")
        expectDamage(openError(history.folder), file: history.journalPath, offset: 16, reasonContains: "records 1 to 2 are missing")
    }

    @Test func anUnknownEventTagIsDamageNamingTheTag() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        var bytes = try temp.read(history.folder, "journal")
        let record = JournalFormat.record(sequence: 6, payload: [1, 99])
        let offset = bytes.count
        bytes += record
        try temp.write(bytes, to: history.folder, "journal")
        expectDamage(openError(history.folder), file: history.journalPath, offset: offset + 21, reasonContains: "unknown event tag 99")
    }
}
