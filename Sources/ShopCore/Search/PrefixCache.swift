/// Precomputed best scores of the heaviest short prefixes (one to three characters), such as the
/// first letters typed in a search box, whose terms together cover a large part of the catalogue.
/// Reading their postings at every keystroke would cost milliseconds; a dense array of one byte per
/// document answers at once. At most `maximumEntries` prefixes are kept (one megabyte each per
/// million products) and only those whose postings reach a tenth of the catalogue.
struct PrefixCache: Sendable {
    private var scoresByPrefix: [String: [UInt8]] = [:]

    static let maximumEntries = 32
    static let prefixLengths = 1...3

    var prefixes: [String] { Array(scoresByPrefix.keys) }

    func scores(for prefix: String) -> [UInt8]? {
        prefix.isEmpty ? nil : scoresByPrefix[prefix]
    }

    /// Chooses the heavy prefixes of the index and computes their scores.
    init(index: SearchIndex) {
        var cost: [String: Int] = [:]
        for (term, list) in zip(index.terms, index.postings) {
            var prefix = ""
            for (length, scalar) in term.unicodeScalars.enumerated() {
                guard Self.prefixLengths.contains(length + 1) else { break }
                prefix.unicodeScalars.append(scalar)
                cost[prefix, default: 0] += list.count
            }
        }
        let threshold = max(1, index.count / 10)
        let heavy = cost.filter { $0.value >= threshold }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(Self.maximumEntries)
        for (prefix, _) in heavy {
            scoresByPrefix[prefix] = index.bestScores(index.wordMatch(prefix, isPrefix: true))
        }
    }

    init() {}

    /// Sets the scores of `document` (which may be one past the end, when added) from its terms.
    mutating func refresh(_ document: Int, hits: [SearchIndex.TermHit], terms: [String]) {
        for prefix in prefixes {
            var best: UInt8 = 0
            for hit in hits {
                let term = terms[Int(hit.term)]
                guard term.utf8.starts(with: prefix.utf8) else { continue }
                best = max(best, UInt8(SearchField.score(weight: hit.weight, exact: term == prefix)))
            }
            if document == scoresByPrefix[prefix]!.count {
                scoresByPrefix[prefix]!.append(best)
            } else {
                scoresByPrefix[prefix]![document] = best
            }
        }
    }
}
