/// What `Store.verify` found in a data folder: each file's own state, counts, and the first problem.
public struct VerificationReport: Sendable, Equatable, CustomStringConvertible {
    /// What a snapshot file holds, read on its own.
    public enum SnapshotState: Sendable, Equatable {
        case missing
        case good(covers: UInt64, bytes: Int)
        /// Damaged, unreadable, or not a regular file (a FIFO, device...; not opened).
        case damaged(StoreError)
    }

    public var folder: String
    /// False when the folder holds no shop data at all.
    public var hasData = false
    public var snapshot: SnapshotState = .missing
    public var previousSnapshot: SnapshotState = .missing
    /// The sequence the snapshot covers, and its size; nil without a readable snapshot.
    public var snapshotSequence: UInt64?
    public var snapshotBytes = 0
    public var previousSnapshotSequence: UInt64?
    /// The journal's intact records (wherever they are, damage or not around them).
    public var journalRecords = 0
    public var journalFirstSequence: UInt64?
    public var journalLastSequence: UInt64?
    /// Each damaged stretch of the journal: where, why, which records it may have held.
    public var journalDamage: [String] = []
    /// Sequences missing between intact records with no damaged bytes between them (a journal cut and
    /// written on by an older Comptoir); harmless when a snapshot covers them.
    public var journalGaps: [ClosedRange<UInt64>] = []
    /// Why the journal could not be read at all (e.g. a FIFO in its place).
    public var journalUnreadable: StoreError?
    /// Bytes of an unfinished last record (cut off at the next writable open).
    public var tornTailBytes = 0
    /// The last sequence the good data reaches, and the state it gives.
    public var lastSequence: UInt64 = 0
    public var products = 0
    public var cartLines = 0
    /// A checksum of the whole state the good data gives (`StateDigest`): equal on two stores that hold the same shop.
    public var stateDigest: String?
    /// The first damage found; nil when none.
    public var problem: StoreError?
    /// What opening would warn about without refusing, e.g. a damaged search index section (the
    /// index is then built from the products).
    public var warnings: [String] = []

    public init(folder: String) { self.folder = folder }

    /// No damage anywhere (even in records a snapshot covers) and no torn tail.
    public var isClean: Bool { problem == nil && tornTailBytes == 0 && journalDamage.isEmpty }

    public var description: String {
        guard hasData || problem != nil else { return "\(folder): no shop data yet" }
        var lines: [String] = []
        lines.append("snapshot: " + Self.describe(snapshot))
        if previousSnapshot != .missing { lines.append("previous snapshot: " + Self.describe(previousSnapshot)) }
        if let journalUnreadable {
            lines.append("journal: unreadable: \(journalUnreadable.summary)")
        } else if let first = journalFirstSequence, let last = journalLastSequence {
            lines.append(first == last ? "journal: 1 intact record, \(first)" : "journal: \(journalRecords) intact records, \(first)–\(last)")
        } else {
            lines.append("journal: no records")
        }
        for damage in journalDamage { lines.append("journal damage at \(damage)") }
        for gap in journalGaps {
            let missing = gap.lowerBound == gap.upperBound ? "record \(gap.lowerBound) is" : "records \(gap.lowerBound)–\(gap.upperBound) are"
            let covered = (snapshotSequence ?? 0) >= gap.upperBound ? " (the snapshot covers them)" : ""
            lines.append("journal gap: \(missing) not in the journal\(covered)")
        }
        if tornTailBytes > 0 { lines.append("torn tail: \(tornTailBytes) bytes of an unfinished record (cut off at the next open)") }
        if problem == nil {
            lines.append("state: \(products) products, \(cartLines) cart lines, up to record \(lastSequence)")
            if let stateDigest { lines.append("state digest: \(stateDigest)") }
        }
        for warning in warnings { lines.append("warning: \(warning)") }
        if let problem {
            lines.append("problem: \(problem.summary)")
            lines.append("run 'comptoir store recover' to move the damaged file aside and rebuild from what is good")
        } else if !journalDamage.isEmpty {
            lines.append("status: usable (the damage is in records the snapshot covers); run 'comptoir store recover' to rewrite the journal without it")
        } else {
            lines.append(tornTailBytes > 0 ? "status: usable (torn tail only)" : "status: clean")
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ state: SnapshotState) -> String {
        switch state {
        case .missing: return "none"
        case let .good(covers, bytes): return "covers record \(covers), \(bytes) bytes"
        case let .damaged(error): return "unusable: \(error.summary)"
        }
    }
}
