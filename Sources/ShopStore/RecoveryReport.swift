/// What `Store.recover` did: which damaged files it moved aside, what the rebuilt shop holds, and
/// exactly what was lost.
public struct RecoveryReport: Sendable, Equatable, CustomStringConvertible {
    public struct MovedFile: Sendable, Equatable {
        public var original: String
        public var movedTo: String
        public var reason: String
    }

    public struct UnboundedLoss: Sendable, Equatable {
        /// The first sequence the unreadable bytes may have held.
        public var from: UInt64
        public var bytes: Int
    }

    public var folder: String
    public var movedAside: [MovedFile] = []
    /// Journal sequence numbers whose changes are no longer in the shop's state (their bytes, where
    /// any survive, stay in the moved-aside files).
    public var lostSequences: [ClosedRange<UInt64>] = []
    /// Unreadable bytes at the end of the journal that may have held records from `from` on.
    public var lostFromUnbounded: UnboundedLoss?
    /// Bytes of an unfinished last record (an interrupted write) that were cut off.
    public var tornTailBytes = 0
    /// The sequence the rebuilt snapshot covers; the next change gets the one after.
    public var rebuiltSequence: UInt64 = 0
    /// The snapshot the shop was rebuilt from (nil: from the journal alone) and the sequence it covers.
    public var baseFile: String?
    public var baseSequence: UInt64 = 0
    /// The journal records replayed on top of the base.
    public var replayed: ClosedRange<UInt64>?
    /// The first intact record of the journal, to say which part of the shop is lost when no base
    /// reaches it.
    public var firstJournalSequence: UInt64?
    public var products = 0
    public var cartLines = 0

    public init(folder: String) { self.folder = folder }

    public var lostRecordCount: UInt64 { lostSequences.reduce(0) { $0 + ($1.upperBound - $1.lowerBound + 1) } }

    public var lostNothing: Bool { lostSequences.isEmpty && lostFromUnbounded == nil }

    public var nothingWasDamaged: Bool { movedAside.isEmpty && lostNothing }

    public var description: String {
        var lines: [String] = []
        if nothingWasDamaged { lines.append("\(folder): no damage found") }
        for moved in movedAside { lines.append("moved \(moved.original) to \(moved.movedTo) (kept there): \(moved.reason)") }
        if tornTailBytes > 0 { lines.append("cut off an unfinished record at the end of the journal (\(tornTailBytes) bytes of an interrupted write)") }
        var lost: [String] = []
        if !lostSequences.isEmpty {
            let ranges = lostSequences.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
            lost.append("\(lostRecordCount) journal record(s): \(ranges.joined(separator: ", "))")
        }
        lines.append(lost.isEmpty ? "lost: nothing" : "lost: " + lost.joined(separator: "; and "))
        if let unbounded = lostFromUnbounded {
            let kept = movedAside.first { $0.original.hasSuffix("/journal") }.map { " (kept in \($0.movedTo))" } ?? ""
            lines.append("unreadable: \(unbounded.bytes) bytes at the end of the journal\(kept) may have held records from \(unbounded.from) on; nothing shows whether they did")
        }
        lines.append("rebuilt \(source): \(products) products, \(cartLines) cart lines; the next change is record \(rebuiltSequence + 1)")
        if baseFile == nil, let first = firstJournalSequence, first > 1, replayed == nil {
            let kept = movedAside.map(\.movedTo)
            lines.append("the shop before record \(first) is lost: no usable snapshot holds it"
                + (kept.isEmpty ? "" : "; the damaged files are kept at \(kept.joined(separator: ", "))"))
        }
        return lines.joined(separator: "\n")
    }

    private var source: String {
        let records = replayed.map { $0.lowerBound == $0.upperBound ? "journal record \($0.lowerBound)" : "journal records \($0.lowerBound)–\($0.upperBound)" }
        if let baseFile {
            return "from \(baseFile) (covers record \(baseSequence))" + (records.map { " and \($0)" } ?? "")
        }
        return records.map { "from \($0)" } ?? "from nothing: an empty shop"
    }
}
