import Foundation
import ShopCore
@testable import ShopStore
import Testing

/// The scan goes on past damage without ever trapping, whatever the bytes: its findings stay inside the
/// file, intact records keep increasing sequences, and every byte is accounted for.
@Suite("Journal scan past damage")
struct JournalScanDamageTests {
    @Test func randomDamageNeverTrapsAndEveryFindingStaysInsideTheFile() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        let original = try temp.read(history.folder, "journal")
        var g = SplitMix64(seed: 16)
        for _ in 0..<2_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...6, using: &g) {
                let offset = Int.random(in: 0..<bytes.count, using: &g)
                switch Int.random(in: 0..<4, using: &g) {
                case 0: bytes[offset] = UInt8.random(in: 0...255, using: &g)
                case 1: bytes.removeSubrange(offset..<min(bytes.count, offset + Int.random(in: 1...40, using: &g)))
                case 2: bytes.insert(contentsOf: (0..<Int.random(in: 1...40, using: &g)).map { _ in UInt8.random(in: 0...255, using: &g) }, at: offset)
                default: bytes.replaceSubrange(offset..<min(bytes.count, offset + 8), with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
                }
                if bytes.isEmpty { bytes = [0] }
            }
            let scan = JournalScan.scan(bytes)
            #expect(scan.goodEnd <= bytes.count)
            #expect(zip(scan.records, scan.records.dropFirst()).allSatisfy { $0.sequence < $1.sequence && $0.end <= $1.offset })
            #expect(scan.records.allSatisfy { $0.end <= bytes.count && JournalFormat.sequenceRange.contains($0.sequence) })
            #expect(scan.damages.allSatisfy { $0.start <= $0.end && $0.end <= bytes.count })
            _ = scan.damages.map(\.heldDescription)
        }
    }

    @Test func recordsWithSequencesNoWriterUsesAreDamageNotATrap() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        let bytes = try temp.read(history.folder, "journal")
        let payload = EventCodec.encode([.cartCleared(cart: .local)])
        for sequence: UInt64 in [0, UInt64(Int64.max) + 1, .max] {
            try temp.write(bytes + JournalFormat.record(sequence: sequence, payload: payload), to: history.folder, "journal")
            let scan = JournalScan.scan(try temp.read(history.folder, "journal"))
            #expect(scan.records.count == 5)
            #expect(scan.damages.first?.reason.contains("out of range") == true)
            let report = try retryingOwnLock { try Store.recover(history.folder) }
            #expect(report.rebuiltSequence == 5)
            #expect(try Store.open(history.folder, access: .readOnly) { [] }.state == history.states[5])
            try FileManager.default.removeItem(atPath: history.folder.path + "/journal")
            try FileManager.default.removeItem(atPath: history.folder.path + "/snapshot")
        }
    }
}

@Suite("Journal scan of appended records, strictly")
struct JournalStrictScanTests {
    @Test func appendedRecordsMustFollowAndTheScanStopsAtTheFirstDamage() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp)
        let bytes = try temp.read(history.folder, "journal")
        let records = JournalScan.scan(bytes).records
        let tail = Array(bytes[records[1].offset...])
        let following = tail.withUnsafeBytes { JournalScan.scanRecords($0, after: 1) }
        #expect(following.records.map(\.sequence) == [2, 3, 4, 5])
        #expect(following.damage == nil)
        #expect(following.records.first?.offset == 0, "offsets are relative to the bytes given")

        let broken = tail.withUnsafeBytes { JournalScan.scanRecords($0, after: 2) }
        #expect(broken.records.isEmpty)
        #expect(broken.damage?.reason == "record sequence 2 follows 2 (expected 3)")

        var damaged = tail
        damaged[records[2].payloadOffset - records[1].offset] ^= 1
        let stopped = damaged.withUnsafeBytes { JournalScan.scanRecords($0, after: 1) }
        #expect(stopped.records.map(\.sequence) == [2], "nothing after the damage is taken, unlike a whole-file scan")
        #expect(stopped.damage?.reason == "record 3 checksum mismatch")
        #expect(JournalScan.scan(bytes[0..<records[1].offset] + damaged).records.map(\.sequence) == [1, 2, 4, 5])
    }
}
