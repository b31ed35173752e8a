import ShopCore
import ShopService

/// Keys of the after-sales screens, asked first by `handleKey`: the y/n of a cancellation, the
/// order screen and its steps, the message reader. Nil lets the key through to the shop's keys.
func handleAfterSalesKey(_ state: inout AppState, _ key: Key) -> [Effect]? {
    if let number = state.pendingCancel { return confirmCancel(&state, number: number, key) }
    if state.orderScreen != nil { return handleOrderScreenKey(&state, key) }
    if state.reader != nil { return handleReaderKey(&state, key) }
    return nil
}

/// Scroll keys of a document: how far to move, nil for another key.
func scrollMovement(_ key: Key, page: Int) -> Int? {
    switch key {
    case .up, .character("k"): return -1
    case .down, .character("j"): return 1
    case .pageUp: return -page
    case .pageDown: return page
    case .home: return Int.min / 2
    case .end: return Int.max / 2
    default: return nil
    }
}

/// Keys that leave a full screen for the shop's own handling: quit, help, theme, panes, search,
/// log in or out, checkout.
func leavesScreen(_ key: Key) -> Bool {
    switch key {
    case .character("q"), .character("?"), .character("t"), .character("/"), .character("l"), .character("c"): return true
    case .tab, .backTab: return true
    case let .character(digit): return ("1"..."5").contains(digit)
    default: return false
    }
}

func handleOrdersPaneKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    let orders = state.customerOrders
    let page = max(1, OrdersPaneView.visibleOrders(state.layout) - 1)
    switch key {
    case .up, .character("k"): moveSelection(&state, in: .orders, by: -1)
    case .down, .character("j"): moveSelection(&state, in: .orders, by: 1)
    case .pageUp: moveSelection(&state, in: .orders, by: -page)
    case .pageDown: moveSelection(&state, in: .orders, by: page)
    case .home: moveSelection(&state, in: .orders, by: Int.min / 2)
    case .end: moveSelection(&state, in: .orders, by: max(1, orders.count))
    case .enter, .right:
        guard let order = orderForAction(&state) else { return [] }
        state.orderScreen = OrderScreen(number: order.number)
    case .character("x"), .character("r"), .character("s"):
        return handleOrderAction(&state, key)
    case .escape:
        focus(&state, .catalogue)
    default:
        break
    }
    return []
}

/// `x`, `r`, `s` from any pane: act on the order open on screen, else on the one selected in
/// Orders.
func handleOrderAction(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard let order = state.screenOrder ?? orderForAction(&state) else { return [] }
    switch key {
    case .character("x"): startCancel(&state, order)
    case .character("r"): startReturn(&state, order)
    case .character("s"):
        state.orderScreen = OrderScreen(number: order.number, mode: .support(state.supportDraft(for: order.number)))
        state.search.isEditing = false
    default: break
    }
    return []
}

/// The selected order, or why there is none in the status line.
private func orderForAction(_ state: inout AppState) -> Order? {
    guard state.customer != nil else {
        state.status = StatusMessage("Log in (l) to see your orders", isError: true)
        return nil
    }
    guard let order = state.selectedOrder else {
        state.status = StatusMessage("No orders yet: orders you place appear in Orders (4)", isError: true)
        return nil
    }
    return order
}

private func startCancel(_ state: inout AppState, _ order: Order) {
    if let refusal = order.cancelRefusal {
        state.status = StatusMessage(refusal.description, isError: true)
    } else {
        state.pendingCancel = order.number
        state.status = StatusMessage("Cancel order \(order.number)? y/n")
    }
}

/// Opens the return step, or says in plain words why the order cannot be returned.
private func startReturn(_ state: inout AppState, _ order: Order) {
    if let refusal = returnRefusal(order, now: state.now) {
        state.status = StatusMessage(refusal, isError: true)
        return
    }
    var screen = state.orderScreen?.number == order.number ? state.orderScreen! : OrderScreen(number: order.number)
    screen.mode = .returning(ReturnDraft(order: order))
    screen.scroll = 0
    state.orderScreen = screen
    state.search.isEditing = false
}

/// Why a return cannot start now (the shop's rule, `Order.returnRefusal(at:)`), with the key that
/// helps next.
func returnRefusal(_ order: Order, now: ShopInstant) -> String? {
    guard let refusal = order.returnRefusal(at: now) else { return nil }
    switch refusal {
    case .notDelivered(_, shipped: false): return refusal.description + " (x cancels it while unshipped)"
    case .withdrawalPeriodOver: return refusal.description + ": write to support (s)"
    default: return refusal.description
    }
}

func confirmCancel(_ state: inout AppState, number: String, _ key: Key) -> [Effect] {
    switch key {
    case .character("y"), .character("Y"):
        state.pendingCancel = nil
        state.status = nil
        return [.trade(.cancelOrder(orderNumber: number, by: state.shopper), note: "Order \(number) canceled")]
    case .character("n"), .character("N"), .escape:
        state.pendingCancel = nil
        state.status = StatusMessage("Order \(number) is kept")
    default:
        state.status = StatusMessage("Cancel order \(number)? y/n")
    }
    return []
}

