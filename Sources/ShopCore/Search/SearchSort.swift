/// The orders a result list can be shown in. Ties always keep catalogue order.
public enum SearchSort: String, CaseIterable, Hashable, Sendable {
    /// Best match first (title above brand above category and tags above description).
    case relevance
    /// Cheapest first.
    case price
    /// Most expensive first.
    case priceDescending = "price-desc"
    /// Best rated first; unrated products last.
    case rating
    /// Most recently listed first; products without a listing date last.
    case newest

    /// The spellings `sort:` accepts for each order.
    static func named(_ name: String) -> SearchSort? {
        if name == "-price" { return .priceDescending }
        return SearchSort(rawValue: name)
    }
}
