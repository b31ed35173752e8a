import ShopCore

/// What a row of the Filters pane does to the search box's text: the pane writes its filters
/// into the query (`brand:Lavazza`, `in:stock`, `price:10..50`, `sort:price`) and takes them out,
/// keeping the rest as typed.
enum FilterEdit {
    /// The text after choosing `row` (`step` 1 goes forward through a row's values, -1 back);
    /// nil for a row that changes nothing.
    static func text(_ text: String, changing row: FilterItem, step: Int, filters: FilterSelection) -> String? {
        switch row {
        case .sort:
            let all = SearchSort.allCases
            let index = all.firstIndex(of: filters.sort) ?? 0
            let next = all[(index + step + all.count) % all.count]
            return QueryText.setting("sort", to: next == .relevance ? nil : next.rawValue, in: text)
        case .inStock:
            return QueryText.setting("in", to: filters.inStockOnly ? nil : "stock", in: text)
        case .rating:
            return QueryText.setting("rating", to: filters.ratingValue(step: step), in: text)
        case .price:
            return QueryText.setting("price", to: filters.priceValue(step: step), in: text)
        case .clear:
            return QueryText.removingFilters(in: text)
        case let .brand(name, _, selected):
            return selected ? QueryText.removing(valuesNaming: TextFolding.key(name), from: "brand", in: text)
                : QueryText.adding(name, to: "brand", in: text)
        case let .category(name, _, selected):
            return selected ? QueryText.removing(valuesNaming: TextFolding.key(name), from: "cat", in: text)
                : QueryText.adding(name, to: "cat", in: text)
        case .heading:
            return nil
        }
    }
}
