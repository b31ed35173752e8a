import ShopCore

/// What a key does on a shop screen: changes the state and asks for effects; nil lets the key
/// through to the screen under it (and, under every screen, to the panes).
typealias ShopKeyAction = (inout AppState, Key) -> [Effect]?
typealias ShopKeyMap = KeyMap<ShopKeyAction>
typealias ShopKeyBinding = KeyBinding<ShopKeyAction>

/// The shop's key tables: one per screen and per pane, from which `update` dispatches and the
/// footer and the `?` help are drawn.
enum ShopKeys {
    static let everywhere = "Everywhere", lists = "Lists", shopping = "Shopping", orders = "Orders", forms = "Forms"
    /// The order of the help's groups.
    static let helpGroups = [everywhere, lists, shopping, orders, forms]

    /// Keys that reach the panes from any screen that lets them through.
    static let global = ShopKeyMap([
        .init(.character("/"), footer: ("/", "search"), help: (everywhere, "/", "type in the search box")) { state, _ in
            state.search.isEditing = true
            if state.layout.mode == .single, state.focus != .filters { focus(&state, .catalogue) }
            return []
        },
        .init(.tab, .backTab, footer: ("Tab", "pane"), help: (everywhere, "Tab ⇧Tab", "next / previous pane")) { state, key in
            focus(&state, state.focus.next(key == .tab ? 1 : -1))
            return []
        },
        .init(KeyPattern.characters("12345"), help: (everywhere, "1 – 5", "jump to a pane")) { state, key in
            if case let .character(digit) = key, let pane = Int(String(digit)).flatMap(PaneID.init(rawValue:)) { focus(&state, pane) }
            return []
        },
        .init(.character("t"), footer: ("t", "theme"), help: (everywhere, "t", "next colour theme")) { state, _ in
            state.selectTheme(state.themeIndex + 1)
            state.status = StatusMessage("Theme: \(state.theme.title) (\(state.themeIndex + 1) of \(state.themes.count)), t for the next")
            return []
        },
        .init(.character("?"), footer: ("?", "help"), help: (everywhere, "?", "this help")) { state, _ in
            state.showsHelp = true
            return []
        },
        .init(.character("q"), footer: ("q", "quit"), help: (everywhere, "q", "quit")) { _, _ in [.quit] },
        .init(KeyPattern.characters("xrs")) { state, key in handleOrderAction(&state, key) },
        .init(.character("l"), help: (orders, "l", "log in or out")) { state, _ in AccountUpdate.toggleLogin(&state) },
        .init(.character("c"), help: (shopping, "c", "checkout")) { state, _ in CheckoutUpdate.start(&state) },
    ])

    /// The movement keys of a list; `handler` is the pane's update.
    static func movement(footer: (String, String)? = ("↑↓", "move"), _ handler: @escaping (inout AppState, Key) -> [Effect]) -> [ShopKeyBinding] {
        [
            .init(.up, .down, .character("k"), .character("j"), footer: footer, help: (lists, "↑ ↓  j k", "move the selection")) { handler(&$0, $1) },
            .init(.pageUp, .pageDown, help: (lists, "PgUp PgDn", "page up / down")) { handler(&$0, $1) },
            .init(.home, .end, help: (lists, "Home End", "first / last")) { handler(&$0, $1) },
        ]
    }

    static let back = (group: lists, keys: "Esc", text: "back or close")
    static let open = (group: lists, keys: "Enter", text: "open or confirm")

    /// Every pane's own keys; the global ones follow them.
    static func pane(_ pane: PaneID) -> ShopKeyMap {
        switch pane {
        case .catalogue:
            let handler: (inout AppState, Key) -> [Effect] = handleCatalogueKey
            return ShopKeyMap(movement(handler) + [
                .init(.enter, .right, footer: ("Enter", "open"), help: open) { handler(&$0, $1) },
                .init(.character("a"), footer: ("a", "add to cart"), help: (shopping, "a", "add to cart")) { handler(&$0, $1) },
                .init(.escape, help: back) { handler(&$0, $1) },
            ])
        case .filters:
            let handler: (inout AppState, Key) -> [Effect] = handleFiltersKey
            return ShopKeyMap(movement(handler) + [
                .init(.enter, .character(" "), footer: ("Enter", "toggle"), help: open) { handler(&$0, $1) },
                .init(.left, .right, footer: ("← →", "change")) { handler(&$0, $1) },
                .init(.escape, help: back) { handler(&$0, $1) },
            ])
        case .cart:
            let handler: (inout AppState, Key) -> [Effect] = handleCartKey
            return ShopKeyMap(movement(footer: nil, handler) + [
                .init([.key(.character("+")), .key(.character("=")), .key(.character("-"))], footer: ("+ -", "quantity"),
                      help: (shopping, "+ -", "change the quantity")) { handler(&$0, $1) },
                .init(.character("d"), .delete, footer: ("d", "remove"), help: (shopping, "d", "remove from the cart")) { handler(&$0, $1) },
                .init(.enter, footer: ("Enter", "open"), help: open) { handler(&$0, $1) },
                .init(.character("c"), footer: ("c", "checkout"), help: (shopping, "c", "checkout")) { state, _ in CheckoutUpdate.start(&state) },
                .init(.escape, help: back) { handler(&$0, $1) },
            ])
        case .orders:
            let handler: (inout AppState, Key) -> [Effect] = handleOrdersPaneKey
            return ShopKeyMap(movement(handler) + [
                .init(.enter, .right, footer: ("Enter", "tracking"), help: open) { handler(&$0, $1) },
                .init(.character("x"), footer: ("x", "cancel"), help: (orders, "x", "cancel an order (y/n)")) { handler(&$0, $1) },
                .init(.character("r"), footer: ("r", "return"), help: (orders, "r", "return items")) { handler(&$0, $1) },
                .init(.character("s"), footer: ("s", "support"), help: (orders, "s", "write to support")) { handler(&$0, $1) },
                .init(.escape, help: back) { handler(&$0, $1) },
            ])
        case .messages:
            let handler: (inout AppState, Key) -> [Effect] = handleMessagesPaneKey
            return ShopKeyMap(movement(handler) + [
                .init(.enter, .right, footer: ("Enter", "read"), help: open) { handler(&$0, $1) },
                .init(.escape, help: back) { handler(&$0, $1) },
            ])
        }
    }

