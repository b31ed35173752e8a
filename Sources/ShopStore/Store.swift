import ShopCore

public enum StoreAccess: Sendable { case readWrite, readOnly }

/// The shop's state in memory, kept on disk as an append-only journal of events plus snapshots.
///
/// Any number of processes share a data folder. A read-write store holds no lock between commits:
/// each commit takes the writers' lock, applies what other processes appended since this one last
/// looked, decides on that up-to-date state, appends and releases, then fsyncs (see `Store+Commit.swift`).
/// `refresh()` follows the others between commits. An event is written and fsynced before `execute`
/// returns, so an acknowledged command survives a crash. Used from one thread; not Sendable.
public final class Store {
    /// How long a commit waits for another process's commit before giving up with `StoreError.locked`.
    public static let defaultLockWaitSeconds = 5.0

    public let folder: DataFolder
    public let access: StoreAccess
    public let policy: SnapshotPolicy
    public internal(set) var state: ShopState
    /// Things the caller should tell the user, e.g. a torn journal tail cut off.
    public internal(set) var warnings: [String] = []
    /// The sequence number of the last journaled record applied (0 before any).
    public internal(set) var sequence: UInt64 = 0
    /// Changes whenever the catalogue's products may have changed: an import here or in another
    /// process, or the whole state read again. Screens rebuild their search index when it moves.
    public internal(set) var catalogueVersion = 0

    let layout: StoreLayout
    let lockWaitSeconds: Double
    /// The journal as this process has it open; nil before there is one, and after `close()`.
    var journal: JournalWriter?
    /// The sequence of the last record in the journal file up to `journal.end` (nil when it holds none).
    var journalLastSequence: UInt64?
    /// The lock file, kept open; the writers' lock while a commit holds it.
    let lockFile: StoreLock.File
    var heldLock: StoreLock?
    /// The journal holding records written and not fsynced yet (see `Store+Commit.swift`).
    var unsyncedJournal: JournalWriter?
    var snapshotSequence: UInt64 = 0
    var snapshotSize = 0
    var recordsSinceSnapshot = 0
    var journalBytesSinceSnapshot = 0
    var unusableReason: String?
    var isClosed = false
    /// A read-only store of a folder without data holds the seed in memory; data appearing later is read whole.
    var isSeededInMemory = false
    /// Where the events live when not in the folder's journal (see `Store+EventLog.swift`).
    var log: (any EventLog)?
    /// The last claimed message of the log copied to this machine's Maildir.
    var logMailPosition: Int64 = 0
    /// The catalogue's search index as of the last `currentSearchIndex()` (the catalogue records
    /// the positions changed since): the snapshot's, mapped, or the one built for the last snapshot.
    var searchIndex: SearchIndex?

    init(folder: DataFolder, access: StoreAccess, policy: SnapshotPolicy, lockWaitSeconds: Double) {
        self.folder = folder
        self.access = access
        self.policy = policy
        self.layout = StoreLayout(folder: folder.path)
        self.lockWaitSeconds = lockWaitSeconds
        self.lockFile = StoreLock.File(StoreLayout(folder: folder.path))
        self.state = ShopState()
    }

    deinit {
        journal?.close()
        heldLock?.release()
    }

    /// Opens (creating when missing, for readWrite) the shop in `folder`. A new folder starts with `seed`
    /// (the embedded demo catalogue), written as the first journaled event. Opening takes the writers'
    /// lock only to create and seed a folder or cut a torn journal tail. readOnly writes nothing, and on
    /// a missing folder gives the seed state in memory.
    public static func open(
        _ folder: DataFolder, access: StoreAccess, policy: SnapshotPolicy = .standard,
        lockWaitSeconds: Double = defaultLockWaitSeconds, seed: () -> [Product]
    ) throws(StoreError) -> Store {
        let store = Store(folder: folder, access: access, policy: policy, lockWaitSeconds: lockWaitSeconds)
        switch access {
        case .readOnly:
            try store.openReadOnly(seed: seed)
        case .readWrite:
            try SystemCall.makeFolder(folder.path)
            try store.openWritable(seed: seed)
        }
        return store
    }

