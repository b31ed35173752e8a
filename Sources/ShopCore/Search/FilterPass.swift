/// Raw views of the index columns the filter pass reads.
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
        if !filter.hidden.isEmpty && filter.hidden.contains(document) { return }
        if filter.hasPriceRange {
            let price = columns.prices[document]
            if price < filter.lowerPrice || price > filter.upperPrice { return }
        }
        if filter.inStockOnly && !columns.inStock[document] { return }
        if filter.minimumRating > Int16.min && columns.ratings[document] < filter.minimumRating { return }
        let brand = Int(columns.brandIDs[document])
        let category = Int(columns.categoryIDs[document])
        if !filter.hasFacetFilter {
            brandCounts[brand] &+= 1
            categoryCounts[category] &+= 1
            keys[kept] = UInt64(primaryKey(document, score: score)) << 32 | UInt64(document)
            kept += 1
            return
        }
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
