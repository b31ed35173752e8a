/// Snapshots and compaction, always holding the writers' lock on the caught-up state, so that no other
/// process appends meanwhile; the others notice the journal renamed over theirs before they append.
extension Store {
    /// Writes a snapshot of the current state now (the previous one is kept as `snapshot.prev`).
    public func snapshot() throws(StoreError) {
        try checkWritable()
        if log != nil { return try snapshotToLog() }
        try commit { () throws(StoreError) in try writeSnapshot() }
    }

    /// Snapshot, then drop the journal records it covers.
    public func compact() throws(StoreError) {
        try checkWritable()
        // The log keeps every record (the shop's history); a snapshot is what shortens an open.
        if log != nil { return try snapshotToLog() }
        try commit { () throws(StoreError) in
            try writeSnapshot()
            try rewriteJournal(keepingAfter: sequence)
        }
    }

    private func writeSnapshot() throws(StoreError) {
        snapshotSize = try SnapshotFile.write(state, sequence: sequence, index: searchIndexForSnapshot(), in: layout)
        snapshotSequence = sequence
        recordsSinceSnapshot = 0
        journalBytesSinceSnapshot = 0
    }

    /// The automatic snapshot after a commit, when the policy says it is due. A failure does not undo
    /// the commit (its records are safely journaled): it becomes a warning.
    func snapshotIfDue() {
        if log != nil { return snapshotToLogIfDue() }
        guard policy.isDue(records: recordsSinceSnapshot, journalBytes: journalBytesSinceSnapshot) else { return }
        do {
            try checkpoint()
        } catch {
            warnings.append("automatic snapshot failed (the changes themselves are safely journaled): \(error)")
        }
    }

    /// The automatic snapshot, holding the lock: the journal keeps the records after the *previous*
    /// snapshot, so that either snapshot file plus the journal rebuilds the whole state.
    func checkpoint() throws(StoreError) {
        let previous = snapshotSequence
        try writeSnapshot()
        try rewriteJournal(keepingAfter: previous)
    }

    private func rewriteJournal(keepingAfter kept: UInt64) throws(StoreError) {
        guard let current = journal else { return }
        let bytes = try current.read(from: 0)
        let scan = JournalScan.scan(bytes)
        // Damage the snapshot covers stays where it is, for `store recover` to read; the journal is
        // rewritten once it is repaired.
        if !scan.damages.isEmpty { return }
        let start = scan.records.first { $0.sequence > kept }?.offset ?? scan.goodEnd
        if start == JournalFormat.fileHeaderSize { return }
        let end = scan.goodEnd
        let firstKept = scan.records.first { $0.sequence > kept }
        do throws(StoreError) {
            let replaced: Result<Void, StoreError> = bytes.withUnsafeBytes { buffer in
                do throws(StoreError) {
                    try JournalWriter.replace(in: layout, records: UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
            try replaced.get()
            // The new file holds every record, fsynced: nothing written before is left to sync.
            if unsyncedJournal === current { unsyncedJournal = nil }
            current.close()
            journal = nil
            journal = try JournalWriter.open(layout.journal, end: JournalFormat.fileHeaderSize + end - start)
            if firstKept == nil { journalLastSequence = nil }
        } catch {
            unusableReason = "rewriting the journal failed: \(error)"
            throw error
        }
    }
}
