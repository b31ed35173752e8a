import ShopCore

/// The keys shown in the footer for what has the focus, and all of them under `?`.
public enum KeyHelp {
    public typealias Binding = (keys: String, action: String)

    /// The footer's keys for what has the focus, from the key table that handles them.
    public static func footer(for state: AppState) -> [Binding] { ShopScreens.footer(state) }

    /// The bindings that fit in `width` columns: the last two (help and quit) always stay, the
    /// ones before them are dropped from the end.
    public static func fitting(_ bindings: [Binding], width: Int) -> [Binding] {
        func columns(_ list: [Binding]) -> Int { list.reduce(0) { $0 + DisplayWidth.of($1.keys) + DisplayWidth.of($1.action) + 3 } }
        var kept = bindings
        while columns(kept) > width, kept.count > 2 {
            kept.remove(at: kept.count - 3)
        }
        while columns(kept) > width, !kept.isEmpty { kept.removeFirst() }
        return kept
    }

    /// Every key of the shop, grouped, for the help overlay: gathered from the key tables.
    public static var all: [(group: String, bindings: [Binding])] { ShopKeys.helpContents }

    /// The query language of the search box, the help's last group.
    static let searchLanguage: (group: String, bindings: [Binding]) =
        ("Search box", [
            ("words", "titles, brands, tags…"),
            ("brand:a,b", "only these brands"),
            ("cat:x", "only this category"),
            ("price:5..20", "price range, VAT incl."),
            ("in:stock", "in stock only"),
            ("rating:4", "minimum rating"),
            ("sort:price", "or rating, newest…"),
        ])
}
