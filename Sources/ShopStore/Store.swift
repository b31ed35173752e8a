import ShopCore

public enum StoreAccess: Sendable { case readWrite, readOnly }

/// The shop's state in memory, kept on disk as an append-only journal of events plus snapshots.
/// An event is written and fsynced before `execute` returns, so an acknowledged command survives a crash.
/// Used from one thread; not Sendable.
public final class Store {
    public let folder: DataFolder
    public let access: StoreAccess
    public let policy: SnapshotPolicy
    public private(set) var state: ShopState
    /// Things the caller should tell the user, e.g. a torn journal tail cut off on open.
    public private(set) var warnings: [String]
    /// The sequence number of the last journaled record (0 before any).
    public private(set) var sequence: UInt64

    private let layout: StoreLayout
    private var lock: StoreLock?
    private var journal: JournalWriter?
    private var snapshotSequence: UInt64
    private var snapshotSize: Int
    private var recordsSinceSnapshot: Int
    private var journalBytesSinceSnapshot: Int
    private var unusableReason: String?

    private init(folder: DataFolder, access: StoreAccess, policy: SnapshotPolicy, image: ShopImage) {
        self.folder = folder
        self.access = access
        self.policy = policy
        self.layout = StoreLayout(folder: folder.path)
        self.state = image.state
        self.warnings = image.warnings
        self.sequence = image.sequence
        self.snapshotSequence = image.snapshotSequence
        self.snapshotSize = image.snapshotSize
        self.recordsSinceSnapshot = image.recordsAfterSnapshot
        self.journalBytesSinceSnapshot = image.journalBytesAfterSnapshot
    }

    deinit {
        journal?.close()
        lock?.release()
    }

    /// Opens (creating when missing, for readWrite) the shop in `folder`. A new folder starts with `seed`
    /// (the embedded demo catalogue), written as the first journaled event. readOnly takes no lock, writes
    /// nothing, and on a missing folder gives the seed state in memory.
    public static func open(
        _ folder: DataFolder, access: StoreAccess, policy: SnapshotPolicy = .standard, seed: () -> [Product]
    ) throws(StoreError) -> Store {
        let layout = StoreLayout(folder: folder.path)
        switch access {
        case .readOnly:
            return try openReadOnly(folder, layout: layout, policy: policy, seed: seed)
        case .readWrite:
            try SystemCall.makeFolder(folder.path)
            let lock = try StoreLock.acquire(layout)
            do {
                return try openWritable(folder, layout: layout, policy: policy, lock: lock, seed: seed)
            } catch {
                lock.release()
                throw error
            }
        }
    }

    private static func openReadOnly(
        _ folder: DataFolder, layout: StoreLayout, policy: SnapshotPolicy, seed: () -> [Product]
    ) throws(StoreError) -> Store {
        switch SystemCall.kind(of: folder.path) {
        case .missing:
            return Store(folder: folder, access: .readOnly, policy: policy, image: seededImage(seed()))
        case .file, .other:
            throw .notAFolder(path: folder.path)
        case .folder:
            break
        }
        // A writer may replace the snapshot or the journal between our reading one and the other; when
        // a failed read saw either file replaced, reading again gives a consistent pair.
        var attempt = 0
        while true {
            attempt += 1
            let before = (SystemCall.identity(of: layout.snapshot), SystemCall.identity(of: layout.journal))
            do {
                var image = try ShopImage.read(layout)
                if !image.hasData { image = seededImage(seed()) }
                return Store(folder: folder, access: .readOnly, policy: policy, image: image)
            } catch {
                let after = (SystemCall.identity(of: layout.snapshot), SystemCall.identity(of: layout.journal))
                if attempt >= 5 || before == after { throw error }
            }
        }
    }

    private static func seededImage(_ products: [Product]) -> ShopImage {
        var image = ShopImage()
        if !products.isEmpty { image.state.apply(.productsUpserted(products)) }
        return image
    }

    private static func openWritable(
        _ folder: DataFolder, layout: StoreLayout, policy: SnapshotPolicy, lock: StoreLock, seed: () -> [Product]
    ) throws(StoreError) -> Store {
        let image = try ShopImage.read(layout)
        let store = Store(folder: folder, access: .readWrite, policy: policy, image: image)
        store.lock = lock
        if let scan = image.journal {
            if let torn = scan.tornTail {
                store.warnings.append("\(layout.journal): cut off an unfinished last record at byte \(torn.offset) (\(scan.tornBytes) bytes: \(torn.reason)); \(scan.tornTailMeaning(snapshotCovers: image.snapshotSequence))")
            }
            if scan.goodEnd < JournalFormat.fileHeaderSize {
                try JournalWriter.replace(in: layout, records: UnsafeRawBufferPointer(start: nil, count: 0))
                store.journal = try JournalWriter.open(layout.journal, end: JournalFormat.fileHeaderSize)
            } else {
                store.journal = try JournalWriter.open(layout.journal, end: scan.goodEnd)
            }
        } else {
            try JournalWriter.replace(in: layout, records: UnsafeRawBufferPointer(start: nil, count: 0))
            store.journal = try JournalWriter.open(layout.journal, end: JournalFormat.fileHeaderSize)
        }
        if !image.hasData {
            let products = seed()
            if !products.isEmpty { try store.journalAndApply([.productsUpserted(products)]) }
        }
        return store
    }