    private func openReadOnly(seed: () -> [Product]) throws(StoreError) {
        switch SystemCall.kind(of: folder.path) {
        case .missing:
            adoptSeed(seed())
            return
        case .file, .other:
            throw .notAFolder(path: folder.path)
        case .folder:
            break
        }
        let (image, handle): (ShopImage, JournalWriter?)
        do {
            (image, handle) = try Self.readImage(layout, writable: false, deferring: policy.opening)
        } catch {
            // A record being appended right now can look damaged for an instant: read once more.
            guard case .corrupted = error else { throw error }
            (image, handle) = try Self.readImage(layout, writable: false, deferring: policy.opening)
        }
        if image.hasData {
            adopt(image, journal: handle)
        } else {
            handle?.close()
            adoptSeed(seed())
        }
    }

    private func adoptSeed(_ products: [Product]) {
        var image = ShopImage()
        if !products.isEmpty { image.state.apply(.productsUpserted(products)) }
        adopt(image, journal: nil)
        isSeededInMemory = true
    }

    private func openWritable(seed: () -> [Product]) throws(StoreError) {
        do {
            let (image, handle) = try Self.readImage(layout, writable: true, deferring: policy.opening)
            if let handle, let scan = image.journal, scan.tornTail == nil, scan.goodEnd >= JournalFormat.fileHeaderSize, image.hasData {
                adopt(image, journal: handle)
                return
            }
            handle?.close()
        } catch {
            // What looks damaged without the lock may be a record being appended: look again holding it.
            guard case .corrupted = error else { throw error }
        }
        try locked { () throws(StoreError) in
            let (image, handle) = try Self.readImage(layout, writable: true, deferring: policy.reading)
            adopt(image, journal: handle)
            try repairHoldingLock(image)
            if !image.hasData {
                let products = seed()
                if !products.isEmpty { try journalAndApply([.productsUpserted(products)]) }
            }
        }
        try syncAppended()
    }

    /// Holding the lock, after reading the folder: creates a missing journal, cuts a torn tail (no
    /// writer is appending now, so it is the remains of an interrupted write or of damage), and starts
    /// an empty journal when the snapshot covers more than the journal's last intact record, so that the
    /// next record follows the last one applied with no gap.
    func repairHoldingLock(_ image: ShopImage) throws(StoreError) {
        guard let scan = image.journal, let journal, scan.goodEnd >= JournalFormat.fileHeaderSize else {
            if let torn = image.journal?.tornTail {
                warnings.append("\(layout.journal): cut off an incomplete journal header (\(image.journal?.fileSize ?? 0) bytes: \(torn.reason)); the shop continues after record \(sequence)")
            }
            try startEmptyJournal()
            return
        }
        if let torn = scan.tornTail {
            try journal.cut(to: scan.goodEnd)
            let covered = scan.tornSequence.map { $0 <= snapshotSequence } ?? false
            let meaning = covered ? scan.tornTailMeaning(snapshotCovers: snapshotSequence) : "the shop continues after record \(sequence)"
            warnings.append("\(layout.journal): cut off an incomplete last record at byte \(torn.offset) (\(scan.tornBytes) bytes: \(torn.reason)); \(meaning)")
        }
        if let last = journalLastSequence, last < sequence {
            try startEmptyJournal()
        }
    }

    /// Replaces the journal by one holding only its header (the snapshot covers every record applied).
    func startEmptyJournal() throws(StoreError) {
        try JournalWriter.replace(in: layout, records: UnsafeRawBufferPointer(start: nil, count: 0))
        journal?.close()
        journal = try JournalWriter.open(layout.journal, end: JournalFormat.fileHeaderSize)
        journalLastSequence = nil
        journalBytesSinceSnapshot = 0
    }

    /// Takes `image` (read from the folder) as the state, with the journal handle it was read through.
    func adopt(_ image: ShopImage, journal handle: JournalWriter?) {
        state = image.state
        sequence = image.sequence
        snapshotSequence = image.snapshotSequence
        snapshotSize = image.snapshotSize
        recordsSinceSnapshot = image.recordsAfterSnapshot
        journalBytesSinceSnapshot = image.journalBytesAfterSnapshot
        warnings += image.warnings
        if journal !== handle { journal?.close() }
        journal = handle
        // Records left for the first catch-up are read from the journal again, after the last applied.
        journalLastSequence = image.deferredRecordsOffset == nil
            ? image.journal?.records.last?.sequence
            : image.journal?.records.last { $0.sequence <= image.sequence }?.sequence
        isSeededInMemory = false
        catalogueVersion += 1
        searchIndex = image.searchIndex
        if searchIndex != nil { state.catalogue.trackChanges() }
    }

