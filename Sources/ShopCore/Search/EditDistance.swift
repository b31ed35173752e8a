/// The Damerau–Levenshtein distance in its optimal-string-alignment form (insertions, deletions,
/// substitutions and transpositions of two neighbours each count one), bounded: the search only
/// needs to know whether two words are within one or two edits, so rows stop as soon as every
/// entry is past the bound.
enum EditDistance {
    /// The distance between `a` and `b`, or nil when it is above `limit`.
    static func between(_ a: String, _ b: String, limit: Int) -> Int? {
        let first = Array(a.utf8)
        return withBytes(of: b) { second in
            first.withUnsafeBufferPointer { first in between(first, second, limit: limit) }
        }
    }

    static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The bounded distance of two byte strings, its three rows in one temporary allocation (no
    /// heap traffic: the vocabulary scan calls this for thousands of terms a query).
    static func between(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: width * 3) { rows -> Int? in
            var previous2 = rows.baseAddress!
            var previous = previous2 + width
            var current = previous + width
            for j in 0..<width {
                previous2[j] = 0
                previous[j] = j
            }
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, previous2[j - 2] + 1)
                    }
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return nil }
                (previous2, previous, current) = (previous, current, previous2)
            }
            let distance = previous[b.count]
            return distance <= limit ? distance : nil
        }
    }
}
