import ShopCore

extension Store {
    /// Moves every damaged file aside (renamed `NAME.damaged-N`, never deleted), rebuilds the shop from
    /// what is good and reports exactly which records were lost. Takes the write lock.
    ///
    /// The rebuilt shop is the usable snapshot (or none) from which the journal's intact records reach
    /// furthest without a gap: damage inside records a snapshot covers costs nothing, and intact records
    /// after damaged bytes are kept whenever the records before them are there. Lost are the records
    /// seen (intact, damaged, or covered by a damaged snapshot) beyond what could be rebuilt. A torn
    /// journal tail is cut off as on open. A FIFO, device, socket or folder where a store file should be
    /// is moved aside unopened.
    public static func recover(_ folder: DataFolder) throws(StoreError) -> RecoveryReport {
        let layout = StoreLayout(folder: folder.path)
        var report = RecoveryReport(folder: folder.path)
        guard SystemCall.kind(of: folder.path) == .folder else {
            if SystemCall.exists(folder.path) { throw .notAFolder(path: folder.path) }
            return report
        }
        if let kind = SystemCall.specialKind(of: layout.lock) {
            try moveAside(layout.lock, reason: "\(kind), not a regular file", report: &report)
        }
        let lock = try StoreLock.acquire(layout)
        defer { lock.release() }
        for path in [layout.journal, layout.snapshot, layout.previousSnapshot, layout.journalTemporary, layout.snapshotTemporary] {
            if let kind = SystemCall.specialKind(of: path) {
                try moveAside(path, reason: "\(kind), not a regular file", report: &report)
            }
        }

        // 1. Each snapshot is good, damaged (moved aside) or missing.
        var snapshots: [(file: String, loaded: SnapshotFile.Loaded)] = []
        var coveredByDamagedSnapshots: UInt64 = 0
        for path in [layout.snapshot, layout.previousSnapshot] {
            do throws(StoreError) {
                if let loaded = try SnapshotFile.load(path) { snapshots.append((path, loaded)) }
            } catch {
                // A newer Comptoir's file is not damage: leave the folder as it is.
                if case .newerFormat = error { throw error }
                let covered = headerSequence(of: path)
                let unknown = covered == nil ? "; its header is unreadable, so which records it covered cannot be told" : ""
                try moveAside(path, reason: "\(error.summary)\(unknown)", report: &report)
                if let covered, covered > 0 { coveredByDamagedSnapshots = max(coveredByDamagedSnapshots, covered) }
            }
        }

        // 2. The base the journal's intact records carry furthest: a snapshot, or nothing (record 1 on).
        let bytes = try SystemCall.readFile(layout.journal)
        let scan = bytes.map { JournalScan.scan($0) } ?? JournalScan()
        let bases = (snapshots.map { Optional($0) } + [nil]).sorted { lhs, rhs in
            let left = reach(from: lhs?.loaded.sequence ?? 0, scan), right = reach(from: rhs?.loaded.sequence ?? 0, scan)
            return left != right ? left > right : (lhs?.loaded.sequence ?? 0) > (rhs?.loaded.sequence ?? 0)
        }
        var image = ShopImage()
        var unusable: DecodingFailure?
        var chosen = false
        // Bounded: at most three bases. A base whose records fail to decode may be beaten by the next.
        for base in bases {
            if chosen, (base?.loaded.sequence ?? 0) <= image.sequence { continue }
            var candidate = ShopImage()
            if let base { candidate.adopt(base.loaded, file: base.file) }
            let failure = bytes.flatMap { candidate.replay(scan, bytes: $0) }
            if let failure, failure.newerFormat != nil { throw failure.storeError(file: layout.journal) }
            if !chosen || candidate.sequence > image.sequence {
                image = candidate
                unusable = failure
                chosen = true
            }
            if failure == nil { break }
        }
        let rebuilt = image.sequence

        // 3. Everything seen beyond what could be rebuilt is lost: sequences run from 1 without a gap,
        // so a record seen (intact, damaged, or covered by a damaged snapshot) proves all before it.
        var evidence = SequenceEvidence()
        if coveredByDamagedSnapshots > 0 { evidence.add(1...coveredByDamagedSnapshots, ifAbove: rebuilt) }
        for record in scan.records { evidence.add(1...record.sequence, ifAbove: rebuilt) }
        for damage in scan.damages {
            guard let held = damage.heldSequences else { continue }
            if let highest = held.highest {
                evidence.add(1...highest, ifAbove: rebuilt)
            } else {
                evidence.addUnbounded(from: max(held.lowest, rebuilt + 1), bytes: damage.end - damage.start)
            }
        }
        for snapshot in snapshots { evidence.add(1...max(1, snapshot.loaded.sequence), ifAbove: rebuilt) }
        report.lostSequences = evidence.ranges
        report.lostFromUnbounded = evidence.unbounded.map { RecoveryReport.UnboundedLoss(from: $0.from, bytes: $0.bytes) }
        report.tornTailBytes = scan.tornBytes
        // Sequence numbers are never reused: the fresh snapshot covers the highest one seen.
        report.rebuiltSequence = max(rebuilt, evidence.highest)
        report.baseFile = image.snapshotFile
        report.baseSequence = image.snapshotSequence
        let replayed = scan.records.filter { $0.sequence > image.snapshotSequence && $0.sequence <= rebuilt }
        report.replayed = replayed.first.map { $0.sequence...rebuilt }
        report.firstJournalSequence = scan.records.first?.sequence
        report.products = image.state.catalogue.count
        report.cartLines = image.state.carts.lineCount

        // 4. Write what was rebuilt: the damaged journal goes aside, a fresh one keeps the replayed records.
        let journalIsDamaged = !scan.damages.isEmpty || unusable != nil
            || scan.records.contains { $0.sequence > rebuilt }
        if !report.movedAside.isEmpty || journalIsDamaged || !evidence.isEmpty {
            try SnapshotFile.write(image.state, sequence: report.rebuiltSequence, in: layout)
        }
        if let bytes, journalIsDamaged {
            var reasons = scan.damages.map { "\($0.heldDescription) damaged at byte \($0.offset): \($0.reason)" }
            if let unusable { reasons.append("unusable from byte \(unusable.offset): \(unusable.reason)") }
            if reasons.isEmpty, let beyond = scan.records.first(where: { $0.sequence > rebuilt }) {
                reasons.append("record \(beyond.sequence) at byte \(beyond.offset) does not follow record \(rebuilt)")
            }
            try moveAside(layout.journal, reason: reasons.joined(separator: "; "), report: &report)
            let kept = bytes.withUnsafeBytes { buffer in
                replayed.flatMap { Array(UnsafeRawBufferPointer(rebasing: buffer[$0.offset..<$0.end])) }
            }
            let replaced: Result<Void, StoreError> = kept.withUnsafeBytes { buffer in
                do throws(StoreError) { try JournalWriter.replace(in: layout, records: buffer); return .success(()) } catch { return .failure(error) }
            }
            try replaced.get()
        } else if bytes == nil || scan.goodEnd < JournalFormat.fileHeaderSize {
            if bytes != nil || !report.movedAside.isEmpty {
                try JournalWriter.replace(in: layout, records: UnsafeRawBufferPointer(start: nil, count: 0))
            }
        } else if scan.tornTail != nil {
            try JournalWriter.open(layout.journal, end: scan.goodEnd).close()
        }
        return report
    }

