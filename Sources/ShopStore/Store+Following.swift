import ShopCore

/// What a look at the journal found: records other processes appended, or the whole state read again.
public struct StoreRefresh: Equatable, Sendable {
    /// Records applied (appended by other processes since the last look).
    public var records = 0
    /// The state was read again from the snapshot and the journal (another process replaced the
    /// journal beyond what this process had, or cut it short).
    public var reloaded = false

    public init(records: Int = 0, reloaded: Bool = false) {
        self.records = records
        self.reloaded = reloaded
    }

    public var changed: Bool { records > 0 || reloaded }
}

/// Following the other processes: the records they appended since this process last looked are read
/// from the offset where it stopped (only the new bytes); a journal another process replaced by rename
/// (a compaction) is opened anew, and read from the first record this process lacks, or, when the new
/// journal no longer holds it, the state is read again from the snapshot.
extension Store {
    /// Applies what other processes committed since this process last looked, without the lock. When
    /// nothing was appended this costs two `stat` calls. A record being appended right now (it looks
    /// incomplete) is left for the next call.
    @discardableResult
    public func refresh() throws(StoreError) -> StoreRefresh {
        guard !isClosed else { return StoreRefresh() }
        if log != nil { return try refreshFromLog() }
        return try catchUp(holdingLock: false)
    }

    /// Holding the lock, no writer is appending: a torn tail is cut (the remains of an interrupted
    /// write) and damage is thrown. Without it, both only mean "stop here for now".
    @discardableResult
    func catchUp(holdingLock: Bool) throws(StoreError) -> StoreRefresh {
        guard let journal else {
            guard JournalWriter.identity(at: layout.journal) != nil else { return StoreRefresh() }
            return try reload(holdingLock: holdingLock)
        }
        guard journal.isCurrent(at: layout.journal) else { return try followReplacedJournal(holdingLock: holdingLock) }
        let size = try journal.size()
        if size == journal.end { return StoreRefresh() }
        // Shorter than what was read: cut by someone else (recovery, or by hand); read it all again.
        if size < journal.end { return try reload(holdingLock: holdingLock) }
        let start = journal.end
        return try applyRecords(try journal.read(from: start), at: start, holdingLock: holdingLock)
    }

    /// Catches up holding the lock, then makes sure the state is not behind the snapshot: a snapshot is
    /// written only by a caught-up lock holder, so one that covers records this process has not applied
    /// means its state is out of date in a way the journal did not show (a journal read with an older
    /// snapshot, or records a crash took from the journal that the snapshot holds). Appending then would
    /// give a record a sequence the snapshot covers, which every later open skips: an acknowledged
    /// commit lost. The state is read again instead. Costs one read of the snapshot's header.
    func catchUpHoldingLock() throws(StoreError) {
        try catchUp(holdingLock: true)
        guard let covered = Self.sequenceCovered(bySnapshotAt: layout.snapshot), covered > sequence else { return }
        try reload(holdingLock: true)
    }

    /// Applies the records in `bytes`, which start at file offset `base`, right after the last record read.
    private func applyRecords(_ bytes: [UInt8], at base: Int, holdingLock: Bool) throws(StoreError) -> StoreRefresh {
        guard let journal else { return StoreRefresh() }
        let scan = bytes.withUnsafeBytes { JournalScan.scanRecords($0, after: journalLastSequence) }
        if let first = scan.records.first, first.sequence != sequence + 1 {
            return try reload(holdingLock: holdingLock)
        }
        var refresh = StoreRefresh()
        let failure: DecodingFailure? = bytes.withUnsafeBytes { buffer in
            for record in scan.records {
                let payload = UnsafeRawBufferPointer(rebasing: buffer[record.payloadOffset..<record.end])
                do throws(DecodingFailure) {
                    let events = try EventCodec.decode(payload, fileOffset: base + record.payloadOffset)
                    state.apply(events)
                    if events.contains(where: \.upsertsProducts) { catalogueVersion += 1 }
                } catch {
                    return error
                }
                sequence = record.sequence
                journalLastSequence = record.sequence
                journal.end = base + record.end
                recordsSinceSnapshot += 1
                journalBytesSinceSnapshot += record.end - record.offset
                refresh.records += 1
            }
            return nil
        }
        guard holdingLock else { return refresh }
        if let failure {
            throw .corrupted(file: layout.journal, offset: failure.offset, reason: failure.reason)
        }
        if let damage = scan.damage {
            throw .corrupted(file: layout.journal, offset: base + damage.offset, reason: damage.reason)
        }
        if let torn = scan.tornTail {
            try journal.cut(to: base + scan.goodEnd)
            warnings.append("\(layout.journal): cut off an incomplete last record at byte \(base + torn.offset) (\(scan.tornBytes) bytes: \(torn.reason)); the shop continues after record \(sequence)")
        }
        return refresh
    }

