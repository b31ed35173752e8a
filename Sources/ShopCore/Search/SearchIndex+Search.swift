/// Running a query: free-text matching, then one pass over the matches for the filters and the
/// disjunctive facet counts, then sort keys for the lazily ordered result set.
extension SearchIndex {
    public func search(_ query: SearchQuery) -> SearchResultSet {
        let textMatches = matchWords(query.words, lastWordIsPrefix: query.lastWordIsPrefix)
        let filter = ColumnFilter(query: query, index: self)
        var brandCounts = [UInt32](repeating: 0, count: brands.count)
        var categoryCounts = [UInt32](repeating: 0, count: categories.count)
        var matched: [UInt32] = []
        var matchedScores: [UInt16] = []

        func consider(_ document: Int, score: UInt16) {
            guard filter.keepsOtherThanFacets(document, prices: prices, inStock: inStock, ratings: ratings) else { return }
            let brand = Int(brandIDs[document])
            let category = Int(categoryIDs[document])
            let brandKept = filter.brands.map { $0[brand] } ?? true
            let categoryKept = filter.categories.map { $0[category] } ?? true
            if categoryKept { brandCounts[brand] += 1 }
            if brandKept { categoryCounts[category] += 1 }
            if brandKept && categoryKept {
                matched.append(UInt32(document))
                matchedScores.append(score)
            }
        }

        if let (documents, scores) = textMatches {
            matched.reserveCapacity(documents.count)
            matchedScores.reserveCapacity(documents.count)
            for index in 0..<documents.count { consider(Int(documents[index]), score: scores[index]) }
        } else {
            matched.reserveCapacity(count)
            for document in 0..<count { consider(document, score: 0) }
        }

        let ordering = ResultOrdering(keys: sortKeys(matched, scores: matchedScores, query: query))
        return SearchResultSet(
            total: matched.count,
            brandFacets: brands.facets(from: brandCounts),
            categoryFacets: categories.facets(from: categoryCounts),
            ordering: ordering
        )
    }

    /// One key per match: the sort criterion in the high 32 bits and the catalogue position in the
    /// low 32 bits, so ordering by key is the sort with ties in catalogue order.
    private func sortKeys(_ documents: [UInt32], scores: [UInt16], query: SearchQuery) -> ResultOrdering.Keys {
        func keyed(_ primary: (Int) -> UInt32) -> [UInt64] {
            documents.map { UInt64(primary(Int($0))) << 32 | UInt64($0) }
        }
        switch query.sort {
        case .relevance:
            guard !query.words.isEmpty else { return .sorted(documents.map(UInt64.init)) }
            var keys = [UInt64](repeating: 0, count: documents.count)
            for index in documents.indices {
                keys[index] = UInt64(UInt32.max - UInt32(scores[index])) << 32 | UInt64(documents[index])
            }
            return .unsorted(keys)
        case .price:
            return .unsorted(keyed { priceKey($0) })
        case .priceDescending:
            return .unsorted(keyed { UInt32.max - priceKey($0) })
        case .rating:
            return .unsorted(keyed { ratings[$0] < 0 ? UInt32.max : UInt32(1000 - Int(ratings[$0])) })
        case .newest:
            return .unsorted(keyed { document in
                let listed = listedAt[document]
                guard listed != Int64.min else { return UInt32.max }
                return UInt32.max - 1 - UInt32(clamping: min(max(listed, 0), Int64(UInt32.max - 1)))
            })
        }
    }

    /// The price in hundredths of a major unit, clamped to 32 bits (up to 42,949,672.95).
    private func priceKey(_ document: Int) -> UInt32 {
        UInt32(clamping: max(0, prices[document] / 100))
    }
}

/// The non-text filters of a query, resolved against the index's dictionaries.
struct ColumnFilter {
    /// Kept brand ids, or nil for every brand.
    var brands: [Bool]?
    var categories: [Bool]?
    var lowerPrice: Int64
    var upperPrice: Int64
    var inStockOnly: Bool
    /// Minimum rating in hundredths, or nil for no rating filter (unrated products fail any rating filter).
    var minimumRating: Int16?

    init(query: SearchQuery, index: SearchIndex) {
        func flags(_ keys: [String], _ dictionary: FacetDictionary) -> [Bool]? {
            guard !keys.isEmpty else { return nil }
            var kept = [Bool](repeating: false, count: dictionary.count)
            for key in keys { if let id = dictionary.id(forKey: key) { kept[Int(id)] = true } }
            return kept
        }
        brands = flags(query.brands, index.brands)
        categories = flags(query.categories, index.categories)
        lowerPrice = query.priceRange?.lowerTenThousandths ?? Int64.min
        upperPrice = query.priceRange?.upperTenThousandths ?? Int64.max
        inStockOnly = query.inStockOnly
        minimumRating = query.minimumRating.map { Int16($0.hundredths) }
    }

    /// Whether a document passes the price, stock and rating filters (brand and category are facets).
    @inline(__always)
    func keepsOtherThanFacets(_ document: Int, prices: [Int64], inStock: [Bool], ratings: [Int16]) -> Bool {
        let price = prices[document]
        if price < lowerPrice || price > upperPrice { return false }
        if inStockOnly && !inStock[document] { return false }
        if let minimumRating, ratings[document] < minimumRating { return false }
        return true
    }
}
