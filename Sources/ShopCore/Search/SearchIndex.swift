/// An index of the catalogue for the query language: an inverted index over folded terms, a sorted
/// term dictionary for prefixes, a forward index of each product's terms, and one column per filter.
/// Documents are catalogue positions. Build it once, then `update` the products that change.
///
/// Every large part is a flat array (`FlatArray`), so that an index written into a snapshot is used
/// where it lies in the mapped file (`init(image:keeper:)`) instead of being rebuilt from the products.
/// Posting lists and forward entries changed after the build live in small overrides beside them.
public struct SearchIndex: Sendable {
    // Term dictionary.
    var terms = TermTable()
    /// Term ids in the byte order of their terms, so that a prefix is one contiguous range.
    var sortedTermIDs = FlatArray<UInt32>()

    // Posting lists as built, end to end: term `t`'s are `postingOffsets[t]..<postingOffsets[t + 1]`.
    // Terms whose list changed since, and terms added since, keep theirs in `postingOverrides`.
    var postingOffsets = FlatArray<Int>([0])
    var postingDocuments = FlatArray<UInt32>()
    var postingWeights = FlatArray<UInt8>()
    var postingOverrides: [UInt32: PostingList] = [:]

    // Forward index: each document's distinct terms with their weights, flattened; documents
    // changed since the build keep theirs in `forwardOverrides`.
    var forwardOffsets = FlatArray<Int>([0])
    var forwardTerms = FlatArray<UInt32>()
    var forwardWeights = FlatArray<UInt8>()
    var forwardOverrides: [UInt32: [TermHit]] = [:]

    // Columns, one entry per document.
    var brandIDs = FlatArray<UInt32>()
    var categoryIDs = FlatArray<UInt32>()
    /// Shelf price in ten-thousandths of a major unit (the scale of `PriceRange`).
    var prices = FlatArray<Int64>()
    var inStock = FlatArray<Bool>()
    /// Rating in hundredths, or -1 when unrated.
    var ratings = FlatArray<Int16>()
    /// Listing date in seconds since 1970, or `Int64.min` when unknown.
    var listedAt = FlatArray<Int64>()

    var prefixCache = PrefixCache()
    /// The words a misspelt query word may be corrected to.
    var typoVocabulary = TypoVocabulary()

    var brands = FacetDictionary()
    var categories = FacetDictionary()

    struct TermHit: Hashable, Sendable {
        var term: UInt32
        var weight: UInt8
    }

    init() {}

    public init(catalogue: Catalogue) {
        self.init(products: catalogue.products)
    }

    public init(products: some Collection<Product>) {
        let count = products.count
        brandIDs.reserveCapacity(count)
        categoryIDs.reserveCapacity(count)
        prices.reserveCapacity(count)
        inStock.reserveCapacity(count)
        ratings.reserveCapacity(count)
        listedAt.reserveCapacity(count)
        var termIDs: [String: UInt32]? = [:]
        var offsets = [0]
        var forwardTerms: [UInt32] = []
        var forwardWeights: [UInt8] = []
        offsets.reserveCapacity(count + 1)
        for product in products {
            appendColumns(of: product)
            for hit in termHits(of: product, building: &termIDs) {
                forwardTerms.append(hit.term)
                forwardWeights.append(hit.weight)
            }
            offsets.append(forwardTerms.count)
        }
        forwardOffsets = FlatArray(offsets)
        self.forwardTerms = FlatArray(forwardTerms)
        self.forwardWeights = FlatArray(forwardWeights)
        buildPostingsFromForwardIndex()
        sortTerms()
        typoVocabulary = TypoVocabulary(terms: terms)
        prefixCache = PrefixCache(index: self)
    }

    /// Orders the term ids by their bytes, once, after a build.
    private mutating func sortTerms() {
        let terms = self.terms
        let sorted = terms.bytes.withUnsafeBufferPointer { pool in
            terms.offsets.withUnsafeBufferPointer { offsets in
                (0..<UInt32(terms.count)).sorted { a, b in
                    let first = UnsafeBufferPointer(rebasing: pool[offsets[Int(a)]..<offsets[Int(a) + 1]])
                    let second = UnsafeBufferPointer(rebasing: pool[offsets[Int(b)]..<offsets[Int(b) + 1]])
                    return TermTable.compare(first, second) < 0
                }
            }
        }
        sortedTermIDs = FlatArray(sorted)
    }

