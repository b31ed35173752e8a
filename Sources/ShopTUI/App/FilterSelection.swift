import ShopCore

/// The filters of the search box's query, as the Filters pane shows them. The typed text is the
/// one state: typing `brand:lavazza` ticks Lavazza, and ticking it writes `brand:Lavazza` into the
/// box (see `FilterEdit`), so the box and the pane never disagree.
public struct FilterSelection: Hashable, Sendable {
    /// `brand:` and `cat:` values as the query folded them (`lavazza`, `de buyer`).
    public var brands: [String] = []
    public var categories: [String] = []
    public var inStockOnly = false
    public var minimumRating: Rating?
    public var priceRange: PriceRange?
    public var sort: SearchSort = .relevance

    public init() {}

    /// The filters `query` sets.
    public init(query: SearchQuery) {
        brands = query.brands
        categories = query.categories
        inStockOnly = query.inStockOnly
        minimumRating = query.minimumRating
        priceRange = query.priceRange
        sort = query.sort
    }

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

    /// The rating band the query's `rating:` is, nil for another minimum (`rating:3.5`).
    public var ratingBand: Int? {
        FilterSelection.ratingBands.firstIndex { $0.hundredths == minimumRating?.hundredths }
    }

    /// The price band the query's `price:` is, nil for a range typed otherwise.
    public var priceBand: Int? {
        FilterSelection.priceBands.firstIndex { band in
            band.lower.map { $0 * 10_000 } == priceRange?.lowerTenThousandths
                && band.upper.map { $0 * 10_000 } == priceRange?.upperTenThousandths
        }
    }

    public var ratingLabel: String {
        if let band = ratingBand { return FilterSelection.ratingBands[band].label }
        return minimumRating.map { "\($0.label) ★ and up" } ?? "any"
    }

    /// The price filter in words, with the currency's symbol unless it is `any`.
    public func priceLabel(symbol: String) -> String {
        guard let priceRange else { return "any" }
        let words = priceBand.map { FilterSelection.priceBands[$0].label } ?? priceRange.words
        return "\(words) \(symbol)"
    }

    /// The band `step` away from the current one (from the nearest band when the query says
    /// something else), as the query value to write; nil means no filter.
    public func ratingValue(step: Int) -> String? {
        let bands = FilterSelection.ratingBands
        let current = ratingBand ?? bands.lastIndex { ($0.hundredths ?? 0) <= (minimumRating?.hundredths ?? 0) } ?? 0
        let next = (current + step + bands.count) % bands.count
        return bands[next].hundredths.map(FilterSelection.ratingValue(hundredths:))
    }

    public func priceValue(step: Int) -> String? {
        let bands = FilterSelection.priceBands
        let current = priceBand ?? (step > 0 ? 0 : bands.count)
        let next = ((current + step) % bands.count + bands.count) % bands.count
        let band = bands[next]
        guard band.lower != nil || band.upper != nil else { return nil }
        return PriceRange(lowerTenThousandths: band.lower.map { $0 * 10_000 }, upperTenThousandths: band.upper.map { $0 * 10_000 }).queryValue
    }
}

extension FilterSelection {
    /// `450` hundredths as the query writes a rating: `4.5`; `400` as `4`.
    static func ratingValue(hundredths: Int) -> String {
        let whole = hundredths / 100, rest = hundredths % 100
        if rest == 0 { return "\(whole)" }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)" : "\(whole).\(rest < 10 ? "0" : "")\(rest)"
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
    /// their counts, the ones the query names ticked and first (a value that names none of the
    /// results' brands shows as typed, with 0).
    public static func rows(filters: FilterSelection, results: SearchResultSet) -> [FilterItem] {
        var rows: [FilterItem] = [.sort, .inStock, .rating, .price]
        if !filters.isEmpty { rows.append(.clear) }
        rows.append(.heading("Brands"))
        rows += facetRows(results.brandFacets, values: filters.brands) { .brand($0, count: $1, selected: $2) }
        rows.append(.heading("Categories"))
        rows += facetRows(results.categoryFacets, values: filters.categories) { .category($0, count: $1, selected: $2) }
        return rows
    }

    private static func facetRows(_ facets: [FacetCount], values: [String], make: (String, Int, Bool) -> FilterItem) -> [FilterItem] {
        var ticked: [FilterItem] = []
        var unticked: [FilterItem] = []
        var named = Set<String>()
        for facet in facets where facet.count > 0 {
            let key = TextFolding.key(facet.value)
            let naming = values.filter { QueryText.filterValue($0, names: key) }
            named.formUnion(naming)
            if naming.isEmpty { unticked.append(make(facet.value, facet.count, false)) } else { ticked.append(make(facet.value, facet.count, true)) }
        }
        var seen = Set<String>()
        for value in values where !named.contains(value) && seen.insert(value).inserted {
            ticked.append(make(value, 0, true))
        }
        return ticked + unticked
    }
}
