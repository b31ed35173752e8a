import ShopCore

/// What `Store.verify(log:)` found in an event log: every record's framing, checksums and events, the
/// sequence without gaps, the newest snapshot, and the state they give.
public struct LogVerificationReport: Sendable, Equatable, CustomStringConvertible {
    public var store: String
    public var schemaVersion: Int?
    public var records = 0
    public var firstSequence: UInt64?
    public var lastRecordSequence: UInt64?
    /// Sequences missing between the first record (or the snapshot) and the last.
    public var gaps: [ClosedRange<UInt64>] = []
    /// Each record that is not intact: which and why.
    public var damagedRecords: [String] = []
    public var snapshotSequence: UInt64?
    public var snapshotBytes = 0
    public var lastSequence: UInt64 = 0
    public var products = 0
    public var cartLines = 0
    public var stateDigest: String?
    public var problem: StoreError?

    public init(store: String) { self.store = store }

    public var isClean: Bool { problem == nil && gaps.isEmpty && damagedRecords.isEmpty }
    public var hasData: Bool { records > 0 || snapshotSequence != nil }

    public var description: String {
        var lines: [String] = []
        if let schemaVersion { lines.append("schema: version \(schemaVersion)") }
        guard hasData || problem != nil else { return (lines + ["\(store): no shop data yet"]).joined(separator: "\n") }
        lines.append("snapshot: " + (snapshotSequence.map { "covers record \($0), \(snapshotBytes) bytes" } ?? "none"))
        if let first = firstSequence, let last = lastRecordSequence {
            lines.append(first == last ? "events: 1 intact record, \(first)" : "events: \(records) intact records, \(first)–\(last)")
        } else {
            lines.append("events: no records")
        }
        for damage in damagedRecords { lines.append("damaged: \(damage)") }
        for gap in gaps {
            lines.append(gap.lowerBound == gap.upperBound ? "gap: record \(gap.lowerBound) is missing" : "gap: records \(gap.lowerBound)–\(gap.upperBound) are missing")
        }
        if problem == nil {
            lines.append("state: \(products) products, \(cartLines) cart lines, up to record \(lastSequence)")
            if let stateDigest { lines.append("state digest: \(stateDigest)") }
        }
        if let problem { lines.append("problem: \(problem.summary)") }
        lines.append(isClean ? "status: clean" : "status: damaged")
        return lines.joined(separator: "\n")
    }
}

extension Store {
    /// Reads the whole log without changing anything: every record checked on its own (framing, both
    /// CRC-32C checksums, decodable events), the sequence checked for gaps, and the shop rebuilt from
    /// the newest snapshot plus the records after it (and from record 1 too, when the log holds every
    /// record: both must give the same state).
    public static func verify(log: any EventLog) -> LogVerificationReport {
        var report = LogVerificationReport(store: log.name)
        func note(_ error: StoreError) { if report.problem == nil { report.problem = error } }
        do throws(StoreError) {
            var snapshotState: ShopState?
            if let snapshot = try log.latestSnapshot() {
                report.snapshotSequence = snapshot.sequence
                report.snapshotBytes = snapshot.bytes.count
                do throws(StoreError) {
                    snapshotState = try SnapshotFile.decode(snapshot.bytes, file: "\(log.name) snapshot \(snapshot.sequence)").state
                } catch {
                    note(error)
                }
            }
            var fromStart: ShopState? = ShopState()
            var fromStartAtSnapshot: String?
            var fromSnapshot = snapshotState
            var previous: UInt64?
            var after: UInt64 = 0
            // Bounded: each page reads `logPage` records or ends the loop.
            while true {
                let page = try log.records(after: after, limit: logPage)
                for record in page {
                    after = record.sequence
                    if previous == nil, record.sequence != 1 { fromStart = nil }
                    if let previous, record.sequence > previous + 1 { report.gaps.append((previous + 1)...(record.sequence - 1)) }
                    if previous == nil, let covered = report.snapshotSequence, record.sequence > covered + 1 {
                        report.gaps.append((covered + 1)...(record.sequence - 1))
                    }
                    previous = record.sequence
                    report.firstSequence = report.firstSequence ?? record.sequence
                    report.lastRecordSequence = record.sequence
                    guard let events = check(record, log: log, report: &report) else {
                        fromStart = nil
                        fromSnapshot = nil
                        continue
                    }
                    report.records += 1
                    fromStart?.apply(events)
                    if record.sequence == report.snapshotSequence, let fromStart { fromStartAtSnapshot = StateDigest.of(fromStart) }
                    if let covered = report.snapshotSequence, record.sequence > covered { fromSnapshot?.apply(events) }
                }
                if page.count < logPage { break }
            }
            let last = max(report.lastRecordSequence ?? 0, report.snapshotSequence ?? 0)
            guard report.gaps.isEmpty, report.damagedRecords.isEmpty, let state = fromSnapshot ?? (report.snapshotSequence == nil ? fromStart : nil) else {
                if report.problem == nil, !report.gaps.isEmpty || !report.damagedRecords.isEmpty {
                    note(.corrupted(file: log.name, offset: 0, reason: report.damagedRecords.first ?? "records are missing"))
                }
                return report
            }
            if let fromStartAtSnapshot, let snapshotState, fromStartAtSnapshot != StateDigest.of(snapshotState) {
                note(.corrupted(file: log.name, offset: 0, reason: "the snapshot at record \(report.snapshotSequence ?? 0) differs from replaying every record up to it"))
            }
            report.lastSequence = last
            report.products = state.catalogue.count
            report.cartLines = state.carts.lineCount
            report.stateDigest = StateDigest.of(state)
        } catch {
            note(error)
        }
        return report
    }

    /// The record's events when it is intact; otherwise notes why in the report.
    private static func check(_ record: LoggedRecord, log: any EventLog, report: inout LogVerificationReport) -> [ShopEvent]? {
        let scan = record.bytes.withUnsafeBytes { JournalScan.scanRecords($0, after: nil) }
        if let damage = scan.damage {
            report.damagedRecords.append("record \(record.sequence): \(damage.reason)")
            return nil
        }
        guard scan.tornTail == nil, scan.records.count == 1, let framed = scan.records.first,
              framed.end == record.bytes.count, framed.sequence == record.sequence else {
            report.damagedRecords.append("record \(record.sequence): the row does not hold exactly that record")
            return nil
        }
        let decoded: Result<[ShopEvent], DecodingFailure> = record.bytes.withUnsafeBytes { buffer in
            do throws(DecodingFailure) {
                return .success(try EventCodec.decode(UnsafeRawBufferPointer(rebasing: buffer[framed.payloadOffset...]), fileOffset: framed.payloadOffset))
            } catch {
                return .failure(error)
            }
        }
        switch decoded {
        case let .success(events): return events
        case let .failure(failure):
            report.damagedRecords.append("record \(record.sequence): \(failure.reason)")
            return nil
        }
    }
}
