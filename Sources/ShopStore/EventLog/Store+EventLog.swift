import ShopCore

/// The store on an `EventLog` (PostgreSQL): the same state in memory, the same decisions and the same
/// record bytes, appended optimistically. A commit catches up, decides, and appends at the sequence it
/// decided on; when another writer got there first it catches up and decides again (a bounded number
/// of times). Nothing is applied before the log said the records are durable.
extension Store {
    /// How many times a commit decides again after losing the race to another writer before giving up.
    static let logAttempts = 64
    /// Records read per round trip while catching up.
    static let logPage = 2_000

    /// Opens the shop kept in `log`. `folder` keeps only what is local to this machine (the Maildir
    /// export of the shop's mail, settings). An empty log starts with `seed` (read-write), or holds it
    /// in memory (read-only).
    public static func open(
        _ folder: DataFolder, log: any EventLog, access: StoreAccess, policy: SnapshotPolicy = .standard,
        seed: () -> [Product]
    ) throws(StoreError) -> Store {
        let store = Store(folder: folder, access: access, policy: policy, lockWaitSeconds: defaultLockWaitSeconds)
        store.log = log
        let snapshot = try store.loadFromLog(log)
        if store.sequence == 0 && snapshot == nil {
            let products = seed()
            if access == .readWrite {
                try SystemCall.makeFolder(folder.path)
                if !products.isEmpty {
                    let record = LoggedRecord(sequence: 1, bytes: JournalFormat.record(sequence: 1, payload: EventCodec.encode([.productsUpserted(products)])))
                    // Losing this race means another process seeded (or wrote) first: take what it wrote.
                    _ = try log.append([record], after: 0)
                }
                try store.catchUpFromLog()
            } else if !products.isEmpty {
                store.state.apply(.productsUpserted(products))
                store.isSeededInMemory = true
            }
        }
        // The mail's copy on this machine follows the log (read-only too, in an existing folder: it is not shop data).
        if access == .readWrite || SystemCall.kind(of: folder.path) == .folder { try? store.copyClaimedMail() }
        return store
    }

    /// Reads the newest snapshot and every record after it.
    private func loadFromLog(_ log: any EventLog) throws(StoreError) -> LoggedSnapshot? {
        let snapshot = try log.latestSnapshot()
        if let snapshot {
            let loaded = try SnapshotFile.decode(snapshot.bytes, file: "\(log.name) snapshot \(snapshot.sequence)")
            state = loaded.state
            sequence = loaded.sequence
            snapshotSequence = loaded.sequence
            snapshotSize = loaded.size
        }
        try catchUpFromLog()
        catalogueVersion += 1
        return snapshot
    }

    /// Applies every record the log holds after the last one applied.
    @discardableResult
    func catchUpFromLog() throws(StoreError) -> StoreRefresh {
        guard let log else { return StoreRefresh() }
        var refresh = StoreRefresh()
        if isSeededInMemory, try log.hasData() {
            // A read-only store held the seed in memory; the log has data now: read it whole.
            state = ShopState()
            sequence = 0
            isSeededInMemory = false
            _ = try loadFromLog(log)
            return StoreRefresh(reloaded: true)
        }
        // Bounded: each page applies `logPage` records or ends the loop.
        while true {
            let records = try log.records(after: sequence, limit: Self.logPage)
            for record in records {
                try applyLogged(record, from: log)
                refresh.records += 1
            }
            if records.count < Self.logPage { return refresh }
        }
    }

    /// Checks one record (framing, both checksums, the sequence right after the last one) and applies it.
    private func applyLogged(_ record: LoggedRecord, from log: any EventLog) throws(StoreError) {
        let place = "\(log.name) record \(record.sequence)"
        let scan = record.bytes.withUnsafeBytes { JournalScan.scanRecords($0, after: sequence) }
        if let damage = scan.damage { throw .corrupted(file: place, offset: damage.offset, reason: damage.reason) }
        if let torn = scan.tornTail { throw .corrupted(file: place, offset: torn.offset, reason: torn.reason) }
        guard scan.records.count == 1, let framed = scan.records.first, framed.end == record.bytes.count,
              framed.sequence == record.sequence else {
            throw .corrupted(file: place, offset: 0, reason: "the row does not hold exactly record \(record.sequence)")
        }
        let decoded: Result<[ShopEvent], DecodingFailure> = record.bytes.withUnsafeBytes { buffer in
            do throws(DecodingFailure) {
                return .success(try EventCodec.decode(UnsafeRawBufferPointer(rebasing: buffer[framed.payloadOffset...]), fileOffset: framed.payloadOffset))
            } catch {
                return .failure(error)
            }
        }
        let events: [ShopEvent]
        switch decoded {
        case let .success(decodedEvents): events = decodedEvents
        case let .failure(failure): throw failure.storeError(file: place)
        }
        state.apply(events)
        if events.contains(where: \.upsertsProducts) { catalogueVersion += 1 }
        sequence = record.sequence
        recordsSinceSnapshot += 1
        journalBytesSinceSnapshot += record.bytes.count
    }

    /// `refresh()` on the log: a round trip only when another writer may have committed.
    func refreshFromLog() throws(StoreError) -> StoreRefresh {
        guard let log, log.mayHaveNews() else { return StoreRefresh() }
        let refresh = try catchUpFromLog()
        if access == .readWrite || SystemCall.kind(of: folder.path) == .folder { try? copyClaimedMail() }
        return refresh
    }

    func executeOnLog(deciding command: (ShopState) -> ShopCommand) throws(StoreError) -> [ShopEvent] {
        try appendToLog { () throws(StoreError) in
            let events = try decide(command(state))
            return (events.isEmpty ? [] : [EventCodec.encode(events)], events, events)
        }
    }