    /// Reads the newest snapshot and the journal after it, and opens the journal file that was read.
    /// A writer may replace the snapshot or the journal meanwhile, so the journal is opened *before*
    /// the read and checked to be still in place after it; otherwise it reads again.
    ///
    /// Why open first: a file's identity (device, inode) only tells files apart while one of them is
    /// open. A compaction frees the journal it replaces, and the next one may give its inode to the
    /// journal it writes (ext4 does at once); a reader that only compared identities taken before and
    /// after could then take an old snapshot with a newer, emptier journal, and the records between were
    /// lost to it, and to the next record it appended. Held open, the journal read cannot lend its inode
    /// to another file: when the path still names it after the read, it named it all along, and the
    /// snapshot read meanwhile is one that goes with it (compactions write the snapshot before the journal).
    /// `afterReading` runs between the read and that check (tests replace the journal there).
    static func readImage(
        _ layout: StoreLayout, writable: Bool, deferring: DeferredReading = .none, afterReading: () -> Void = {}
    ) throws(StoreError) -> (ShopImage, JournalWriter?) {
        var attempt = 0
        while true {
            attempt += 1
            let handle = try JournalWriter.attach(layout.journal, writable: writable)
            let snapshotBefore = JournalWriter.identity(at: layout.snapshot)
            let image: ShopImage
            do throws(StoreError) {
                image = try ShopImage.read(layout, deferring: deferring)
            } catch {
                let journalReplaced = handle.map { !$0.isCurrent(at: layout.journal) } ?? SystemCall.exists(layout.journal)
                handle?.close()
                if attempt >= 5 || !(journalReplaced || JournalWriter.identity(at: layout.snapshot) != snapshotBefore) { throw error }
                continue
            }
            afterReading()
            if let handle, handle.isCurrent(at: layout.journal), let scan = image.journal {
                handle.end = image.deferredRecordsOffset ?? scan.goodEnd
                return (image, handle)
            }
            handle?.close()
            if handle == nil, image.journal == nil, !SystemCall.exists(layout.journal) { return (image, nil) }
            // The journal read was replaced (or appeared) during the read: read again, and after a few
            // tries hold the lock for one read (writers compact only holding it).
            if attempt < 5 { continue }
            if let settled = try readHoldingLock(layout, writable: writable) { return settled }
            throw StoreError.unusable(folder: layout.folder, reason: "its journal kept being replaced while it was read")
        }
    }

    /// One read of the folder holding the writer lock, for a reader that kept finding the journal
    /// replaced under it (a busy folder whose writers compact often); nil when the lock cannot be
    /// taken (a folder this process may not write) or the journal is still not the one read.
    private static func readHoldingLock(_ layout: StoreLayout, writable: Bool) throws(StoreError) -> (ShopImage, JournalWriter?)? {
        guard let lock = try? StoreLock.acquire(layout) else { return nil }
        defer { lock.release() }
        let image = try ShopImage.read(layout)
        guard let scan = image.journal else { return (image, nil) }
        guard let handle = try JournalWriter.attach(layout.journal, writable: writable) else { return nil }
        handle.end = scan.goodEnd
        return (image, handle)
    }

    /// Writes a snapshot when due (see `SnapshotPolicy`) if no other process is committing, and
    /// closes the journal. Further writes are refused; `refresh()` finds nothing more.
    public func close() throws(StoreError) {
        guard !isClosed else { return }
        if log != nil { return try closeLog() }
        defer {
            isClosed = true
            journal?.close()
            journal = nil
        }
        guard access == .readWrite, unusableReason == nil, journal != nil else { return }
        // Not behind the lock (see `locked`): records left for the first catch-up need the orders.
        state.waitForOrders()
        guard let lock = try? lockFile.acquire(waitingAtMost: 0) else { return }
        heldLock = lock
        defer {
            heldLock = nil
            lock.release()
        }
        try catchUpHoldingLock()
        if policy.isDueOnClose(
            records: recordsSinceSnapshot, journalBytes: journalBytesSinceSnapshot,
            products: state.catalogue.count, snapshotSize: snapshotSize
        ) {
            try checkpoint()
        }
    }
}
