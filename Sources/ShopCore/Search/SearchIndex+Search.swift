/// Running a query: free-text matching, then one pass over the matches for the filters and the
/// disjunctive facet counts, then sort keys for the lazily ordered result set.
extension SearchIndex {
    public func search(_ query: SearchQuery) -> SearchResultSet {
        let textMatch = matchWords(query.words, lastWordIsPrefix: query.lastWordIsPrefix)
        let filter = ColumnFilter(query: query, index: self)
        let order = SortOrder(query.sort, hasWords: !query.words.isEmpty)
        var brandCounts = [UInt32](repeating: 0, count: brands.count)
        var categoryCounts = [UInt32](repeating: 0, count: categories.count)
        let capacity: Int
        switch textMatch {
        case .everything, .dense: capacity = count
        case let .sparse(documents, _): capacity = documents.count
        }
        let keys = [UInt64](unsafeUninitializedCapacity: capacity) { keys, initialized in
            withColumns(filter) { columns, brandFlags, categoryFlags in
                brandCounts.withUnsafeMutableBufferPointer { brandCounts in
                    categoryCounts.withUnsafeMutableBufferPointer { categoryCounts in
                        var pass = FilterPass(
                            filter: filter, order: order, columns: columns, brandFlags: brandFlags,
                            categoryFlags: categoryFlags, brandCounts: brandCounts, categoryCounts: categoryCounts, keys: keys
                        )
                        switch textMatch {
                        case .everything:
                            for document in 0..<count { pass.consider(document, score: 0) }
                        case let .dense(best):
                            SearchIndex.forEachNonZero(best) { document, score in
                                pass.consider(document, score: UInt16(score))
                            }
                        case let .sparse(documents, scores):
                            documents.withUnsafeBufferPointer { documents in
                                scores.withUnsafeBufferPointer { scores in
                                    for index in 0..<documents.count {
                                        pass.consider(Int(documents[index]), score: scores[index])
                                    }
                                }
                            }
                        }
                        initialized = pass.kept
                    }
                }
            }
        }
        return SearchResultSet(
            total: keys.count,
            brandFacets: brands.facets(from: brandCounts),
            categoryFacets: categories.facets(from: categoryCounts),
            ordering: ResultOrdering(keys: keys, alreadySorted: order == .catalogue)
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
                            listedAt.withUnsafeBufferPointer { listedAt in
                                filter.brands.withUnsafeBufferPointer { brandFlags in
                                    filter.categories.withUnsafeBufferPointer { categoryFlags in
                                        let columns = FilterColumns(
                                            brandIDs: brandIDs, categoryIDs: categoryIDs, prices: prices,
                                            inStock: inStock, ratings: ratings, listedAt: listedAt
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
    }
}

/// How the result keys are made; documents arrive in catalogue order, so `.catalogue` needs no sort.
enum SortOrder: Equatable {
    case catalogue, score, price, priceDescending, rating, newest

    init(_ sort: SearchSort, hasWords: Bool) {
        switch sort {
        case .relevance: self = hasWords ? .score : .catalogue
        case .price: self = .price
        case .priceDescending: self = .priceDescending
        case .rating: self = .rating
        case .newest: self = .newest
        }
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
    var hasPriceRange: Bool
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
        hasPriceRange = query.priceRange != nil
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
    let listedAt: UnsafeBufferPointer<Int64>
}

/// One pass over candidate documents: applies the filters, counts the facets disjunctively (brand
/// counts ignore the brand filter, category counts the category filter) and writes the sort key of
/// each match: the criterion in the high 32 bits, the catalogue position in the low 32 bits, so that
/// ordering keys is the sort with ties in catalogue order.
struct FilterPass {
    let filter: ColumnFilter
    let order: SortOrder
    let columns: FilterColumns
    let brandFlags: UnsafeBufferPointer<Bool>
    let categoryFlags: UnsafeBufferPointer<Bool>
    let brandCounts: UnsafeMutableBufferPointer<UInt32>
    let categoryCounts: UnsafeMutableBufferPointer<UInt32>
    let keys: UnsafeMutableBufferPointer<UInt64>
    private(set) var kept = 0

    init(
        filter: ColumnFilter, order: SortOrder, columns: FilterColumns, brandFlags: UnsafeBufferPointer<Bool>,
        categoryFlags: UnsafeBufferPointer<Bool>, brandCounts: UnsafeMutableBufferPointer<UInt32>,
        categoryCounts: UnsafeMutableBufferPointer<UInt32>, keys: UnsafeMutableBufferPointer<UInt64>
    ) {
        self.filter = filter
        self.order = order
        self.columns = columns
        self.brandFlags = brandFlags
        self.categoryFlags = categoryFlags
        self.brandCounts = brandCounts
        self.categoryCounts = categoryCounts
        self.keys = keys
    }

    @inline(__always)
    mutating func consider(_ document: Int, score: UInt16) {
        if filter.hasPriceRange {
            let price = columns.prices[document]
            if price < filter.lowerPrice || price > filter.upperPrice { return }
        }
        if filter.inStockOnly && !columns.inStock[document] { return }
        if filter.minimumRating > Int16.min && columns.ratings[document] < filter.minimumRating { return }
        let brand = Int(columns.brandIDs[document])
        let category = Int(columns.categoryIDs[document])
        let brandKept = brandFlags[brand]
        let categoryKept = categoryFlags[category]
        if categoryKept { brandCounts[brand] &+= 1 }
        if brandKept { categoryCounts[category] &+= 1 }
        if brandKept && categoryKept {
            keys[kept] = UInt64(primaryKey(document, score: score)) << 32 | UInt64(document)
            kept += 1
        }
    }

    @inline(__always)
    private func primaryKey(_ document: Int, score: UInt16) -> UInt32 {
        switch order {
        case .catalogue:
            return 0
        case .score:
            return UInt32.max - UInt32(score)
        case .price:
            return Self.priceKey(columns.prices[document])
        case .priceDescending:
            return UInt32.max - Self.priceKey(columns.prices[document])
        case .rating:
            let rating = columns.ratings[document]
            return rating < 0 ? UInt32.max : UInt32(1000 - Int(rating))
        case .newest:
            let listed = columns.listedAt[document]
            guard listed != Int64.min else { return UInt32.max }
            return UInt32.max - 1 - UInt32(clamping: min(max(listed, 0), Int64(UInt32.max - 1)))
        }
    }

    /// The price in hundredths of a major unit, clamped to 32 bits (up to 42,949,672.95).
    @inline(__always)
    private static func priceKey(_ tenThousandths: Int64) -> UInt32 {
        UInt32(clamping: max(0, tenThousandths / 100))
    }
}
