import ShopCore

extension Store {
    /// Moves every damaged file aside (renamed `NAME.damaged-N`, never deleted), rebuilds the shop from
    /// what is good — the newest good snapshot plus the journal records that follow it without a gap —
    /// writes a fresh snapshot, and reports exactly which records were lost. Takes the write lock.
    /// A torn journal tail is cut off as on open; it is not counted as lost (it was never acknowledged).
    public static func recover(_ folder: DataFolder) throws(StoreError) -> RecoveryReport {
        let layout = StoreLayout(folder: folder.path)
        var report = RecoveryReport(folder: folder.path)
        guard SystemCall.kind(of: folder.path) == .folder else {
            if SystemCall.exists(folder.path) { throw .notAFolder(path: folder.path) }
            return report
        }
        let lock = try StoreLock.acquire(layout)
        defer { lock.release() }

        // 1. Damaged snapshots go aside; the newest good one is the base.
        var image = ShopImage()
        var highestSeen: UInt64 = 0
        for path in [layout.snapshot, layout.previousSnapshot] {
            do throws(StoreError) {
                if let loaded = try SnapshotFile.load(path), image.snapshotFile == nil {
                    image.adopt(loaded, file: path)
                }
            } catch {
                // A newer Comptoir's file is not damage: leave the folder as it is.
                if case .newerFormat = error { throw error }
                let target = try moveAside(path, reason: "\(error)", report: &report)
                highestSeen = max(highestSeen, headerSequence(of: target) ?? 0)
            }
        }
        highestSeen = max(highestSeen, image.sequence)

        // 2. The journal's good records after the base are replayed up to the first damage or gap.
        let journalBytes = try SystemCall.readFile(layout.journal)
        var journalDamage: String?
        var scan = JournalScan()
        if let bytes = journalBytes {
            scan = JournalScan.scan(bytes)
            report.tornTailBytes = scan.tornBytes
            highestSeen = max(highestSeen, scan.records.last?.sequence ?? 0)
            if let damage = scan.damage {
                journalDamage = "damaged at byte \(damage.offset): \(damage.reason)"
                let survivors = intactRecords(in: bytes, after: damage.offset)
                let damagedRecord = scan.records.last.map { $0.sequence + 1 } ?? survivors.first.map { $0 - 1 }
                highestSeen = max(highestSeen, survivors.max() ?? 0, damagedRecord ?? image.sequence + 1)
            }
            if let failure = image.replay(scan, bytes: bytes) {
                if failure.newerFormat != nil { throw failure.storeError(file: layout.journal) }
                journalDamage = journalDamage ?? "unusable from byte \(failure.offset): \(failure.reason)"
            }
        }

        // 3. Everything seen beyond what could be rebuilt is lost. Sequence numbers are never reused:
        // the fresh snapshot covers the highest one seen.
        if highestSeen > image.sequence { report.lostSequences = [(image.sequence + 1)...highestSeen] }
        report.rebuiltSequence = highestSeen
        report.products = image.state.catalogue.count
        report.cartLines = image.state.carts.lineCount
        if !report.movedAside.isEmpty || journalDamage != nil {
            try SnapshotFile.write(image.state, sequence: highestSeen, in: layout)
        }
        if let journalDamage {
            try moveAside(layout.journal, reason: journalDamage, report: &report)
            try JournalWriter.replace(in: layout, records: UnsafeRawBufferPointer(start: nil, count: 0))
        } else if journalBytes != nil, scan.tornTail != nil {
            if scan.goodEnd < JournalFormat.fileHeaderSize {
                try JournalWriter.replace(in: layout, records: UnsafeRawBufferPointer(start: nil, count: 0))
            } else {
                try JournalWriter.open(layout.journal, end: scan.goodEnd).close()
            }
        }
        return report
    }

    @discardableResult
    private static func moveAside(_ path: String, reason: String, report: inout RecoveryReport) throws(StoreError) -> String {
        let target = SystemCall.unusedDamagedName(for: path)
        try SystemCall.rename(path, to: target)
        try SystemCall.syncFolder(SystemCall.parentFolder(of: path))
        report.movedAside.append(.init(original: path, movedTo: target, reason: reason))
        return target
    }

    /// The sequence a snapshot header claims, when the header itself is readable.
    private static func headerSequence(of path: String) -> UInt64? {
        guard let bytes = try? SystemCall.readFile(path), bytes.count >= SnapshotFile.headerSize,
              Array(bytes[0..<8]) == SnapshotFile.magic,
              CRC32C.checksum(bytes[0..<36]) == bytes.withUnsafeBytes({ UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 36, as: UInt32.self)) })
        else { return nil }
        return bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 16, as: UInt64.self)) }
    }

    /// Sequence numbers of the whole, checksummed records found anywhere after a damaged spot.
    private static func intactRecords(in bytes: [UInt8], after offset: Int) -> [UInt64] {
        bytes.withUnsafeBytes { buffer in
            var found: [UInt64] = []
            var position = offset + 1
            let headerSize = JournalFormat.recordHeaderSize
            while position + headerSize <= buffer.count {
                let header = UnsafeRawBufferPointer(rebasing: buffer[position..<(position + 16)])
                let headerCRC = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: position + 16, as: UInt32.self))
                if CRC32C.checksum(header) == headerCRC {
                    let length = Int(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
                    let end = position + headerSize + length
                    let payloadCRC = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: position + 12, as: UInt32.self))
                    if end <= buffer.count,
                       CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[(position + headerSize)..<end])) == payloadCRC {
                        found.append(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: position + 4, as: UInt64.self)))
                        position = end
                        continue
                    }
                }
                position += 1
            }
            return found
        }
    }
}