    /// How far the intact records carry a base covering `base`: the last sequence reached without a gap.
    private static func reach(from base: UInt64, _ scan: JournalScan) -> UInt64 {
        var reached = base
        for record in scan.records where record.sequence > base {
            guard record.sequence == reached + 1 else { break }
            reached = record.sequence
        }
        return reached
    }

    @discardableResult
    private static func moveAside(_ path: String, reason: String, report: inout RecoveryReport) throws(StoreError) -> String {
        let target = SystemCall.unusedDamagedName(for: path)
        try SystemCall.rename(path, to: target)
        try SystemCall.syncFolder(SystemCall.parentFolder(of: path))
        report.movedAside.append(.init(original: path, movedTo: target, reason: reason))
        return target
    }

    /// The sequence a snapshot header claims, when the header is readable or has one damaged byte that
    /// a unique repair fixes.
    private static func headerSequence(of path: String) -> UInt64? {
        guard let bytes = try? SystemCall.readFile(path) else { return nil }
        return SnapshotFile.coveredSequence(header: bytes, repairingOneByte: true)
    }
}

/// The record sequences that something in the folder proves existed beyond what was rebuilt.
private struct SequenceEvidence {
    private var sequences: [ClosedRange<UInt64>] = []
    /// Unreadable bytes at the end of the journal may have held records from this one on.
    private(set) var unbounded: (from: UInt64, bytes: Int)?

    var isEmpty: Bool { sequences.isEmpty && unbounded == nil }

    mutating func add(_ range: ClosedRange<UInt64>, ifAbove rebuilt: UInt64) {
        guard range.upperBound > rebuilt else { return }
        sequences.append(max(range.lowerBound, rebuilt + 1)...range.upperBound)
    }

    mutating func addUnbounded(from sequence: UInt64, bytes: Int) {
        if let unbounded, unbounded.from <= sequence { return }
        unbounded = (sequence, bytes)
    }

    var highest: UInt64 { sequences.map(\.upperBound).max() ?? 0 }

    /// The sequences as sorted, merged ranges (an unbounded tail not included).
    var ranges: [ClosedRange<UInt64>] {
        var merged: [ClosedRange<UInt64>] = []
        for range in sequences.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