    func executeAllOnLog(_ commands: [ShopCommand]) throws(StoreError) -> [Result<[ShopEvent], ShopError>] {
        try appendToLog { () throws(StoreError) in
            var scratch = state
            var results: [Result<[ShopEvent], ShopError>] = []
            var payloads: [[UInt8]] = []
            var applied: [ShopEvent] = []
            for command in commands {
                do throws(ShopError) {
                    let events = try scratch.decide(command)
                    scratch.apply(events)
                    if !events.isEmpty { payloads.append(EventCodec.encode(events)) }
                    applied += events
                    results.append(.success(events))
                } catch {
                    results.append(.failure(error))
                }
            }
            return (payloads, applied, results)
        }
    }

    /// Catch up, decide (`decision` gives the payloads of the records, the events they hold in order,
    /// and the answer), append at the next sequence, all under the log's writer lock, so writers decide
    /// one after the other on the up-to-date state. A conflict (a writer that did not take the lock)
    /// catches up and decides again. The events are applied once the commit is durable.
    private func appendToLog<T>(_ decision: () throws(StoreError) -> (payloads: [[UInt8]], events: [ShopEvent], answer: T)) throws(StoreError) -> T {
        guard let log else { throw .unusable(folder: folder.path, reason: "the store is closed") }
        for _ in 0..<Self.logAttempts {
            let attempt = try log.exclusively { () throws(StoreError) -> LogAttempt<T> in
                try catchUpFromLog()
                let (payloads, events, answer) = try decision()
                guard !payloads.isEmpty else { return .decidedNothing(answer) }
                if let tooLarge = payloads.first(where: { $0.count > Int(UInt32.max) }) { throw .recordTooLarge(bytes: tooLarge.count) }
                let first = sequence + 1
                let records = payloads.enumerated().map { index, payload in
                    let number = first + UInt64(index)
                    return LoggedRecord(sequence: number, bytes: JournalFormat.record(sequence: number, payload: payload))
                }
                switch try log.append(records, after: sequence) {
                case .appended: return .appended(records, events, answer)
                case .conflict: return .conflict
                }
            }
            switch attempt {
            case let .decidedNothing(answer):
                return answer
            case let .appended(records, events, answer):
                state.apply(events)
                if events.contains(where: \.upsertsProducts) { catalogueVersion += 1 }
                sequence += UInt64(records.count)
                recordsSinceSnapshot += records.count
                journalBytesSinceSnapshot += records.reduce(0) { $0 + $1.bytes.count }
                snapshotToLogIfDue()
                return answer
            case .conflict:
                continue
            }
        }
        throw .contended(store: log.name, attempts: Self.logAttempts)
    }

    func snapshotToLog() throws(StoreError) {
        guard let log else { return }
        try catchUpFromLog()
        let bytes = SnapshotFile.encodedBytes(state, sequence: sequence)
        try log.saveSnapshot(bytes, sequence: sequence)
        snapshotSequence = sequence
        snapshotSize = bytes.count
        recordsSinceSnapshot = 0
        journalBytesSinceSnapshot = 0
    }

    /// The automatic snapshot: a failure leaves the commit as it is (its records are durable) and warns.
    func snapshotToLogIfDue() {
        guard policy.isDue(records: recordsSinceSnapshot, journalBytes: journalBytesSinceSnapshot) else { return }
        do {
            try snapshotToLog()
        } catch {
            warnings.append("automatic snapshot failed (the changes themselves are safely stored): \(error)")
        }
    }

    func closeLog() throws(StoreError) {
        defer {
            isClosed = true
            log?.close()
        }
        guard access == .readWrite, unusableReason == nil else { return }
        if policy.isDueOnClose(
            records: recordsSinceSnapshot, journalBytes: journalBytesSinceSnapshot,
            products: state.catalogue.count, snapshotSize: snapshotSize
        ) {
            try? snapshotToLog()
        }
    }

    /// Mail on the log: each message the outbox holds is claimed (the claim keeps its bytes, so every
    /// machine can show it), exactly one process wins each claim; then the delivery is recorded, and
    /// every claimed message is copied to this machine's Maildir.
    func deliverMailThroughLog(exportingTo maildir: Maildir) throws -> Int {
        guard let log else { return 0 }
        let outbox = state.commerce.outbox
        guard let last = outbox.map(\.sequence).max() else { return 0 }
        var claimed = 0
        for message in outbox {
            guard let rendered = message.shopMessage else { continue }
            if try log.claimMessage(key: MaildirName.key(for: message), bytes: rendered.rendered()) { claimed += 1 }
        }
        try execute(.commerce(.markMessagesDelivered(upTo: last), at: ShopInstant(secondsSince1970: 0), entropy: 0))
        try copyClaimedMail(to: maildir)
        return claimed
    }

    /// Copies the messages claimed since the last copy into this machine's Maildir (by name, once).
    func copyClaimedMail(to given: Maildir? = nil) throws {
        guard let log else { return }
        let messages = try log.messages(after: logMailPosition)
        guard !messages.isEmpty else { return }
        let maildir = try given ?? Maildir(dataFolder: folder.path)
        for message in messages {
            try maildir.deliverOnce(key: message.key, bytes: message.bytes)
            logMailPosition = message.position
        }
    }
}

/// How one attempt of a commit on the log ended.
private enum LogAttempt<T> {
    case decidedNothing(T)
    case appended([LoggedRecord], [ShopEvent], T)
    case conflict
}
