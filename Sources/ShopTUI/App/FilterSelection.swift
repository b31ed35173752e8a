import ShopCore

/// The filters chosen in the Filters pane. They are added to what the search box says, so
/// `coffee` typed plus the brand Lavazza ticked searches `coffee brand:lavazza`.
public struct FilterSelection: Hashable, Sendable {
    /// Ticked brands and categories as the catalogue spells them, in the order they were ticked.
    public var brands: [String] = []
    public var categories: [String] = []
    public var inStockOnly = false
    public var ratingBand = 0
    public var priceBand = 0
    public var sort: SearchSort = .relevance

    public init() {}

    public var isEmpty: Bool { self == FilterSelection() }

    /// Minimum ratings offered, in hundredths; the first means any rating.
    public static let ratingBands: [(label: String, hundredths: Int?)] = [
        ("any", nil), ("3 ★ and up", 300), ("4 ★ and up", 400), ("4.5 ★ and up", 450),
    ]

    /// Price ranges offered, in major units; the first means any price.
    public static let priceBands: [(label: String, lower: Int64?, upper: Int64?)] = [
        ("any", nil, nil), ("under 10", nil, 10), ("10 to 50", 10, 50), ("50 to 200", 50, 200),
        ("200 to 1000", 200, 1000), ("over 1000", 1000, nil),
    ]

    public static let sortLabels: [SearchSort: String] = [
        .relevance: "relevance", .price: "price, low to high", .priceDescending: "price, high to low",
        .rating: "best rated", .newest: "newest",
    ]

    /// `query` narrowed by these filters; a filter typed in the box and one ticked here both apply.
    public func applied(to query: SearchQuery) -> SearchQuery {
        var result = query
        for brand in brands { result.brands.append(TextFolding.key(brand)) }
        for category in categories { result.categories.append(TextFolding.key(category)) }
        if inStockOnly { result.inStockOnly = true }
        if let hundredths = Self.ratingBands[ratingBand].hundredths {
            result.minimumRating = Rating(hundredths: max(hundredths, result.minimumRating?.hundredths ?? 0))
        }
        let band = Self.priceBands[priceBand]
        if band.lower != nil || band.upper != nil {
            result.priceRange = PriceRange(lowerTenThousandths: band.lower.map { $0 * 10_000 }, upperTenThousandths: band.upper.map { $0 * 10_000 })
        }
        if sort != .relevance { result.sort = sort }
        return result
    }

    public mutating func toggleBrand(_ brand: String) {
        if let index = brands.firstIndex(of: brand) { brands.remove(at: index) } else { brands.append(brand) }
    }

    public mutating func toggleCategory(_ category: String) {
        if let index = categories.firstIndex(of: category) { categories.remove(at: index) } else { categories.append(category) }
    }
}

/// One row of the Filters pane.
public enum FilterItem: Hashable, Sendable {
    case sort
    case inStock
    case rating
    case price
    case clear
    case heading(String)
    case brand(String, count: Int, selected: Bool)
    case category(String, count: Int, selected: Bool)

    public var isSelectable: Bool {
        if case .heading = self { return false }
        return true
    }

    /// The rows for the current results: the fixed filters, then brands and categories with
    /// their counts (ticked ones first, even when the other filters leave none of them).
    public static func rows(filters: FilterSelection, results: SearchResultSet) -> [FilterItem] {
        var rows: [FilterItem] = [.sort, .inStock, .rating, .price]
        if !filters.isEmpty { rows.append(.clear) }
        rows.append(.heading("Brands"))
        rows += facetRows(results.brandFacets, selected: filters.brands) { .brand($0, count: $1, selected: $2) }
        rows.append(.heading("Categories"))
        rows += facetRows(results.categoryFacets, selected: filters.categories) { .category($0, count: $1, selected: $2) }
        return rows
    }

    private static func facetRows(_ facets: [FacetCount], selected: [String], make: (String, Int, Bool) -> FilterItem) -> [FilterItem] {
        var rows: [FilterItem] = []
        let selectedKeys = Set(selected.map(TextFolding.key))
        for name in selected {
            let count = facets.first { TextFolding.key($0.value) == TextFolding.key(name) }?.count ?? 0
            rows.append(make(name, count, true))
        }
        for facet in facets where !selectedKeys.contains(TextFolding.key(facet.value)) && facet.count > 0 {
            rows.append(make(facet.value, facet.count, false))
        }
        return rows
    }
}
