/// Free-text matching: the documents that contain every query word, with their relevance scores.
extension SearchIndex {
    /// The terms one query word matches.
    struct WordMatch {
        /// The word when it is matched as a prefix (the prefix cache's key); empty for a whole word.
        var word: String
        /// Matching term ids: the word itself, or for a prefix every term that starts with it.
        var termIDs: [UInt32]
        /// The term equal to the word, which earns the exact-match bonus.
        var exactTermID: UInt32?
        /// Total postings of the matching terms: the cost of reading them all.
        var cost: Int
        /// Whether the term stands in for a misspelt word: it scores below any match as typed.
        var isCorrection = false

        /// The score of a posting of `term` with `weight`.
        @inline(__always)
        func score(weight: UInt8, term: UInt32) -> UInt16 {
            isCorrection ? SearchField.correctedScore(weight: weight) : SearchField.score(weight: weight, exact: term == exactTermID)
        }
    }

    /// The documents that match every query word, with their scores.
    enum TextMatch {
        /// No words: every document, with score zero.
        case everything
        /// Ascending documents with their scores.
        case sparse(documents: [UInt32], scores: [UInt16])
        /// One word: its score in every document, zero where it does not occur. Cheaper than listing
        /// the documents when a short prefix matches most of the catalogue.
        case dense(FlatArray<UInt8>)
    }

    /// The documents matching every word, and the words that matched nothing as typed with the
    /// catalogue words searched in their place.
    func matchWords(_ words: [String], lastWordIsPrefix: Bool) -> (TextMatch, [WordCorrection]) {
        guard !words.isEmpty else { return (.everything, []) }
        var matches: [WordMatch] = []
        var corrections: [WordCorrection] = []
        for (index, word) in words.enumerated() {
            var match = wordMatch(word, isPrefix: lastWordIsPrefix && index == words.count - 1)
            if match.cost == 0, let correction = correctedMatch(word) {
                match = correction
                corrections.append(WordCorrection(typed: word, searched: terms.string(correction.termIDs[0])))
            }
            // A word neither typed right nor close to a catalogue word: nothing matches, and no
            // correction is worth saying.
            if match.cost == 0 { return (.sparse(documents: [], scores: []), []) }
            matches.append(match)
        }
        return (intersectAll(matches), corrections)
    }

    /// The match of the closest catalogue word to a word that matched nothing, if one is close enough.
    func correctedMatch(_ word: String) -> WordMatch? {
        guard let id = typoVocabulary.closest(to: word, in: self) else { return nil }
        return WordMatch(word: "", termIDs: [id], exactTermID: nil, cost: postingCount(id), isCorrection: true)
    }

    private func intersectAll(_ matches: [WordMatch]) -> TextMatch {
        var matches = matches
        matches.sort { $0.cost < $1.cost }
        if matches.count == 1 && matches[0].termIDs.count > 1 { return .dense(denseScores(matches[0])) }
        var (documents, scores) = collect(matches[0])
        for match in matches.dropFirst() where !documents.isEmpty {
            // Reading a document's own terms misses the cache about once per term; a posting read
            // in order costs a few nanoseconds. Verify only when that is clearly cheaper.
            let averageTermsPerDocument = max(1, forwardTerms.count / max(1, count))
            if prefixCache.scores(for: match.word) == nil && documents.count * averageTermsPerDocument * 4 < match.cost {
                verify(&documents, &scores, against: match)
            } else {
                intersect(&documents, &scores, with: match)
            }
        }
        return .sparse(documents: documents, scores: scores)
    }

    func wordMatch(_ word: String, isPrefix: Bool) -> WordMatch {
        let exact = termID(of: word)
        guard isPrefix else {
            return WordMatch(word: "", termIDs: exact.map { [$0] } ?? [], exactTermID: exact, cost: exact.map { postingCount($0) } ?? 0)
        }
        var ids: [UInt32] = []
        var cost = 0
        var index = sortedInsertionIndex(for: word)
        EditDistance.withBytes(of: word) { prefix in
            sortedTermIDs.withUnsafeBufferPointer { sorted in
                while index < sorted.count {
                    let id = sorted[index]
                    guard terms.term(id, startsWith: prefix) else { break }
                    ids.append(id)
                    cost += postingCount(id)
                    index += 1
                }
            }
        }
        return WordMatch(word: word, termIDs: ids, exactTermID: exact, cost: cost)
    }

    /// The best score of one word in every document, from the prefix cache when it holds the word.
    private func denseScores(_ match: WordMatch) -> FlatArray<UInt8> {
        prefixCache.scores(for: match.word) ?? FlatArray(bestScores(match))
    }

