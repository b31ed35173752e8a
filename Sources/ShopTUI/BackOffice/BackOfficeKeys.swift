import ShopCore

/// What a key does in the back office: changes the state and asks for effects; nil lets the key
/// through to the screen under it (and, under every screen, to the pane and the global keys).
typealias BackOfficeKeyAction = (inout BackOfficeState, Key) -> [BackOfficeEffect]?
typealias BackOfficeKeyMap = KeyMap<BackOfficeKeyAction>
typealias BackOfficeKeyBinding = KeyBinding<BackOfficeKeyAction>

/// The back office's key tables, one per pane and per screen: `update` dispatches from them and the
/// footer and the `?` help are drawn from them.
enum BackOfficeKeys {
    static let everywhere = "Everywhere", lists = "Lists", orders = "Orders", support = "Support",
               catalogue = "Catalogue & stock", promotions = "Promotions", forms = "Forms"
    static let helpGroups = [everywhere, lists, orders, support, catalogue, promotions, forms]

    static let global = BackOfficeKeyMap([
        .init(.tab, .backTab, footer: ("Tab", "pane"), help: (everywhere, "Tab ⇧Tab", "next / previous pane")) { state, key in
            state.pane = state.pane.moved(by: key == .tab ? 1 : -1)
            return []
        },
        .init(KeyPattern.characters("123456"), help: (everywhere, "1 – 6", "jump to a pane")) { state, key in
            if case let .character(digit) = key, let pane = Int(String(digit)).flatMap(BackOfficePane.init(rawValue:)) { state.pane = pane }
            return []
        },
        .init(.character("t"), help: (everywhere, "t", "next colour theme")) { state, _ in
            state.selectTheme(state.themeIndex + 1)
            state.status = StatusMessage("Theme: \(state.themes[state.themeIndex].title)")
            return []
        },
        .init(.character("?"), footer: ("?", "help"), help: (everywhere, "?", "this help")) { state, _ in
            state.screens.open(.help)
            return []
        },
        .init(.character("q"), footer: ("q", "quit"), help: (everywhere, "q", "quit (asks first if typed)")) { state, _ in
            BackOfficeUpdate.quit(&state)
        },
    ])

    /// The movement keys of a pane's list.
    static let movement = BackOfficeKeyMap([
        .init(.up, .down, .character("k"), .character("j"), footer: ("↑↓", "move"), help: (lists, "↑ ↓  j k", "move the selection")) { state, key in
            BackOfficeUpdate.move(&state, key)
        },
        .init(.pageUp, .pageDown, help: (lists, "PgUp PgDn", "page up / down")) { BackOfficeUpdate.move(&$0, $1) },
        .init(.home, .end, help: (lists, "Home End", "first / last")) { BackOfficeUpdate.move(&$0, $1) },
    ])

    /// A pane's own keys; the movement and global keys follow them.
    static func pane(_ pane: BackOfficePane) -> BackOfficeKeyMap {
        switch pane {
        case .orders: return ordersPane.then(movement)
        case .support: return supportPane.then(movement)
        case .catalogue: return cataloguePane.then(movement)
        case .promotions: return promotionsPane.then(movement)
        case .customers: return customersPane.then(movement)
        case .dashboard: return BackOfficeKeyMap([])
        }
    }

    static let ordersPane = BackOfficeKeyMap([
        .init(.left, .right, .character("h"), .character("l"), footer: ("←→", "state"),
              help: (orders, "← →", "order state: to ship…")) { state, key in
            state.orderFilter = state.orderFilter.moved(by: key == .left || key == .character("h") ? -1 : 1)
            state.cursors[.orders] = ListCursor()
            return []
        },
        .init(.enter, footer: ("Enter", "details"), help: (orders, "Enter", "the order's details")) { state, _ in
            guard let order = state.selectedOrder else { return [] }
            state.screens.open(.document(DocumentScreen(.order(order.number))))
            return []
        },
        .init(.character("s"), footer: ("s", "ship"), help: (orders, "s", "ship (carrier optional)")) { state, _ in
            BackOfficeForms.openShip(&state)
        },
        .init(.character("r"), footer: ("r", "return received"), help: (orders, "r", "return parcel received")) { state, _ in
            BackOfficeForms.receiveReturn(&state)
        },
        .init(.character("f"), footer: ("f", "refund"), help: (orders, "f", "goodwill refund")) { state, _ in
            BackOfficeForms.openRefund(&state)
        },
    ])

    static let supportPane = BackOfficeKeyMap([
        .init(.enter, footer: ("Enter", "read"), help: (support, "Enter", "read the thread")) { state, _ in
            guard let ticket = state.selectedTicket else { return [] }
            BackOfficeUpdate.openTicket(&state, ticket)
            return []
        },
        .init(.character("c"), footer: ("c", "close"), help: (support, "c", "close the thread")) { state, _ in
            guard let ticket = state.selectedTicket else { return [] }
            return [.act(.closeTicket(ticketID: ticket.id), note: "Thread \(ticket.id) closed", from: nil)]
        },
    ])

    static let cataloguePane = BackOfficeKeyMap([
        .init(.character("/"), footer: ("/", "filter"), help: (catalogue, "/", "filter; Esc clears it")) { state, _ in
            state.screens.open(.filterEditing)
            return []
        },
        .init(.character("s"), footer: ("s", "stock"), help: (catalogue, "s", "set the stock on hand")) { state, _ in
            BackOfficeForms.openStock(&state)
        },
        .init(.character("p"), footer: ("p", "price"), help: (catalogue, "p", "set the price")) { state, _ in
            BackOfficeForms.openPrice(&state)
        },
        .init(.character("u"), footer: ("u", "unlist/relist"), help: (catalogue, "u", "unlist / relist")) { state, _ in
            guard let product = state.selectedProduct else { return [] }
            let listed = !state.shop.commerce.backOffice.isListed(product.sku)
            return [.act(.setListed(sku: product.sku, listed: listed),
                         note: listed ? "\(product.sku) is on sale again" : "\(product.sku) is off sale", from: nil)]
        },
        .init(.escape) { state, _ in
            guard !state.catalogueFilter.isEmpty else { return nil }
            state.setCatalogueFilter(TextField("", maxLength: 60))
            return []
        },
    ])

    static let promotionsPane = BackOfficeKeyMap([
        .init(.character("a"), footer: ("a", "add"), help: (promotions, "a", "add a promotion code")) { state, _ in
            BackOfficeForms.openPromotion(&state)
        },
        .init(.character("e"), footer: ("e", "end"), help: (promotions, "e", "end the code now")) { state, _ in
            guard let promotion = state.selectedPromotion else { return [] }
            return [.act(.endPromotion(code: promotion.code), note: "The code \(promotion.code) has ended", from: nil)]
        },
    ])

    static let customersPane = BackOfficeKeyMap([
        .init(.enter, footer: ("Enter", "history"), help: (lists, "Enter", "customer's history")) { state, _ in
            guard let account = state.selectedCustomer else { return [] }
            state.screens.open(.document(DocumentScreen(.customer(email: account.email.value))))
            return []
        },
    ])
}
