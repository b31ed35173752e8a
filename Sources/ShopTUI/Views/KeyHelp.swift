import ShopCore

/// The keys shown in the footer for what has the focus, and all of them under `?`.
public enum KeyHelp {
    public typealias Binding = (keys: String, action: String)

    public static func footer(for state: AppState) -> [Binding] {
        if state.showsHelp { return [("any key", "closes help")] }
        if let bindings = FormScreens.footer(state) { return bindings }
        if let bindings = AfterSalesHelp.footer(for: state) { return bindings }
        if state.search.isEditing {
            return [("type", "search"), ("⌫", "erase"), ("Enter/↓", "results"), ("Esc", "stop typing"), ("Tab", "next pane")]
        }
        let common: [Binding] = [("/", "search"), ("Tab", "pane"), ("t", "theme"), ("?", "help"), ("q", "quit")]
        switch state.focus {
        case .catalogue where state.detail != nil:
            return [("a", "add to cart"), ("+ -", "quantity"), ("Esc", "back")] + common
        case .catalogue:
            return [("↑↓", "move"), ("Enter", "open"), ("a", "add to cart")] + common
        case .filters:
            return [("↑↓", "move"), ("Enter", "toggle"), ("← →", "change")] + common
        case .cart:
            return [("+ -", "quantity"), ("d", "remove"), ("Enter", "open"), ("c", "checkout")] + common
        case .orders:
            return [("↑↓", "move"), ("Enter", "tracking"), ("x", "cancel"), ("r", "return"), ("s", "support")] + common
        case .messages:
            return [("↑↓", "move"), ("Enter", "read")] + common
        }
    }

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

    /// Every key of the shop, grouped, for the help overlay.
    public static let all: [(group: String, bindings: [Binding])] = [
        ("Everywhere", [
            ("Tab ⇧Tab", "next / previous pane"),
            ("1 – 5", "jump to a pane"),
            ("/", "type in the search box"),
            ("t", "next colour theme"),
            ("?", "this help"),
            ("q", "quit"),
        ]),
        ("Lists", [
            ("↑ ↓  j k", "move the selection"),
            ("PgUp PgDn", "page up / down"),
            ("Home End", "first / last"),
            ("Enter", "open or confirm"),
            ("Esc", "back or close"),
        ]),
        ("Shopping", [
            ("a", "add to cart"),
            ("+ -", "change the quantity"),
            ("d", "remove from the cart"),
            ("c", "checkout"),
        ]),
        ("Orders", [
            ("x", "cancel an order (y/n)"),
            ("r", "return items"),
            ("s", "write to support"),
            ("l", "log in or out"),
        ]),
        ("Forms", [
            ("letters", "type, even q t l c"),
            ("Tab ⇧Tab", "next / previous field"),
            ("Esc", "back, keeps the input"),
        ]),
        ("Search box", [
            ("words", "titles, brands, tags…"),
            ("brand:a,b", "only these brands"),
            ("cat:x", "only this category"),
            ("price:5..20", "price range, VAT incl."),
            ("in:stock", "in stock only"),
            ("rating:4", "minimum rating"),
            ("sort:price", "or rating, newest…"),
        ]),
    ]
}
