import ShopCore

/// Moving a shop between a data folder and an event log, either way: the whole state at its sequence,
/// as a snapshot, so the target goes on numbering records right after the source's last one.
extension Store {
    /// Copies this store's shop into `log`, which must hold no shop yet. The mail stays where it is.
    public func copy(to log: any EventLog) throws(StoreError) {
        if try log.hasData() {
            throw .unusable(folder: log.name, reason: "it already holds a shop: copy only into an empty store")
        }
        try log.saveSnapshot(SnapshotFile.encodedBytes(state, sequence: sequence), sequence: sequence)
    }

    /// Copies this store's shop into `target`, a folder that must hold no shop data yet: a snapshot
    /// at this store's sequence and an empty journal.
    public func copy(toFolder target: DataFolder) throws(StoreError) {
        let layout = StoreLayout(folder: target.path)
        switch SystemCall.kind(of: target.path) {
        case .file, .other: throw .notAFolder(path: target.path)
        case .folder, .missing: break
        }
        try SystemCall.makeFolder(target.path)
        let lock = try StoreLock.acquire(layout)
        defer { lock.release() }
        if layout.hasData {
            throw .unusable(folder: target.path, reason: "it already holds a shop: copy only into a folder without shop data")
        }
        try SnapshotFile.write(state, sequence: sequence, in: layout)
        try JournalWriter.replace(in: layout, records: UnsafeRawBufferPointer(start: nil, count: 0))
    }

    /// Whether this store holds a shop of its own (not only the seed held in memory by a read-only open).
    public var holdsData: Bool { !isSeededInMemory }
}
