/// What each screen on the stack does with keys, shows in the footer and draws: the one place
/// `update`, the footer and `ShopView` ask.
enum ShopScreens {
    /// The screen's key table now; nil when it takes no keys (the product page while another pane
    /// has the focus), and keys go to the screen under it.
    static func keyMap(_ screen: ShopScreen, _ state: AppState) -> ShopKeyMap? {
        switch screen {
        case .productDetail: return state.focus == .catalogue ? ShopKeys.productDetail : nil
        case .searchEditing: return ShopKeys.searchEditing
        case .priceEntry: return state.focus == .filters ? PriceEntry.keys : nil
        case .messageReader: return ShopKeys.messageReader
        case let .order(screen): return OrderScreenKeys.keyMap(screen)
        case let .confirmCancel(number): return ShopKeys.confirmCancel(number)
        case .checkout, .accountForm: return FormScreens.keyMap(state)
        case .confirmQuit: return ShopKeys.confirmQuit
        case .help: return ShopKeys.helpScreen
        }
    }

    /// The footer's keys: the highest screen's that takes keys, else the focused pane's and the global ones.
    static func footer(_ state: AppState) -> [KeyHelp.Binding] {
        for screen in state.screens.screens.reversed() {
            if let map = keyMap(screen, state) {
                let keys = map.footer
                // A screen that lets the panes' keys through shows them too.
                return screen.layer == .productDetail ? keys + ShopKeys.global.footer : keys
            }
        }
        return ShopKeys.panes(state).footer
    }

    /// The shop commands a screen asked for, addressed to it when it waits for their outcome
    /// (`receive`); the others go as they are.
    static func address(_ effects: [Effect], from layer: ShopScreen.Layer, _ state: inout AppState) -> [Effect] {
        guard [.accountForm, .checkout, .order].contains(layer) else { return effects }
        return effects.map { effect in
            guard effect.isShopRequest else { return effect }
            state.requestCount += 1
            return .request(RequestID(screen: layer, serial: state.requestCount), effect)
        }
    }

    /// The outcome of a request goes to the screen that asked, if it is still there.
    static func receive(_ outcome: Message, answering request: RequestID, _ state: inout AppState) {
        switch (request.screen, outcome) {
        case let (.accountForm, .commandSucceeded(events, _, _)): AccountUpdate.commandSucceeded(&state, events: events)
        case let (.accountForm, .commandFailed(reason)): AccountUpdate.commandFailed(&state, reason: reason)
        case let (.checkout, .commandSucceeded(events, _, _)): CheckoutUpdate.commandSucceeded(&state, events: events)
        case let (.checkout, .commandFailed(reason)): CheckoutUpdate.commandFailed(&state, reason: reason)
        case let (.order, .commandSucceeded(events, _, _)): afterSalesSucceeded(&state, events: events)
        case let (.order, .commandFailed(reason)): afterSalesFailed(&state, reason: reason)
        default: break
        }
    }

    /// Draws a screen that replaces the panes; false when it has nothing to show (its order is
    /// gone) and the panes are drawn instead.
    static func draw(_ screen: ShopScreen, _ state: AppState, layout: Layout, into canvas: inout Canvas) -> Bool {
        switch screen {
        case let .accountForm(form):
            AccountView.draw(state, form, into: &canvas)
            return true
        case let .checkout(wizard):
            CheckoutView.draw(state, wizard, into: &canvas)
            return true
        case .order, .messageReader:
            return AfterSalesView.drawScreen(state, layout: layout, into: &canvas)
        case .productDetail, .searchEditing, .priceEntry, .confirmCancel, .confirmQuit, .help:
            return false
        }
    }

    /// The highest screen that replaces the panes, if any.
    static func covering(_ state: AppState) -> ShopScreen? { state.screens.screens.last { $0.coversPanes } }
}

/// The order screen's keys by step: the details, choosing a return, its label, writing to support.
enum OrderScreenKeys {
    static func keyMap(_ screen: OrderScreen) -> ShopKeyMap {
        let handler: ShopKeyAction = handleOrderScreenKey
        let leave: [ShopKeyBinding] = [
            .init(.character("?"), footer: ("?", "help"), action: handler),
            .init(.character("q"), footer: ("q", "quit"), action: handler),
            .init([.anyKey], action: handler),
        ]
        switch screen.mode {
        case .details:
            return ShopKeyMap([
                .init([.up, .down, .character("k"), .character("j"), .pageUp, .pageDown, .home, .end].map { KeyPattern.key($0) },
                      footer: ("↑↓", "scroll"), action: handler),
                .init(.character("x"), footer: ("x", "cancel"), action: handler),
                .init(.character("r"), footer: ("r", "return"), action: handler),
                .init(.character("s"), footer: ("s", "support"), action: handler),
                .init(.escape, .left, .backspace, footer: ("Esc", "back"), action: handler),
            ] + leave)
        case let .returning(draft) where draft.label != nil:
            return ShopKeyMap([.init(.escape, .enter, .left, .backspace, footer: ("Esc", "back to the order"), action: handler)] + leave)
        case .returning:
            return ShopKeyMap([
                .init(.up, .down, .character("k"), .character("j"), footer: ("↑↓", "line"), action: handler),
                .init([.key(.character("+")), .key(.character("=")), .key(.right), .key(.character("-")), .key(.left)],
                      footer: ("+ -", "quantity"), action: handler),
                .init(.enter, footer: ("Enter", "confirm"), action: handler),
                .init(.escape, footer: ("Esc", "back"), action: handler),
            ] + leave)
        case let .support(draft) where draft.isPickingTopic:
            return ShopKeyMap([
                .init(.up, .down, .character("k"), .character("j"), footer: ("↑↓", "topic"), action: handler),
                .init(.enter, footer: ("Enter", "write about it"), action: handler),
                .init(.pageUp, .pageDown, footer: ("PgUp PgDn", "thread"), action: handler),
                .init(.escape, footer: ("Esc", "back"), action: handler),
                .init([.anyKey], action: handler),
            ])
        case let .support(draft):
            return ShopKeyMap([
                .init([.anyCharacter], footer: ("type", "your message"), action: handler),
                .init(.tab, footer: draft.asksTopic ? ("Tab", "topic") : nil, action: handler),
                .init(.pageUp, .pageDown, footer: ("PgUp PgDn", "thread"), action: handler),
                .init(.enter, footer: ("Enter", "send"), action: handler),
                .init(.escape, footer: ("Esc", "back"), action: handler),
                .init([.anyKey], action: handler),
            ])
        }
    }
}