func handleOrderScreenKey(_ state: inout AppState, _ key: Key) -> [Effect]? {
    guard var screen = state.orderScreen, let order = state.screenOrder else {
        state.orderScreen = nil
        return nil
    }
    switch screen.mode {
    case .details:
        if let delta = scrollMovement(key, page: AfterSalesView.textRows(state.layout) - 1) {
            screen.scroll = state.scrollExtents.scroll(screen.scroll, by: delta, id: AfterSalesView.extentID(of: screen))
            state.orderScreen = screen
            return []
        }
        switch key {
        case .escape, .left, .backspace:
            state.orderScreen = nil
            return []
        case .character("x"), .character("r"), .character("s"):
            return handleOrderAction(&state, key)
        default:
            return leavesScreen(key) ? leave(&state, key) : []
        }
    case let .returning(draft):
        return handleReturnKey(&state, &screen, draft: draft, order: order, key)
    case let .support(draft):
        return handleSupportKey(&state, &screen, draft: draft, order: order, key)
    }
}

/// A key that leaves the screen for the shop's own handling: help and theme keep the screen
/// open under them; quit, Tab and the pane numbers close it.
private func leave(_ state: inout AppState, _ key: Key) -> [Effect]? {
    if key != .character("?") && key != .character("t") { state.orderScreen = nil }
    return nil
}

private func handleReturnKey(_ state: inout AppState, _ screen: inout OrderScreen, draft: ReturnDraft, order: Order, _ key: Key) -> [Effect]? {
    var draft = draft
    var effects: [Effect] = []
    if draft.label != nil {
        switch key {
        case .escape, .enter, .left, .backspace:
            state.orderScreen = OrderScreen(number: order.number)
            return []
        default:
            return leavesScreen(key) ? leave(&state, key) : []
        }
    }
    let count = draft.skus.count
    switch key {
    case .up, .character("k"):
        draft.selected = max(0, draft.selected - 1)
    case .down, .character("j"):
        draft.selected = min(max(0, count - 1), draft.selected + 1)
    case .character("+"), .character("="), .right:
        guard draft.selected < count, let line = order.lines.first(where: { $0.sku == draft.skus[draft.selected] }) else { break }
        draft.quantities[draft.selected] = min(order.returnableQuantity(of: line), draft.quantities[draft.selected] + 1)
        draft.problem = nil
    case .character("-"), .left:
        guard draft.selected < count else { break }
        draft.quantities[draft.selected] = max(0, draft.quantities[draft.selected] - 1)
    case .enter:
        let lines = draft.lines
        if lines.isEmpty {
            draft.problem = "Nothing chosen: pick a line with ↑↓ and add items with +"
        } else {
            draft.problem = nil
            effects = [.trade(.requestReturn(orderNumber: order.number, lines: lines, by: state.shopper), note: "Return requested for order \(order.number)")]
        }
    case .escape:
        state.orderScreen = OrderScreen(number: order.number)
        return []
    default:
        if leavesScreen(key) { return leave(&state, key) }
    }
    screen.mode = .returning(draft)
    state.orderScreen = screen
    return effects
}

private func handleSupportKey(_ state: inout AppState, _ screen: inout OrderScreen, draft: SupportDraft, order: Order, _ key: Key) -> [Effect] {
    var draft = draft
    var effects: [Effect] = []
    let page = max(1, AfterSalesView.textRows(state.layout) - 4)
    if draft.isPickingTopic, key != .pageUp, key != .pageDown {
        switch key {
        case .escape:
            state.orderScreen = OrderScreen(number: order.number)
            return []
        case .enter:
            draft.pickTopic()
        case .up, .down, .character("j"), .character("k"), .home, .end:
            _ = draft.form.handle(key)
            draft.problem = nil
        default:
            draft.problem = SupportDraft.pickFirst
        }
        screen.mode = .support(draft)
        state.orderScreen = screen
        return []
    }
    switch key {
    case .up: draft.scrollBack = state.scrollExtents.scroll(draft.scrollBack, by: 1, id: AfterSalesView.extentID(of: screen))
    case .pageUp: draft.scrollBack = state.scrollExtents.scroll(draft.scrollBack, by: page, id: AfterSalesView.extentID(of: screen))
    case .down: draft.scrollBack = max(0, draft.scrollBack - 1)
    case .pageDown: draft.scrollBack = max(0, draft.scrollBack - page)
    case .tab, .backTab:
        if draft.asksTopic { draft.showTopics() }
    default:
        switch draft.form.handle(key) {
        case .cancel:
            state.orderScreen = OrderScreen(number: order.number)
            return []
        case .submit:
            let text = String(draft.text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            if text.isEmpty {
                draft.problem = "Write your message first: an empty message cannot be sent"
            } else {
                draft.problem = nil
                draft.scrollBack = 0
                let note = "Message sent to the shop about order \(order.number)"
                let command = ShopService.supportMessage(about: order.number, text: text, topic: draft.topic, by: state.shopper,
                                                         in: state.shop.commerce)
                effects = [.trade(command, note: note)]
            }
        case .handled, .ignored:
            break
        }
    }
    screen.mode = .support(draft)
    state.orderScreen = screen
    return effects
}
