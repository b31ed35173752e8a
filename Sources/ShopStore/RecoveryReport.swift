/// What `Store.recover` did: which damaged files it moved aside, and exactly what was lost.
public struct RecoveryReport: Sendable, Equatable, CustomStringConvertible {
    public struct MovedFile: Sendable, Equatable {
        public var original: String
        public var movedTo: String
        public var reason: String
    }

    public var folder: String
    public var movedAside: [MovedFile] = []
    /// Journal sequence numbers whose changes are no longer in the shop's state (their bytes, where
    /// any survive, stay in the moved-aside files).
    public var lostSequences: [ClosedRange<UInt64>] = []
    /// Bytes of an unfinished, never-acknowledged last record that were cut off.
    public var tornTailBytes = 0
    /// The sequence the rebuilt snapshot covers; the next change gets the one after.
    public var rebuiltSequence: UInt64 = 0
    public var products = 0
    public var cartLines = 0

    public init(folder: String) { self.folder = folder }

    public var lostRecordCount: UInt64 { lostSequences.reduce(0) { $0 + ($1.upperBound - $1.lowerBound + 1) } }

    public var nothingWasDamaged: Bool { movedAside.isEmpty && lostSequences.isEmpty }

    public var description: String {
        var lines: [String] = []
        if nothingWasDamaged { lines.append("\(folder): no damage found") }
        for moved in movedAside { lines.append("moved \(moved.original) to \(moved.movedTo): \(moved.reason)") }
        if tornTailBytes > 0 { lines.append("cut off an unfinished last record (\(tornTailBytes) bytes, never acknowledged)") }
        if lostSequences.isEmpty {
            lines.append("lost: nothing")
        } else {
            let ranges = lostSequences.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
            lines.append("lost: \(lostRecordCount) journal record(s): \(ranges.joined(separator: ", "))")
        }
        lines.append("rebuilt: \(products) products, \(cartLines) cart lines, up to record \(rebuiltSequence)")
        return lines.joined(separator: "\n")
    }
}