    /// Decides the command on the current state (`ShopState.decide`), journals the events (written and
    /// fsynced) and only then applies them and returns. A domain refusal is `StoreError.rejected`.
    @discardableResult
    public func execute(_ command: ShopCommand) throws(StoreError) -> [ShopEvent] {
        try checkWritable()
        let events: [ShopEvent]
        do {
            events = try state.decide(command)
        } catch {
            throw .rejected(error)
        }
        guard !events.isEmpty else { return events }
        try journalAndApply(events)
        if policy.isDue(records: recordsSinceSnapshot, journalBytes: journalBytesSinceSnapshot) {
            do {
                try checkpoint()
            } catch {
                warnings.append("automatic snapshot failed (the change itself is safely journaled): \(error)")
            }
        }
        return events
    }

    /// Group commit: decides the commands one after the other (each on the state the previous ones left),
    /// journals one record per accepted command with a single write and a single fsync, then applies them.
    /// Each command's result is its events or the domain's refusal; an I/O failure throws and applies none.
    @discardableResult
    public func executeAll(_ commands: [ShopCommand]) throws(StoreError) -> [Result<[ShopEvent], ShopError>] {
        try checkWritable()
        guard let journal else { throw .unusable(folder: folder.path, reason: "the store is closed") }
        var scratch = state
        var results: [Result<[ShopEvent], ShopError>] = []
        var payloads: [[UInt8]] = []
        results.reserveCapacity(commands.count)
        for command in commands {
            do {
                let events = try scratch.decide(command)
                scratch.apply(events)
                if !events.isEmpty { payloads.append(EventCodec.encode(events)) }
                results.append(.success(events))
            } catch {
                results.append(.failure(error))
            }
        }
        guard !payloads.isEmpty else { return results }
        let size: Int
        do {
            size = try journal.append(firstSequence: sequence + 1, payloads: payloads)
        } catch {
            refuseWritesAfterFailed(error)
            throw error
        }
        sequence += UInt64(payloads.count)
        recordsSinceSnapshot += payloads.count
        journalBytesSinceSnapshot += size
        state = scratch
        if policy.isDue(records: recordsSinceSnapshot, journalBytes: journalBytesSinceSnapshot) {
            do {
                try checkpoint()
            } catch {
                warnings.append("automatic snapshot failed (the changes themselves are safely journaled): \(error)")
            }
        }
        return results
    }

    private func journalAndApply(_ events: [ShopEvent]) throws(StoreError) {
        guard let journal else { throw .unusable(folder: folder.path, reason: "the store is closed") }
        let next = sequence + 1
        let size: Int
        do {
            size = try journal.append(sequence: next, payload: EventCodec.encode(events))
        } catch {
            refuseWritesAfterFailed(error)
            throw error
        }
        sequence = next
        recordsSinceSnapshot += 1
        journalBytesSinceSnapshot += size
        state.apply(events)
    }

    /// After a failed write or fsync the file's state on disk is uncertain (a failed fsync may have
    /// dropped pages), so no further write is trusted until a reopen re-reads the journal. A record
    /// that is too large changes nothing and does not count.
    private func refuseWritesAfterFailed(_ error: StoreError) {
        if case .recordTooLarge = error { return }
        unusableReason = "a journal write failed: \(error)"
    }

    private func checkWritable() throws(StoreError) {
        guard access == .readWrite else { throw .readOnly(folder: folder.path) }
        if let unusableReason { throw .unusable(folder: folder.path, reason: unusableReason) }
        guard journal != nil else { throw .unusable(folder: folder.path, reason: "the store is closed") }
    }

    /// Writes a snapshot of the current state now (the previous one is kept as `snapshot.prev`).
    public func snapshot() throws(StoreError) {
        try checkWritable()
        snapshotSize = try SnapshotFile.write(state, sequence: sequence, in: layout)
        snapshotSequence = sequence
        recordsSinceSnapshot = 0
        journalBytesSinceSnapshot = 0
    }

    /// Snapshot, then drop the journal records it covers.
    public func compact() throws(StoreError) {
        try snapshot()
        try rewriteJournal(keepingAfter: sequence)
    }

    /// The automatic snapshot: the journal keeps the records after the *previous* snapshot, so that
    /// either snapshot file plus the journal rebuilds the whole state.
    private func checkpoint() throws(StoreError) {
        let previous = snapshotSequence
        try snapshot()
        try rewriteJournal(keepingAfter: previous)
    }

    private func rewriteJournal(keepingAfter kept: UInt64) throws(StoreError) {
        guard let current = journal else { return }
        guard let bytes = try SystemCall.readFile(layout.journal) else { return }
        let scan = JournalScan.scan(bytes)
        // Damage the snapshot covers is left in place for `recover`, which keeps the damaged file.
        if !scan.damages.isEmpty { return }
        let start = scan.records.first { $0.sequence > kept }?.offset ?? scan.goodEnd
        if start == JournalFormat.fileHeaderSize { return }
        let end = scan.goodEnd
        current.close()
        journal = nil
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
            journal = try JournalWriter.open(layout.journal, end: JournalFormat.fileHeaderSize + end - start)
        } catch {
            unusableReason = "rewriting the journal failed: \(error)"
            throw error
        }
    }

    /// Snapshots when due (see `SnapshotPolicy`) and releases the lock. Further writes are refused.
    public func close() throws(StoreError) {
        guard access == .readWrite, journal != nil else { return }
        defer {
            journal?.close()
            journal = nil
            lock?.release()
            lock = nil
        }
        if unusableReason == nil, policy.isDueOnClose(
            records: recordsSinceSnapshot, journalBytes: journalBytesSinceSnapshot,
            products: state.catalogue.count, snapshotSize: snapshotSize
        ) {
            try checkpoint()
        }
    }
}
