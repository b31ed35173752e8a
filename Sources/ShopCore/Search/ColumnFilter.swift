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

    init(query: SearchQuery, index: SearchIndex) {
        func flags(_ keys: [String], _ dictionary: FacetDictionary) -> [Bool] {
            guard !keys.isEmpty else { return [Bool](repeating: true, count: dictionary.count) }
            var kept = [Bool](repeating: false, count: dictionary.count)
            for key in keys { if let id = dictionary.id(forKey: key) { kept[Int(id)] = true } }
            return kept
        }
        brands = flags(query.brands, index.brands)
        categories = flags(query.categories, index.categories)
        hasFacetFilter = !query.brands.isEmpty || !query.categories.isEmpty
        lowerPrice = query.priceRange?.lowerTenThousandths ?? Int64.min
        upperPrice = query.priceRange?.upperTenThousandths ?? Int64.max
        hasPriceRange = query.priceRange != nil
        inStockOnly = query.inStockOnly
        minimumRating = query.minimumRating.map { Int16($0.hundredths) } ?? Int16.min
    }
}
