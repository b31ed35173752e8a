/// The index's words that a misspelt query word may be corrected to, grouped by length in bytes so
/// that a word of length n is compared only with words of n ± 2 bytes. Terms holding a digit (SKUs,
/// sizes, model numbers) are left out: they are most of a large catalogue's terms, and a number typed
/// wrong is another number, not a typo to guess at.
struct TypoVocabulary: Sendable {
    /// Term ids by byte length.
    private var buckets: [[UInt32]] = []

    /// Longest word considered: the two-row distance is cheap, but a "word" of a hundred letters is no typo.
    static let longestWord = 40

    mutating func add(_ term: String, id: UInt32) {
        let length = term.utf8.count
        guard length >= 3, length <= Self.longestWord + 2, !term.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return }
        if buckets.count <= length { buckets.append(contentsOf: repeatElement([], count: length + 1 - buckets.count)) }
        buckets[length].append(id)
    }

    /// The term closest to `word` within its allowed edits: fewest edits, then the most documents,
    /// then byte order. Nil when none is close enough.
    func closest(to word: String, terms: [String], postings: [PostingList]) -> UInt32? {
        let limit = WordCorrection.allowedEdits(forLength: word.count)
        let length = word.utf8.count
        guard limit > 0, length <= Self.longestWord else { return nil }
        var best: (id: UInt32, distance: Int, documents: Int)?
        EditDistance.withBytes(of: word) { typed in
            for candidateLength in max(0, length - limit)...(length + limit) where candidateLength < buckets.count {
                for id in buckets[candidateLength] {
                    let bound = best.map { $0.distance } ?? limit
                    let distance = EditDistance.withBytes(of: terms[Int(id)]) { term in
                        EditDistance.between(typed, term, limit: bound)
                    }
                    let documents = postings[Int(id)].count
                    guard let distance, documents > 0 else { continue }
                    if let current = best {
                        if distance > current.distance { continue }
                        if distance == current.distance {
                            if documents < current.documents { continue }
                            if documents == current.documents,
                               !terms[Int(id)].utf8.lexicographicallyPrecedes(terms[Int(current.id)].utf8) { continue }
                        }
                    }
                    best = (id, distance, documents)
                }
            }
        }
        return best?.id
    }
}
