/// Running a query: free-text matching, then one pass over the matches for the filters and the
/// disjunctive facet counts, then sort keys for the lazily ordered result set.
extension SearchIndex {
    public func search(_ query: SearchQuery) -> SearchResultSet {
        let textMatches = matchWords(query.words, lastWordIsPrefix: query.lastWordIsPrefix)
        let filter = ColumnFilter(query: query, index: self)
        var brandCounts = [UInt32](repeating: 0, count: brands.count)
        var categoryCounts = [UInt32](repeating: 0, count: categories.count)
        let candidateCount = textMatches?.documents.count ?? count
        let keepsScores = query.sort == .relevance && textMatches != nil
        var matched = [UInt32](repeating: 0, count: candidateCount)
        var matchedScores = [UInt16](repeating: 0, count: keepsScores ? candidateCount : 0)
        var total = 0
        withColumns(filter) { columns, brandFlags, categoryFlags in
            brandCounts.withUnsafeMutableBufferPointer { brandCounts in
                categoryCounts.withUnsafeMutableBufferPointer { categoryCounts in
                    matched.withUnsafeMutableBufferPointer { matched in
                        matchedScores.withUnsafeMutableBufferPointer { matchedScores in
                            var pass = FilterPass(
                                filter: filter, columns: columns, brandFlags: brandFlags, categoryFlags: categoryFlags,
                                brandCounts: brandCounts, categoryCounts: categoryCounts,
                                matched: matched, matchedScores: keepsScores ? matchedScores : nil
                            )
                            if let (documents, scores) = textMatches {
                                documents.withUnsafeBufferPointer { documents in
                                    scores.withUnsafeBufferPointer { scores in
                                        for index in 0..<documents.count {
                                            pass.consider(Int(documents[index]), score: scores[index])
                                        }
                                    }
                                }
                            } else {
                                for document in 0..<count { pass.consider(document, score: 0) }
                            }
                            total = pass.kept
                        }
                    }
                }
            }
        }
        matched.removeSubrange(total...)
        if keepsScores { matchedScores.removeSubrange(total...) }

        let ordering = ResultOrdering(keys: sortKeys(matched, scores: matchedScores, query: query))
        return SearchResultSet(
            total: total,
            brandFacets: brands.facets(from: brandCounts),
            categoryFacets: categories.facets(from: categoryCounts),
            ordering: ordering
        )
    }

    /// Runs `body` with raw views of the filter columns and of the kept brand and category flags.
    private func withColumns<R>(
        _ filter: ColumnFilter, _ body: (FilterColumns, UnsafeBufferPointer<Bool>, UnsafeBufferPointer<Bool>) -> R
    ) -> R {
        brandIDs.withUnsafeBufferPointer { brandIDs in
            categoryIDs.withUnsafeBufferPointer { categoryIDs in
                prices.withUnsafeBufferPointer { prices in
                    inStock.withUnsafeBufferPointer { inStock in
                        ratings.withUnsafeBufferPointer { ratings in
                            filter.brands.withUnsafeBufferPointer { brandFlags in
                                filter.categories.withUnsafeBufferPointer { categoryFlags in
                                    let columns = FilterColumns(
                                        brandIDs: brandIDs, categoryIDs: categoryIDs, prices: prices, inStock: inStock, ratings: ratings
                                    )
                                    return body(columns, brandFlags, categoryFlags)
                                }
                            }
                        }
                    }
                }
            }
        }
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
    /// Whether each brand id is kept; all true without a brand filter.
    var brands: [Bool]
    var categories: [Bool]
    var lowerPrice: Int64
    var upperPrice: Int64
    var inStockOnly: Bool
    /// Minimum rating in hundredths, or `Int16.min` for no rating filter. Unrated products are stored
    /// as -1, so they fail any rating filter.
    var minimumRating: Int16

    init(query: SearchQuery, index: SearchIndex) {
        func flags(_ keys: [String], _ dictionary: FacetDictionary) -> [Bool] {
            guard !keys.isEmpty else { return [Bool](repeating: true, count: dictionary.count) }
            var kept = [Bool](repeating: false, count: dictionary.count)
            for key in keys { if let id = dictionary.id(forKey: key) { kept[Int(id)] = true } }
            return kept
        }
        brands = flags(query.brands, index.brands)
        categories = flags(query.categories, index.categories)
        lowerPrice = query.priceRange?.lowerTenThousandths ?? Int64.min
        upperPrice = query.priceRange?.upperTenThousandths ?? Int64.max
        inStockOnly = query.inStockOnly
        minimumRating = query.minimumRating.map { Int16($0.hundredths) } ?? Int16.min
    }

}

struct FilterColumns {
    let brandIDs: UnsafeBufferPointer<UInt32>
    let categoryIDs: UnsafeBufferPointer<UInt32>
    let prices: UnsafeBufferPointer<Int64>
    let inStock: UnsafeBufferPointer<Bool>
    let ratings: UnsafeBufferPointer<Int16>
}

/// One pass over candidate documents: applies the filters, counts the facets disjunctively (brand
/// counts ignore the brand filter, category counts the category filter) and keeps the matches.
struct FilterPass {
    let filter: ColumnFilter
    let columns: FilterColumns
    let brandFlags: UnsafeBufferPointer<Bool>
    let categoryFlags: UnsafeBufferPointer<Bool>
    let brandCounts: UnsafeMutableBufferPointer<UInt32>
    let categoryCounts: UnsafeMutableBufferPointer<UInt32>
    let matched: UnsafeMutableBufferPointer<UInt32>
    let matchedScores: UnsafeMutableBufferPointer<UInt16>?
    private(set) var kept = 0

    init(
        filter: ColumnFilter, columns: FilterColumns, brandFlags: UnsafeBufferPointer<Bool>,
        categoryFlags: UnsafeBufferPointer<Bool>, brandCounts: UnsafeMutableBufferPointer<UInt32>,
        categoryCounts: UnsafeMutableBufferPointer<UInt32>, matched: UnsafeMutableBufferPointer<UInt32>,
        matchedScores: UnsafeMutableBufferPointer<UInt16>?
    ) {
        self.filter = filter
        self.columns = columns
        self.brandFlags = brandFlags
        self.categoryFlags = categoryFlags
        self.brandCounts = brandCounts
        self.categoryCounts = categoryCounts
        self.matched = matched
        self.matchedScores = matchedScores
    }

    @inline(__always)
    mutating func consider(_ document: Int, score: UInt16) {
        let price = columns.prices[document]
        if price < filter.lowerPrice || price > filter.upperPrice { return }
        if filter.inStockOnly && !columns.inStock[document] { return }
        if filter.minimumRating > Int16.min && columns.ratings[document] < filter.minimumRating { return }
        let brand = Int(columns.brandIDs[document])
        let category = Int(columns.categoryIDs[document])
        let brandKept = brandFlags[brand]
        let categoryKept = categoryFlags[category]
        if categoryKept { brandCounts[brand] &+= 1 }
        if brandKept { categoryCounts[category] &+= 1 }
        if brandKept && categoryKept {
            matched[kept] = UInt32(document)
            if let matchedScores { matchedScores[kept] = score }
            kept += 1
        }
    }
}