    /// Inverts the forward index in two passes: count each term's documents, then fill each term's
    /// stretch of the flat posting arrays, in document order.
    private mutating func buildPostingsFromForwardIndex() {
        let termCount = terms.count
        var offsets = [Int](repeating: 0, count: termCount + 1)
        forwardTerms.withUnsafeBufferPointer { forwardTerms in
            for term in forwardTerms { offsets[Int(term) + 1] += 1 }
        }
        for term in 0..<termCount { offsets[term + 1] += offsets[term] }
        let total = offsets[termCount]
        var next = offsets
        var weights = [UInt8](repeating: 0, count: total)
        let documents = [UInt32](unsafeUninitializedCapacity: total) { documents, initialized in
            next.withUnsafeMutableBufferPointer { next in
                weights.withUnsafeMutableBufferPointer { weights in
                    forwardTerms.withUnsafeBufferPointer { forwardTerms in
                        forwardWeights.withUnsafeBufferPointer { forwardWeights in
                            forwardOffsets.withUnsafeBufferPointer { forwardOffsets in
                                for document in 0..<(forwardOffsets.count - 1) {
                                    for offset in forwardOffsets[document]..<forwardOffsets[document + 1] {
                                        let term = Int(forwardTerms[offset])
                                        documents[next[term]] = UInt32(document)
                                        weights[next[term]] = forwardWeights[offset]
                                        next[term] += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
            initialized = total
        }
        postingOffsets = FlatArray(offsets)
        postingDocuments = FlatArray(documents)
        postingWeights = FlatArray(weights)
    }

    /// How many products the index holds.
    public var count: Int { brandIDs.count }

    /// Refreshes the columns and terms of the product at `position`; `position == count` adds it at the end.
    /// Changes that leave the text alone (stock, price, rating) touch only the columns.
    public mutating func update(_ product: Product, at position: Int) {
        precondition(position >= 0 && position <= count, "position \(position) is outside 0...\(count)")
        var notBuilding: [String: UInt32]? = nil
        if position == count {
            appendColumns(of: product)
            let hits = termHits(of: product, building: &notBuilding)
            for hit in hits { modifyPostings(of: hit.term) { $0.insert(UInt32(position), weight: hit.weight) } }
            forwardOverrides[UInt32(position)] = hits
            forwardOffsets.append(forwardTerms.count)
            prefixCache.refresh(position, hits: hits, terms: terms)
            return
        }
        setColumns(of: product, at: position)
        let document = UInt32(position)
        let old = forwardHits(of: document)
        let new = termHits(of: product, building: &notBuilding)
        guard old != new else { return }
        for hit in old { modifyPostings(of: hit.term) { $0.remove(document) } }
        for hit in new { modifyPostings(of: hit.term) { $0.insert(document, weight: hit.weight) } }
        forwardOverrides[document] = new
        prefixCache.refresh(position, hits: new, terms: terms)
    }

    /// Brings the index up to date with `catalogue` after an import or a stock change: refreshes the
    /// products at `changed` positions and adds the products the catalogue gained at its end.
    public mutating func update(from catalogue: Catalogue, changed: some Sequence<Int>) {
        for position in Set(changed).sorted() where position < count {
            update(catalogue.products[position], at: position)
        }
        while count < catalogue.count { update(catalogue.products[count], at: count) }
    }

    /// Adds products at the end, in order.
    public mutating func append(contentsOf products: some Sequence<Product>) {
        for product in products { update(product, at: count) }
    }

    /// The distinct terms of `document` with their weights, sorted by term id.
    func forwardHits(of document: UInt32) -> [TermHit] {
        if let hits = forwardOverrides[document] { return hits }
        let range = forwardOffsets[Int(document)]..<forwardOffsets[Int(document) + 1]
        return range.map { TermHit(term: forwardTerms[$0], weight: forwardWeights[$0]) }
    }

    /// How many documents term `term` occurs in.
    @inline(__always)
    func postingCount(_ term: UInt32) -> Int {
        if !postingOverrides.isEmpty, let list = postingOverrides[term] { return list.count }
        let index = Int(term)
        guard index + 1 < postingOffsets.count else { return 0 }
        return postingOffsets[index + 1] - postingOffsets[index]
    }

    /// Runs `body` with the documents of term `term` and their weights.
    @inline(__always)
    func withPostings<R>(of term: UInt32, _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        if !postingOverrides.isEmpty, let list = postingOverrides[term] {
            return list.documents.withUnsafeBufferPointer { documents in
                list.weights.withUnsafeBufferPointer { weights in body(documents, weights) }
            }
        }
        let index = Int(term)
        guard index + 1 < postingOffsets.count else {
            return body(UnsafeBufferPointer(start: nil, count: 0), UnsafeBufferPointer(start: nil, count: 0))
        }
        let range = postingOffsets[index]..<postingOffsets[index + 1]
        return postingDocuments.withUnsafeBufferPointer { documents in
            postingWeights.withUnsafeBufferPointer { weights in
                body(UnsafeBufferPointer(rebasing: documents[range]), UnsafeBufferPointer(rebasing: weights[range]))
            }
        }
    }

    /// Changes the posting list of `term`, moving it to the overrides.
    private mutating func modifyPostings(of term: UInt32, _ change: (inout PostingList) -> Void) {
        var list = postingOverrides.removeValue(forKey: term)
            ?? withPostings(of: term) { PostingList(documents: Array($0), weights: Array($1)) }
        change(&list)
        postingOverrides[term] = list
    }

    private mutating func appendColumns(of product: Product) {
        brandIDs.append(brands.id(for: product.brand))
        categoryIDs.append(categories.id(for: product.category))
        prices.append(PriceRange.tenThousandths(product.price))
        inStock.append(product.availability.isInStock)
        ratings.append(product.rating.map { Int16($0.hundredths) } ?? -1)
        listedAt.append(product.listedAt ?? Int64.min)
    }

    private mutating func setColumns(of product: Product, at position: Int) {
        brandIDs[position] = brands.id(for: product.brand)
        categoryIDs[position] = categories.id(for: product.category)
        prices[position] = PriceRange.tenThousandths(product.price)
        inStock[position] = product.availability.isInStock
        ratings[position] = product.rating.map { Int16($0.hundredths) } ?? -1
        listedAt[position] = product.listedAt ?? Int64.min
    }

    /// The distinct terms of a product, each with its best weight, sorted by term id; new terms are
    /// added to the dictionary: through `termIDs` while building (terms are sorted once at the end),
    /// else one sorted insertion at a time.
    private mutating func termHits(of product: Product, building termIDs: inout [String: UInt32]?) -> [TermHit] {
        // One integer a hit, the term id above the weight's complement, so that sorting plain
        // integers puts each term's best weight first: sorting hit values with a closure cost a
        // quarter of the index build's time at 1,000,000 products.
        var keys: [UInt64] = []
        keys.reserveCapacity(32)
        SearchField.forEachTerm(of: product) { term, weight in
            let id: UInt32
            if termIDs != nil {
                if let known = termIDs![term] {
                    id = known
                } else {
                    id = terms.append(term)
                    termIDs![term] = id
                }
            } else {
                id = termID(adding: term)
            }
            keys.append(UInt64(id) << 8 | UInt64(UInt8.max - weight))
        }
        keys.sort()
        var distinct: [TermHit] = []
        distinct.reserveCapacity(keys.count)
        for key in keys {
            let term = UInt32(truncatingIfNeeded: key >> 8)
            if distinct.last?.term != term {
                distinct.append(TermHit(term: term, weight: UInt8.max - UInt8(truncatingIfNeeded: key)))
            }
        }
        return distinct
    }

    /// The id of `term`, added to the dictionary (in sorted place) when new.
    private mutating func termID(adding term: String) -> UInt32 {
        let index = sortedInsertionIndex(for: term)
        if let id = termID(atSortedIndex: index, equalTo: term) { return id }
        let id = terms.append(term)
        sortedTermIDs.insert(id, at: index)
        typoVocabulary.add(id, of: terms)
        return id
    }

    /// The id of the term equal to `word`, if the index has it.
    func termID(of word: String) -> UInt32? {
        termID(atSortedIndex: sortedInsertionIndex(for: word), equalTo: word)
    }

    private func termID(atSortedIndex index: Int, equalTo word: String) -> UInt32? {
        guard index < sortedTermIDs.count else { return nil }
        let id = sortedTermIDs[index]
        let equal = EditDistance.withBytes(of: word) { word in
            terms.withBytes(id) { TermTable.compare($0, word) == 0 }
        }
        return equal ? id : nil
    }

    /// Where `term` belongs in `sortedTermIDs`: the first entry not below it.
    func sortedInsertionIndex(for term: String) -> Int {
        EditDistance.withBytes(of: term) { word in
            var low = 0
            var high = sortedTermIDs.count
            while low < high {
                let middle = (low + high) / 2
                if terms.withBytes(sortedTermIDs[middle], { TermTable.compare($0, word) < 0 }) {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            return low
        }
    }
}