    /// The best score of one word in every document it occurs in, in a dense array.
    func bestScores(_ match: WordMatch) -> [UInt8] {
        var best = [UInt8](repeating: 0, count: count)
        best.withUnsafeMutableBufferPointer { best in
            for id in match.termIDs {
                withPostings(of: id) { documents, weights in
                    for index in 0..<documents.count {
                        let score = UInt8(match.score(weight: weights[index], term: id))
                        let document = Int(documents[index])
                        if score > best[document] { best[document] = score }
                    }
                }
            }
        }
        return best
    }

    /// Calls `body` with each document whose score is not zero, in order. Reads eight scores at a
    /// time and jumps from one non-zero byte to the next, so that neither long runs of zeros (long
    /// prefixes) nor a mix of zeros and scores (short prefixes) cost a branch per document.
    @inline(__always)
    static func forEachNonZero(_ scores: FlatArray<UInt8>, _ body: (Int, UInt8) -> Void) {
        scores.withUnsafeBufferPointer { scores in
            guard let base = scores.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var start = 0
            while start + 8 <= scores.count {
                var word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
                while word != 0 {
                    let byte = word.trailingZeroBitCount / 8
                    body(start + byte, UInt8(truncatingIfNeeded: word >> UInt64(byte * 8)))
                    word &= ~(0xFF << UInt64(byte * 8))
                }
                start += 8
            }
            for document in start..<scores.count where scores[document] > 0 { body(document, scores[document]) }
        }
    }

    /// The documents of the first (cheapest) word.
    private func collect(_ match: WordMatch) -> ([UInt32], [UInt16]) {
        if match.termIDs.count == 1 {
            let term = match.termIDs[0]
            return withPostings(of: term) { documents, weights in
                (Array(documents), weights.map { match.score(weight: $0, term: term) })
            }
        }
        let best = denseScores(match)
        let capacity = min(match.cost, count)
        var found = 0
        var scores = [UInt16](repeating: 0, count: capacity)
        let documents = [UInt32](unsafeUninitializedCapacity: capacity) { documents, initialized in
            scores.withUnsafeMutableBufferPointer { scores in
                SearchIndex.forEachNonZero(best) { document, score in
                    documents[found] = UInt32(document)
                    scores[found] = UInt16(score)
                    found += 1
                }
            }
            initialized = found
        }
        scores.removeSubrange(found...)
        return (documents, scores)
    }

    /// Keeps the documents that also match `match`, reading all its postings into a dense array.
    private func intersect(_ documents: inout [UInt32], _ scores: inout [UInt16], with match: WordMatch) {
        let best = denseScores(match)
        var kept = 0
        best.withUnsafeBufferPointer { best in
            documents.withUnsafeMutableBufferPointer { documents in
                scores.withUnsafeMutableBufferPointer { scores in
                    for index in 0..<documents.count {
                        let score = best[Int(documents[index])]
                        if score > 0 {
                            documents[kept] = documents[index]
                            scores[kept] = scores[index].saturatingAdding(UInt16(score))
                            kept += 1
                        }
                    }
                }
            }
        }
        documents.removeSubrange(kept...)
        scores.removeSubrange(kept...)
    }

    /// Keeps the documents that also match `match`, reading each document's own terms; cheaper than
    /// `intersect` when there are few documents left and the word has many postings.
    private func verify(_ documents: inout [UInt32], _ scores: inout [UInt16], against match: WordMatch) {
        var member = [Bool](repeating: false, count: terms.count)
        for id in match.termIDs { member[Int(id)] = true }
        var kept = 0
        member.withUnsafeBufferPointer { member in
            for index in 0..<documents.count {
                let document = documents[index]
                var best: UInt16 = 0
                func consider(_ term: UInt32, _ weight: UInt8) {
                    guard member[Int(term)] else { return }
                    let score = match.score(weight: weight, term: term)
                    if score > best { best = score }
                }
                if !forwardOverrides.isEmpty, let hits = forwardOverrides[document] {
                    for hit in hits { consider(hit.term, hit.weight) }
                } else {
                    forwardTerms.withUnsafeBufferPointer { forwardTerms in
                        forwardWeights.withUnsafeBufferPointer { forwardWeights in
                            for offset in forwardOffsets[Int(document)]..<forwardOffsets[Int(document) + 1] {
                                consider(forwardTerms[offset], forwardWeights[offset])
                            }
                        }
                    }
                }
                if best > 0 {
                    documents[kept] = document
                    scores[kept] = scores[index].saturatingAdding(best)
                    kept += 1
                }
            }
        }
        documents.removeSubrange(kept...)
        scores.removeSubrange(kept...)
    }
}

extension UInt16 {
    /// `self + other`, stopping at `UInt16.max`: relevance scores of very long queries saturate.
    func saturatingAdding(_ other: UInt16) -> UInt16 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
