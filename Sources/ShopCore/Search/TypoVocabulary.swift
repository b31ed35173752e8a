/// The index's words that a misspelt query word may be corrected to, grouped by length in bytes so
/// that a word of length n is compared only with words of n ± 2 bytes. Terms holding a digit (SKUs,
/// sizes, model numbers) are left out: they are most of a large catalogue's terms, and a number typed
/// wrong is another number, not a typo to guess at.
///
/// Each term keeps the set of letters it uses as a bit mask. One edit adds at most one letter to the
/// set and takes at most one away, so a term whose set differs from the typed word's by more letters
/// than the allowed edits is skipped with two population counts, before any distance is computed:
/// that leaves a few hundred of the 30,000 words of the benchmark catalogue's longest buckets.
struct TypoVocabulary: Sendable {
    /// Term ids by byte length.
    private var buckets: [[UInt32]] = []
    /// The letter sets of the terms, parallel to `buckets`.
    private var masks: [[UInt32]] = []

    /// Longest word considered: the two-row distance is cheap, but a "word" of a hundred letters is no typo.
    static let longestWord = 40

    init() {}

    /// The vocabulary of every term of `terms`.
    init(terms: TermTable) {
        for id in 0..<UInt32(terms.count) { add(id, of: terms) }
    }

    /// Adds term `id` of `terms` when it may be a correction.
    mutating func add(_ id: UInt32, of terms: TermTable) {
        let length = terms.length(id)
        guard length >= 3, length <= Self.longestWord + 2 else { return }
        let mask: UInt32? = terms.withBytes(id) { bytes in
            if bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return nil }
            return Self.letterMask(bytes)
        }
        guard let mask else { return }
        if buckets.count <= length {
            buckets.append(contentsOf: repeatElement([], count: length + 1 - buckets.count))
            masks.append(contentsOf: repeatElement([], count: length + 1 - masks.count))
        }
        buckets[length].append(id)
        masks[length].append(mask)
    }

    /// One bit per letter a–z; the other bytes (accented letters of other scripts) share the six
    /// high bits by their low bits.
    static func letterMask(_ word: String) -> UInt32 {
        EditDistance.withBytes(of: word) { letterMask($0) }
    }

    static func letterMask(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var mask: UInt32 = 0
        for byte in word {
            let bit = byte >= 0x61 && byte <= 0x7A ? UInt32(byte - 0x61) : 26 + UInt32(byte % 6)
            mask |= 1 << bit
        }
        return mask
    }

    /// The term closest to `word` within its allowed edits: fewest edits, then the most documents,
    /// then byte order. Nil when none is close enough.
    func closest(to word: String, in index: SearchIndex) -> UInt32? {
        let limit = WordCorrection.allowedEdits(forLength: word.count)
        let length = word.utf8.count
        guard limit > 0, length <= Self.longestWord else { return nil }
        var best: (id: UInt32, distance: Int, documents: Int)?
        let typedMask = Self.letterMask(word)
        EditDistance.withBytes(of: word) { typed in
            for candidateLength in max(0, length - limit)...(length + limit) where candidateLength < buckets.count {
                let masks = masks[candidateLength]
                for (slot, id) in buckets[candidateLength].enumerated() {
                    let mask = masks[slot]
                    if (typedMask & ~mask).nonzeroBitCount > limit || (mask & ~typedMask).nonzeroBitCount > limit { continue }
                    let bound = best.map { $0.distance } ?? limit
                    let distance = index.terms.withBytes(id) { term in
                        EditDistance.between(typed, term, limit: bound)
                    }
                    let documents = index.postingCount(id)
                    guard let distance, documents > 0 else { continue }
                    if let current = best {
                        if distance > current.distance { continue }
                        if distance == current.distance {
                            if documents < current.documents { continue }
                            if documents == current.documents, !index.terms.withBytes(id, { term in
                                index.terms.withBytes(current.id) { TermTable.compare(term, $0) < 0 }
                            }) { continue }
                        }
                    }
                    best = (id, distance, documents)
                }
            }
        }
        return best?.id
    }
}
