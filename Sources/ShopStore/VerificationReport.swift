/// What `Store.verify` found in a data folder: counts, and the first problem if any.
public struct VerificationReport: Sendable, Equatable, CustomStringConvertible {
    public var folder: String
    /// False when the folder holds no shop data at all.
    public var hasData = false
    /// The sequence the snapshot covers, and its size; nil without a readable snapshot.
    public var snapshotSequence: UInt64?
    public var snapshotBytes = 0
    public var previousSnapshotSequence: UInt64?
    public var journalRecords = 0
    public var journalFirstSequence: UInt64?
    public var journalLastSequence: UInt64?
    /// Bytes of an unfinished last record (cut off at the next writable open).
    public var tornTailBytes = 0
    /// The last sequence the good data reaches, and the state it gives.
    public var lastSequence: UInt64 = 0
    public var products = 0
    public var cartLines = 0
    /// The first damage found; nil when none.
    public var problem: StoreError?

    public init(folder: String) { self.folder = folder }

    /// No damage and no torn tail.
    public var isClean: Bool { problem == nil && tornTailBytes == 0 }

    public var description: String {
        guard hasData else { return "\(folder): no shop data yet" }
        var lines: [String] = []
        if let snapshotSequence {
            lines.append("snapshot: covers record \(snapshotSequence), \(snapshotBytes) bytes")
        } else {
            lines.append("snapshot: none")
        }
        if let previousSnapshotSequence { lines.append("previous snapshot: covers record \(previousSnapshotSequence)") }
        if let first = journalFirstSequence, let last = journalLastSequence {
            lines.append("journal: \(journalRecords) records, \(first)–\(last)")
        } else {
            lines.append("journal: no records")
        }
        if tornTailBytes > 0 { lines.append("torn tail: \(tornTailBytes) bytes of an unfinished record (cut off at the next open)") }
        lines.append("state: \(products) products, \(cartLines) cart lines, up to record \(lastSequence)")
        if let problem {
            lines.append("problem: \(problem)")
            lines.append("run 'comptoir store recover' to move the damaged file aside and rebuild from what is good")
        } else {
            lines.append(tornTailBytes > 0 ? "status: usable (torn tail only)" : "status: clean")
        }
        return lines.joined(separator: "\n")
    }
}
