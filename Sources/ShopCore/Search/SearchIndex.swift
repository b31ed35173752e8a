/// An index of the catalogue for the query language: an inverted index over folded terms, a sorted
/// term dictionary for prefixes, a forward index of each product's terms, and one column per filter.
/// Documents are catalogue positions. Build it once, then `update` the products that change.
public struct SearchIndex: Sendable {
    // Term dictionary.
    var termIDs: [String: UInt32] = [:]
    var terms: [String] = []
    /// Term ids in the byte order of their terms, so that a prefix is one contiguous range.
    var sortedTermIDs: [UInt32] = []
    var postings: [PostingList] = []
    /// False while building, when terms are sorted once at the end instead of one insertion at a time.
    var keepsTermsSorted = false

    // Forward index: each document's distinct terms with their weights, flattened; documents
    // changed since the build keep theirs in `forwardOverrides`.
    var forwardOffsets: [Int] = [0]
    var forwardTerms: [UInt32] = []
    var forwardWeights: [UInt8] = []
    var forwardOverrides: [UInt32: [TermHit]] = [:]

    // Columns, one entry per document.
    var brandIDs: [UInt32] = []
    var categoryIDs: [UInt32] = []
    /// Shelf price in ten-thousandths of a major unit (the scale of `PriceRange`).
    var prices: [Int64] = []
    var inStock: [Bool] = []
    /// Rating in hundredths, or -1 when unrated.
    var ratings: [Int16] = []
    /// Listing date in seconds since 1970, or `Int64.min` when unknown.
    var listedAt: [Int64] = []

    var prefixCache = PrefixCache()
    /// The words a misspelt query word may be corrected to.
    var typoVocabulary = TypoVocabulary()

    var brands = FacetDictionary()
    var categories = FacetDictionary()

    struct TermHit: Hashable, Sendable {
        var term: UInt32
        var weight: UInt8
    }

    public init(catalogue: Catalogue) {
        self.init(products: catalogue.products)
    }

    public init(products: [Product]) {
        let count = products.count
        brandIDs.reserveCapacity(count)
        categoryIDs.reserveCapacity(count)
        prices.reserveCapacity(count)
        inStock.reserveCapacity(count)
        ratings.reserveCapacity(count)
        listedAt.reserveCapacity(count)
        forwardOffsets.reserveCapacity(count + 1)
        for (position, product) in products.enumerated() {
            appendColumns(of: product)
            for hit in termHits(of: product) {
                forwardTerms.append(hit.term)
                forwardWeights.append(hit.weight)
            }
            forwardOffsets.append(forwardTerms.count)
        }
        buildPostingsFromForwardIndex()
        sortedTermIDs = (0..<UInt32(terms.count)).sorted { a, b in
            terms[Int(a)].utf8.lexicographicallyPrecedes(terms[Int(b)].utf8)
        }
        keepsTermsSorted = true
        for (id, term) in terms.enumerated() { typoVocabulary.add(term, id: UInt32(id)) }
        prefixCache = PrefixCache(index: self)
    }

    /// Inverts the forward index in two passes: count each term's documents, then fill lists of
    /// exactly that size, in document order.
    private mutating func buildPostingsFromForwardIndex() {
        var lengths = [Int](repeating: 0, count: terms.count)
        for term in forwardTerms { lengths[Int(term)] += 1 }
        let documentLists = lengths.map { UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, $0)) }
        let weightLists = lengths.map { UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, $0)) }
        defer {
            documentLists.forEach { $0.deallocate() }
            weightLists.forEach { $0.deallocate() }
        }
        var filled = [Int](repeating: 0, count: terms.count)
        filled.withUnsafeMutableBufferPointer { filled in
            forwardTerms.withUnsafeBufferPointer { forwardTerms in
                forwardWeights.withUnsafeBufferPointer { forwardWeights in
                    for document in 0..<count {
                        for offset in forwardOffsets[document]..<forwardOffsets[document + 1] {
                            let term = Int(forwardTerms[offset])
                            documentLists[term][filled[term]] = UInt32(document)
                            weightLists[term][filled[term]] = forwardWeights[offset]
                            filled[term] += 1
                        }
                    }
                }
            }
        }
        postings = lengths.indices.map { term in
            PostingList(
                documents: Array(UnsafeBufferPointer(start: documentLists[term], count: lengths[term])),
                weights: Array(UnsafeBufferPointer(start: weightLists[term], count: lengths[term]))
            )
        }
    }

    /// How many products the index holds.
    public var count: Int { brandIDs.count }

    /// Refreshes the columns and terms of the product at `position`; `position == count` adds it at the end.
    /// Changes that leave the text alone (stock, price, rating) touch only the columns.
    public mutating func update(_ product: Product, at position: Int) {
        precondition(position >= 0 && position <= count, "position \(position) is outside 0...\(count)")
        if position == count {
            appendColumns(of: product)
            let hits = termHits(of: product)
            for hit in hits { postings[Int(hit.term)].insert(UInt32(position), weight: hit.weight) }
            forwardOverrides[UInt32(position)] = hits
            forwardOffsets.append(forwardTerms.count)
            prefixCache.refresh(position, hits: hits, terms: terms)
            return
        }
        setColumns(of: product, at: position)
        let document = UInt32(position)
        let old = forwardHits(of: document)
        let new = termHits(of: product)
        guard old != new else { return }
        for hit in old { postings[Int(hit.term)].remove(document) }
        for hit in new { postings[Int(hit.term)].insert(document, weight: hit.weight) }
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
    /// added to the dictionary.
    private mutating func termHits(of product: Product) -> [TermHit] {
        // One integer a hit, the term id above the weight's complement, so that sorting plain
        // integers puts each term's best weight first: sorting hit values with a closure cost a
        // quarter of the index build's time at 1,000,000 products.
        var keys: [UInt64] = []
        keys.reserveCapacity(32)
        SearchField.forEachTerm(of: product) { term, weight in
            keys.append(UInt64(termID(for: term)) << 8 | UInt64(UInt8.max - weight))
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

    private mutating func termID(for term: String) -> UInt32 {
        if let id = termIDs[term] { return id }
        let id = UInt32(terms.count)
        termIDs[term] = id
        terms.append(term)
        postings.append(PostingList())
        if keepsTermsSorted {
            let index = sortedInsertionIndex(for: term)
            sortedTermIDs.insert(id, at: index)
            typoVocabulary.add(term, id: id)
        }
        return id
    }

    /// Where `term` belongs in `sortedTermIDs`: the first entry not below it.
    func sortedInsertionIndex(for term: String) -> Int {
        var low = 0
        var high = sortedTermIDs.count
        while low < high {
            let middle = (low + high) / 2
            if terms[Int(sortedTermIDs[middle])].utf8.lexicographicallyPrecedes(term.utf8) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }
}
