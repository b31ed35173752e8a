import ShopCore

/// A commit: take the writers' lock (waiting a few seconds at most for another process's commit),
/// apply what the others appended since this process last looked, decide on that up-to-date state,
/// append, release, then fsync before answering. The sequence stays gapless because only the lock
/// holder appends, right after the last record it has read.
///
/// The fsync comes after the lock is released, so that the next writer appends while this one waits
/// for the disk, and the system joins the writers' fsyncs into one flush of the file: a group commit
/// across processes. It is safe because an fsync makes everything written to the file before it
/// durable: when a writer's fsync returns, its record and every record before it are on disk, so no
/// answered commit can ever depend on one that is lost. A record that others read before its own
/// fsync returned is at worst lost together with theirs (a power cut before any fsync), never
/// answered. If the fsync fails the store refuses further writes, and the file is not cut back:
/// others may have appended after the record.
extension Store {
    /// Decides the command on the current state (`ShopState.decide`), journals the events (written and
    /// fsynced) and only then applies them and returns. A domain refusal is `StoreError.rejected`.
    @discardableResult
    public func execute(_ command: ShopCommand) throws(StoreError) -> [ShopEvent] {
        try execute { _ in command }
    }

    /// Like `execute(_:)`, with the command made from the state it is decided on, so that what it
    /// depends on (shop time: the clock offset others may have moved) is read as of the commit.
    /// The command is first decided on the state as of a look at what others appended, without the
    /// lock: a refusal, or a command that changes nothing, needs no lock. Otherwise it is decided
    /// again holding the lock.
    @discardableResult
    public func execute(deciding command: (ShopState) -> ShopCommand) throws(StoreError) -> [ShopEvent] {
        try checkWritable()
        if log != nil { return try executeOnLog(deciding: command) }
        if heldLock == nil {
            try catchUp(holdingLock: false)
            if try decide(command(state)).isEmpty { return [] }
        }
        return try commit { () throws(StoreError) in
            let events = try decide(command(state))
            guard !events.isEmpty else { return events }
            try journalAndApply(events)
            snapshotIfDue()
            return events
        }
    }

    /// Group commit: decides the commands one after the other (each on the state the previous ones left),
    /// journals one record per accepted command with a single write and a single fsync, then applies them.
    /// Each command's result is its events or the domain's refusal; an I/O failure throws and applies none.
    @discardableResult
    public func executeAll(_ commands: [ShopCommand]) throws(StoreError) -> [Result<[ShopEvent], ShopError>] {
        try checkWritable()
        if log != nil { return try executeAllOnLog(commands) }
        return try commit { () throws(StoreError) in
            guard let journal else { throw .unusable(folder: folder.path, reason: "the store is closed") }
            var scratch = state
            var results: [Result<[ShopEvent], ShopError>] = []
            var payloads: [[UInt8]] = []
            var catalogueChanged = false
            results.reserveCapacity(commands.count)
            for command in commands {
                do throws(ShopError) {
                    let events = try scratch.decide(command)
                    scratch.apply(events)
                    if !events.isEmpty { payloads.append(EventCodec.encode(events)) }
                    catalogueChanged = catalogueChanged || events.contains(where: \.upsertsProducts)
                    results.append(.success(events))
                } catch {
                    results.append(.failure(error))
                }
            }
            guard !payloads.isEmpty else { return results }
            let size: Int
            do throws(StoreError) {
                size = try journal.append(firstSequence: sequence + 1, payloads: payloads, sync: false)
                unsyncedJournal = journal
            } catch {
                refuseWritesAfterFailed(error)
                throw error
            }
            sequence += UInt64(payloads.count)
            journalLastSequence = sequence
            recordsSinceSnapshot += payloads.count
            journalBytesSinceSnapshot += size
            state = scratch
            if catalogueChanged { catalogueVersion += 1 }
            snapshotIfDue()
            return results
        }
    }

    /// Runs `body` holding the writers' lock, on the state caught up with every record others
    /// appended, then makes what it appended durable: after releasing the lock, or at once when the
    /// lock belongs to an enclosing commit (whose work, such as mail, follows only durable records).
    func commit<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let result = try locked { () throws(StoreError) in
            try catchUpHoldingLock()
            return try body()
        }
        try syncAppended()
        return result
    }

    /// Runs `body` holding the writers' lock; a call made while it is held (a commit inside another's
    /// body) runs at once. Orders still being read are waited for first: other processes must not
    /// wait for this one's reading behind the lock.
    func locked<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        if heldLock != nil { return try body() }
        state.waitForOrders()
        let lock = try lockFile.acquire(waitingAtMost: lockWaitSeconds)
        heldLock = lock
        defer {
            heldLock = nil
            lock.release()
        }
        return try body()
    }

    /// Fsyncs the journal if records were appended since the last fsync.
    func syncAppended() throws(StoreError) {
        guard let pending = unsyncedJournal else { return }
        unsyncedJournal = nil
        do {
            try pending.sync()
        } catch {
            unusableReason = "a journal write may not have reached the disk: \(error)"
            throw error
        }
    }

    /// Runs `body` holding the writers' lock on the caught-up state, for work that must not interleave
    /// with other processes' commits (writing the mail the outbox holds, then journaling that it went).
    public func withCommitLock<T>(_ body: () throws -> T) throws -> T {
        try checkWritable()
        if log != nil {
            try catchUpFromLog()
            return try body()
        }
        let outcome: Result<T, any Error> = try commit { () throws(StoreError) in Result { try body() } }
        return try outcome.get()
    }

    func decide(_ command: ShopCommand) throws(StoreError) -> [ShopEvent] {
        do {
            return try state.decide(command)
        } catch {
            throw .rejected(error)
        }
    }

    /// Appends one record holding `events` right after the last one applied, then applies them.
    /// Only while holding the lock; `syncAppended()` makes it durable.
    func journalAndApply(_ events: [ShopEvent]) throws(StoreError) {
        guard let journal else { throw .unusable(folder: folder.path, reason: "the store is closed") }
        let next = sequence + 1
        let size: Int
        do {
            size = try journal.append(sequence: next, payload: EventCodec.encode(events), sync: false)
            unsyncedJournal = journal
        } catch {
            refuseWritesAfterFailed(error)
            throw error
        }
        sequence = next
        journalLastSequence = next
        recordsSinceSnapshot += 1
        journalBytesSinceSnapshot += size
        state.apply(events)
        if events.contains(where: \.upsertsProducts) { catalogueVersion += 1 }
    }

    /// After a failed write or fsync the file's state on disk is uncertain (a failed fsync may have
    /// dropped pages), so no further write is trusted until a reopen re-reads the journal. A record
    /// that is too large changes nothing and does not count.
    func refuseWritesAfterFailed(_ error: StoreError) {
        if case .recordTooLarge = error { return }
        unusableReason = "a journal write failed: \(error)"
    }

    func checkWritable() throws(StoreError) {
        guard access == .readWrite else { throw .readOnly(folder: log?.name ?? folder.path) }
        if let unusableReason { throw .unusable(folder: log?.name ?? folder.path, reason: unusableReason) }
        guard !isClosed, journal != nil || log != nil else { throw .unusable(folder: folder.path, reason: "the store is closed") }
    }
}

extension ShopEvent {
    /// Whether the event adds or replaces products, or changes what search sees of them (price,
    /// stock, listing): the search index must follow.
    var upsertsProducts: Bool {
        switch self {
        case .productsUpserted, .commerce(.backOffice(.priceSet)), .commerce(.backOffice(.stockSet)),
             .commerce(.backOffice(.listingChanged)):
            return true
        default:
            return false
        }
    }
}