    /// Another process renamed a new journal into place (a compaction). When it still holds the record
    /// after the last one applied, or is empty under a snapshot of exactly this state, reading goes on
    /// from there; otherwise the state is read again.
    private func followReplacedJournal(holdingLock: Bool) throws(StoreError) -> StoreRefresh {
        guard let handle = try JournalWriter.attach(layout.journal, writable: access == .readWrite) else {
            return try reload(holdingLock: holdingLock)
        }
        let bytes: [UInt8]
        do {
            bytes = try handle.read(from: 0)
        } catch {
            handle.close()
            throw error
        }
        let scan = JournalScan.scan(bytes)
        let snapshotCovers = Self.sequenceCovered(bySnapshotAt: layout.snapshot)
        let continues: Bool
        if let first = scan.records.first, let last = scan.records.last {
            continues = first.sequence <= sequence + 1 && last.sequence >= sequence
        } else {
            continues = snapshotCovers == sequence
        }
        guard continues, scan.damage == nil, scan.goodEnd >= JournalFormat.fileHeaderSize else {
            handle.close()
            return try reload(holdingLock: holdingLock)
        }
        let resume = scan.records.first { $0.sequence > sequence }?.offset ?? scan.goodEnd
        self.journal?.close()
        self.journal = handle
        handle.end = resume
        journalLastSequence = scan.records.last { $0.sequence <= sequence }?.sequence
        if let snapshotCovers, snapshotCovers <= sequence {
            snapshotSequence = snapshotCovers
            recordsSinceSnapshot = Int(sequence - snapshotCovers)
            journalBytesSinceSnapshot = scan.records.lazy.filter { $0.sequence > snapshotCovers && $0.sequence <= self.sequence }
                .reduce(0) { $0 + $1.end - $1.offset }
        }
        return try applyRecords(Array(bytes[resume...]), at: resume, holdingLock: holdingLock)
    }

    /// Reads the whole state again. Without the lock, a folder that looks damaged (a file being
    /// replaced, a record being appended) leaves the state as it was, for the next look.
    private func reload(holdingLock: Bool) throws(StoreError) -> StoreRefresh {
        let image: ShopImage
        let handle: JournalWriter?
        do {
            (image, handle) = try Self.readImage(layout, writable: access == .readWrite, deferring: policy.reading)
        } catch {
            if !holdingLock, case .corrupted = error { return StoreRefresh() }
            throw error
        }
        guard image.hasData else {
            handle?.close()
            return StoreRefresh()
        }
        adopt(image, journal: handle)
        if holdingLock { try repairHoldingLock(image) }
        return StoreRefresh(reloaded: true)
    }

    /// The journal sequence the snapshot file's header says it covers; nil when it is missing, not a
    /// regular file or its header is not intact.
    static func sequenceCovered(bySnapshotAt path: String) -> UInt64? {
        guard let file = OpenFile.openForReading(path) else { return nil }
        defer { file.close() }
        guard let header = try? file.read(from: 0, count: SnapshotFile.headerSize) else { return nil }
        return SnapshotFile.coveredSequence(header: header)
    }
}