    /// The keys of the panes under every screen: the focused pane's, then the global ones.
    static func panes(_ state: AppState) -> ShopKeyMap { pane(state.focus).then(global) }

    /// Keys that let a screen through to the shop's own handling without closing it.
    static func passesThrough(_ key: Key) -> Bool { global.binding(for: key) != nil }

    /// Every table whose keys the help lists, in the order they are gathered.
    static var helpTables: [ShopKeyMap] {
        PaneID.allCases.map(pane) + [productDetail, global, FormScreens.helpTable]
    }

    /// The help overlay's groups: every table's help texts, then the search box's language.
    static var helpContents: [(group: String, bindings: [KeyHelp.Binding])] {
        ShopKeyMap.helpGroups(helpTables, groups: helpGroups) + [KeyHelp.searchLanguage]
    }

    // MARK: Screens

    static let productDetail = ShopKeyMap([
        .init(.character("a"), .enter, footer: ("a", "add to cart"), help: (shopping, "a", "add to cart")) { handleDetailKey(&$0, $1) },
        .init([.key(.character("+")), .key(.character("=")), .key(.up), .key(.character("-")), .key(.down)],
              footer: ("+ -", "quantity"), help: (shopping, "+ -", "change the quantity")) { handleDetailKey(&$0, $1) },
        .init(.pageUp, .pageDown, .home, .end, footer: ("PgDn", "more")) { handleDetailKey(&$0, $1) },
        .init(.escape, .left, .backspace, footer: ("Esc", "back"), help: back) { handleDetailKey(&$0, $1) },
        .init([.anyKey]) { state, key in passesThrough(key) ? nil : handleDetailKey(&state, key) },
    ])

    static let helpScreen = ShopKeyMap([
        .init([.anyKey], footer: ("any key", "closes help")) { state, _ in
            state.showsHelp = false
            return []
        },
    ])

    static let confirmQuit = ShopKeyMap([
        .init(.character("y"), .character("Y"), footer: ("y", "quit")) { state, _ in
            state.confirmsQuit = false
            return [.quit]
        },
        .init([.anyKey], footer: ("any other key", "stay")) { state, _ in
            state.confirmsQuit = false
            state.status = StatusMessage("Not quitting: what you typed is still here")
            return []
        },
    ])

    static func confirmCancel(_ number: String) -> ShopKeyMap {
        ShopKeyMap([
            .init(.character("y"), .character("Y"), footer: ("y", "cancel the order")) { ShopTUI.confirmCancel(&$0, number: number, $1) },
            .init(.character("n"), .character("N"), .escape, footer: ("n Esc", "keep it")) { ShopTUI.confirmCancel(&$0, number: number, $1) },
            .init([.anyKey]) { ShopTUI.confirmCancel(&$0, number: number, $1) },
        ])
    }

    static let searchEditing = ShopKeyMap([
        .init([.anyCharacter], footer: ("type", "search")) { editSearch(&$0, $1) },
        .init(.backspace, footer: ("⌫", "erase")) { editSearch(&$0, $1) },
        .init(.enter, .down, footer: ("Enter/↓", "results")) { state, _ in
            state.search.isEditing = false
            state.detail = nil
            focus(&state, .catalogue)
            return []
        },
        .init(.escape, footer: ("Esc", "stop typing")) { state, _ in
            state.search.isEditing = false
            return []
        },
        .init(.tab, .backTab, footer: ("Tab", "next pane")) { state, _ in
            state.search.isEditing = false
            return nil
        },
        .init([.anyKey]) { editSearch(&$0, $1) },
    ])

    /// The keys of a screen that shows a scrolled document, handled by `handler`, which lets `?`
    /// and `q` (and the other global keys) through.
    static func document(_ handler: @escaping ShopKeyAction, scroll: (String, String), back: (String, String)) -> ShopKeyMap {
        ShopKeyMap([
            .init([.up, .down, .character("k"), .character("j"), .pageUp, .pageDown, .home, .end].map { KeyPattern.key($0) },
                  footer: scroll, action: handler),
            .init(.escape, .left, .backspace, .enter, footer: back, action: handler),
            .init(.character("?"), footer: ("?", "help"), action: handler),
            .init(.character("q"), footer: ("q", "quit"), action: handler),
            .init([.anyKey], action: handler),
        ])
    }

    static let messageReader = document(handleReaderKey, scroll: ("↑↓ PgUp PgDn", "scroll"), back: ("Esc", "back"))

    /// A line of the footer for keys the next binding handles, or that the terminal handles (Ctrl-C).
    static func note(_ keys: String, _ text: String) -> ShopKeyBinding {
        ShopKeyBinding([], footer: (keys, text)) { _, _ in [] }
    }
}
