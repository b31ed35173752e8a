import ShopCore

/// The shop as read from a data folder: the newest snapshot plus the journal records after it.
struct ShopImage {
    var state = ShopState()
    /// The last record applied (0 when none).
    var sequence: UInt64 = 0
    /// The sequence the loaded snapshot covers (0 without a snapshot).
    var snapshotSequence: UInt64 = 0
    var snapshotSize = 0
    /// Which snapshot file was loaded, if any.
    var snapshotFile: String?
    /// The journal as scanned; nil when there is no journal file.
    var journal: JournalScan?
    var recordsAfterSnapshot = 0
    var journalBytesAfterSnapshot = 0
    var warnings: [String] = []

    var hasData: Bool { snapshotFile != nil || journal != nil }

    /// Reads the folder strictly: any damage throws `StoreError.corrupted`; a torn journal tail is only
    /// reported in `journal.tornTail` (the caller cuts it off or, read-only, ignores it).
    static func read(_ layout: StoreLayout) throws(StoreError) -> ShopImage {
        var image = ShopImage()
        if let snapshot = try SnapshotFile.load(layout.snapshot) {
            image.adopt(snapshot, file: layout.snapshot)
        } else if let previous = try SnapshotFile.load(layout.previousSnapshot) {
            image.adopt(previous, file: layout.previousSnapshot)
            image.warnings.append("\(layout.snapshot) is missing: started from \(layout.previousSnapshot)")
        }
        guard let bytes = try SystemCall.readFile(layout.journal) else { return image }
        let scan = JournalScan.scan(bytes)
        image.journal = scan
        if let damage = scan.damage {
            throw .corrupted(file: layout.journal, offset: damage.offset, reason: damage.reason)
        }
        if let failure = image.replay(scan, bytes: bytes) {
            throw failure.storeError(file: layout.journal)
        }
        return image
    }

    mutating func adopt(_ snapshot: SnapshotFile.Loaded, file: String) {
        state = snapshot.state
        sequence = snapshot.sequence
        snapshotSequence = snapshot.sequence
        snapshotSize = snapshot.size
        snapshotFile = file
    }

    /// Applies the records after the snapshot; stops at the first record that cannot be used and
    /// returns why (a gap in sequence numbers, or undecodable events). Records before it stay applied.
    mutating func replay(_ scan: JournalScan, bytes: [UInt8]) -> DecodingFailure? {
        let fresh = scan.records.drop { $0.sequence <= snapshotSequence }
        if let first = fresh.first, first.sequence != snapshotSequence + 1 {
            let covered = snapshotSequence == 0 ? "no snapshot covers them" : "the snapshot covers up to \(snapshotSequence)"
            return DecodingFailure(offset: first.offset,
                reason: "records \(snapshotSequence + 1) to \(first.sequence - 1) are missing from the journal (\(covered))")
        }
        return bytes.withUnsafeBytes { buffer -> DecodingFailure? in
            for record in fresh {
                let payload = UnsafeRawBufferPointer(rebasing: buffer[record.payloadOffset..<record.end])
                do throws(DecodingFailure) {
                    let events = try EventCodec.decode(payload, fileOffset: record.payloadOffset)
                    state.apply(events)
                } catch {
                    return error
                }
                sequence = record.sequence
                recordsAfterSnapshot += 1
                journalBytesAfterSnapshot += record.end - record.offset
            }
            return nil
        }
    }
}
