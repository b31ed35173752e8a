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
    /// The catalogue's search index from the snapshot, brought up to date with the journal after it;
    /// nil when the snapshot has none to give.
    var searchIndex: SearchIndex?
    /// Why the snapshot's search index section could not be used, when it could not (also in `warnings`).
    var indexWarning: String?
    /// Where the first journal record left for the first catch-up starts (`DeferredReading.tradeRecords`);
    /// nil when every record was applied.
    var deferredRecordsOffset: Int?

    var hasData: Bool { snapshotFile != nil || journal != nil }

    /// Reads the folder strictly: damage that may have held a record the snapshot does not cover throws
    /// `StoreError.corrupted`; damage to records the snapshot covers only adds a warning (the snapshot
    /// holds their changes). A torn journal tail is only reported in `journal.tornTail` (the caller cuts
    /// it off or, read-only, ignores it).
    /// What `deferring` allows is left for later: a snapshot's orders and tickets read on another thread
    /// (`BackgroundOrders`), and then the journal records that change the trade state.
    static func read(_ layout: StoreLayout, deferring: DeferredReading = .none) throws(StoreError) -> ShopImage {
        var image = ShopImage()
        if let snapshot = try SnapshotFile.load(layout.snapshot, ordersInBackgroundFrom: deferring.ordersFromBytes) {
            image.adopt(snapshot, file: layout.snapshot)
        } else if let previous = try SnapshotFile.load(layout.previousSnapshot, ordersInBackgroundFrom: deferring.ordersFromBytes) {
            image.adopt(previous, file: layout.previousSnapshot)
            image.warnings.append("\(layout.snapshot) is missing: started from \(layout.previousSnapshot)")
        }
        guard let bytes = try SystemCall.readFile(layout.journal) else { return image }
        let scan = JournalScan.scan(bytes)
        image.journal = scan
        if let header = scan.headerDamage {
            throw .corrupted(file: layout.journal, offset: header.offset, reason: header.reason)
        }
        if let damage = scan.damages.first(where: { $0.mayHoldRecords(after: image.snapshotSequence) }) {
            throw .corrupted(file: layout.journal, offset: damage.offset, reason: damage.reason)
        }
        if let failure = image.replay(scan, bytes: bytes, deferringTradeRecords: deferring.tradeRecords) {
            throw failure.storeError(file: layout.journal)
        }
        if let damage = scan.damages.first {
            let more = scan.damages.count > 1 ? " (and \(scan.damages.count - 1) more damaged stretches, all covered)" : ""
            image.warnings.append("\(layout.journal) is damaged at byte \(damage.offset) (\(damage.reason)), in \(damage.heldDescription), which the snapshot covers\(more): nothing is lost; 'comptoir store recover' rewrites the journal without it")
        }
        return image
    }

    mutating func adopt(_ snapshot: SnapshotFile.Loaded, file: String) {
        state = snapshot.state
        sequence = snapshot.sequence
        snapshotSequence = snapshot.sequence
        snapshotSize = snapshot.size
        snapshotFile = file
        searchIndex = snapshot.searchIndex
        if let problem = snapshot.indexProblem {
            indexWarning = "\(problem): the search index is built from the products instead"
            warnings.append(indexWarning!)
        }
    }

    /// Applies the intact records after the snapshot, which must follow it and each other without a gap;
    /// stops at the first record that cannot be used and returns why (a gap in sequence numbers, or
    /// undecodable events). Records before it stay applied. Records the snapshot covers are skipped,
    /// and so are gaps among them. With `deferringTradeRecords`, while the snapshot's orders are being
    /// read, and when every trade change after the snapshot is the progress of orders, records from the
    /// first that changes the trade state on are checked but not applied (`deferredRecordsOffset`).
    mutating func replay(_ scan: JournalScan, bytes: [UInt8], deferringTradeRecords: Bool = false) -> DecodingFailure? {
        let fresh = scan.records.drop { $0.sequence <= snapshotSequence }
        if let first = fresh.first, first.sequence != snapshotSequence + 1 {
            let covered = snapshotSequence == 0 ? "no snapshot covers them" : "the snapshot covers up to \(snapshotSequence)"
            let missing = first.sequence - 1 == snapshotSequence + 1 ? "record \(snapshotSequence + 1) is" : "records \(snapshotSequence + 1) to \(first.sequence - 1) are"
            return DecodingFailure(offset: first.offset, reason: "\(missing) missing from the journal (\(covered))")
        }
        // The products the records change are refreshed in the snapshot's index once they are applied.
        if searchIndex != nil { state.catalogue.trackChanges() }
        defer { updateSearchIndex() }
        let defersTrade = deferringTradeRecords && state.isWaitingForOrders && Self.onlyOrderProgress(in: fresh, of: bytes)
        return bytes.withUnsafeBytes { buffer -> DecodingFailure? in
            var previous = sequence
            for record in fresh {
                if record.sequence != previous + 1 {
                    return DecodingFailure(offset: record.offset,
                        reason: "record sequence \(record.sequence) follows \(previous) (expected \(previous + 1))")
                }
                previous = record.sequence
                let payload = UnsafeRawBufferPointer(rebasing: buffer[record.payloadOffset..<record.end])
                do throws(DecodingFailure) {
                    let events = try EventCodec.decode(payload, fileOffset: record.payloadOffset)
                    if deferredRecordsOffset == nil, defersTrade, events.contains(where: \.changesTradeState) {
                        deferredRecordsOffset = record.offset
                    }
                    if deferredRecordsOffset != nil { continue }
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

    /// Whether every trade change in `records` is the progress of orders (`ShopEvent.isOrderProgress`):
    /// then they may be left for later. A cart, a session, an account, the clock or a merchant's change
    /// is what a screen shows of its own customer and shop, and is applied on opening with the rest.
    private static func onlyOrderProgress(in records: ArraySlice<JournalRecord>, of bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            records.allSatisfy { record in
                let payload = UnsafeRawBufferPointer(rebasing: buffer[record.payloadOffset..<record.end])
                guard let events = try? EventCodec.decode(payload, fileOffset: record.payloadOffset) else { return false }
                return events.allSatisfy { !$0.changesTradeState || $0.isOrderProgress }
            }
        }
    }

    /// Refreshes the snapshot's index for the products the journal changed (as an overlay: its arrays
    /// stay mapped); drops it when the changes were not followed.
    private mutating func updateSearchIndex() {
        guard var index = searchIndex else { return }
        searchIndex = nil
        guard let changed = state.catalogue.takeChangedPositions(), index.count <= state.catalogue.count else { return }
        if !changed.isEmpty || index.count < state.catalogue.count {
            index.update(from: state.catalogue, changed: changed)
        }
        searchIndex = index
    }
}

/// What reading a data folder may leave for later (see `SnapshotPolicy`).
struct DeferredReading {
    /// A snapshot's orders and tickets of this many bytes or more are read on another thread.
    var ordersFromBytes = Int.max
    /// Journal records that change the trade state are left to the first catch-up while those are read.
    var tradeRecords = false

    static let none = DeferredReading()
}
