/// Documents a search never finds, whatever the query says: the products the merchant took off
/// sale. Kept as a bitmap over catalogue positions, so the filter pass pays one bit test a
/// candidate, and nothing when the set is empty.
public struct HiddenDocuments: Hashable, Sendable {
    private var words: [UInt64]
    public private(set) var count: Int

    /// Nothing hidden.
    public static let none = HiddenDocuments()

    public init() {
        words = []
        count = 0
    }

    /// Hides the documents at `positions` (catalogue positions; negative ones are ignored).
    public init(positions: some Sequence<Int>) {
        self.init()
        for position in positions where position >= 0 { insert(position) }
    }

    public var isEmpty: Bool { count == 0 }

    public mutating func insert(_ position: Int) {
        let word = position >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word + 1 - words.count)) }
        let bit = UInt64(1) << UInt64(position & 63)
        if words[word] & bit == 0 {
            words[word] |= bit
            count += 1
        }
    }

    @inline(__always)
    public func contains(_ position: Int) -> Bool {
        let word = position >> 6
        return position >= 0 && word < words.count && words[word] & (UInt64(1) << UInt64(position & 63)) != 0
    }
}
