/// The non-text filters of a query, resolved against the index's dictionaries.
struct ColumnFilter {
    /// Whether each brand id is kept; all true without a brand filter.
    var brands: [Bool]
    var categories: [Bool]
    var lowerPrice: Int64
    var upperPrice: Int64
    var hasPriceRange: Bool
    /// Whether a brand or category filter is set; without one every match counts in both facets.
    var hasFacetFilter: Bool
    var inStockOnly: Bool
    /// Minimum rating in hundredths, or `Int16.min` for no rating filter. Unrated products are stored
    /// as -1, so they fail any rating filter.
    var minimumRating: Int16
    /// The first `brand:` or `cat:` value that names nothing in the catalogue, with the closest names.
    var problem: QueryError?
    /// Documents never kept whatever the query says (unlisted products).
    var hidden = HiddenDocuments.none

    init(query: SearchQuery, index: SearchIndex) {
        var unmatched: (key: String, isBrand: Bool)?
        func flags(_ keys: [String], _ dictionary: FacetDictionary, isBrand: Bool) -> [Bool] {
            guard !keys.isEmpty else { return [Bool](repeating: true, count: dictionary.count) }
            var kept = [Bool](repeating: false, count: dictionary.count)
            for key in keys {
                let ids = dictionary.ids(matching: key)
                if ids.isEmpty, unmatched == nil { unmatched = (key, isBrand) }
                for id in ids { kept[Int(id)] = true }
            }
            return kept
        }
        brands = flags(query.brands, index.brands, isBrand: true)
        categories = flags(query.categories, index.categories, isBrand: false)
        if let unmatched {
            problem = unmatched.isBrand
                ? .unknownBrand(unmatched.key, closest: index.brands.closestNames(to: unmatched.key))
                : .unknownCategory(unmatched.key, closest: index.categories.closestNames(to: unmatched.key))
        }
        hasFacetFilter = !query.brands.isEmpty || !query.categories.isEmpty
        lowerPrice = query.priceRange?.lowerTenThousandths ?? Int64.min
        upperPrice = query.priceRange?.upperTenThousandths ?? Int64.max
        hasPriceRange = query.priceRange != nil
        inStockOnly = query.inStockOnly
        minimumRating = query.minimumRating.map { Int16($0.hundredths) } ?? Int16.min
    }
}
