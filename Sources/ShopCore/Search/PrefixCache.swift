/// Precomputed best scores of the heaviest short prefixes (one to three characters), such as the
/// first letters typed in a search box, whose terms together cover a large part of the catalogue.
/// Reading their postings at every keystroke would cost milliseconds; a dense array of one byte per
/// document answers at once. At most `maximumEntries` prefixes are kept (one megabyte each per
/// million products) and only those whose postings reach a tenth of the catalogue.
struct PrefixCache: Sendable {
    private(set) var scoresByPrefix: [String: FlatArray<UInt8>] = [:]

    static let maximumEntries = 32
    static let prefixLengths = 1...3

    var prefixes: [String] { Array(scoresByPrefix.keys) }

    func scores(for prefix: String) -> FlatArray<UInt8>? {
        prefix.isEmpty ? nil : scoresByPrefix[prefix]
    }

    /// Chooses the heavy prefixes of the index and computes their scores.
    init(index: SearchIndex) {
        var cost: [String: Int] = [:]
        for id in 0..<UInt32(index.terms.count) {
            let postings = index.postingCount(id)
            index.terms.withBytes(id) { term in
                // Prefixes end where a character ends: before a byte that starts one, or at the end.
                var characters = 0
                for end in 1...max(1, term.count) where end <= term.count && (end == term.count || term[end] & 0xC0 != 0x80) {
                    characters += 1
                    guard Self.prefixLengths.contains(characters) else { break }
                    cost[String(decoding: UnsafeBufferPointer(rebasing: term[0..<end]), as: UTF8.self), default: 0] += postings
                }
            }
        }
        let threshold = max(1, index.count / 10)
        let heavy = cost.filter { $0.value >= threshold }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(Self.maximumEntries)
        for (prefix, _) in heavy {
            scoresByPrefix[prefix] = FlatArray(index.bestScores(index.wordMatch(prefix, isPrefix: true)))
        }
    }

    init() {}

    /// A cache of the given scores (a loaded index's).
    init(scoresByPrefix: [String: FlatArray<UInt8>]) {
        self.scoresByPrefix = scoresByPrefix
    }

    /// Sets the scores of `document` (which may be one past the end, when added) from its terms.
    mutating func refresh(_ document: Int, hits: [SearchIndex.TermHit], terms: TermTable) {
        for prefix in prefixes {
            var best: UInt8 = 0
            EditDistance.withBytes(of: prefix) { prefix in
                for hit in hits where terms.term(hit.term, startsWith: prefix) {
                    let exact = terms.length(hit.term) == prefix.count
                    best = max(best, UInt8(SearchField.score(weight: hit.weight, exact: exact)))
                }
            }
            if document == scoresByPrefix[prefix]!.count {
                scoresByPrefix[prefix]!.append(best)
            } else {
                scoresByPrefix[prefix]![document] = best
            }
        }
    }
}
