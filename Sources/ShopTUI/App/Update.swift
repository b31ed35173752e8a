import ShopCore

/// The interface's only way to change: applies `message` to `state` and returns what the runtime
/// must do (commands for the shop, background searches, quitting). Pure: no terminal, no files, no clock.
public func update(_ state: inout AppState, _ message: Message) -> [Effect] {
    var effects: [Effect]
    switch message {
    case let .searchFinished(generation, results):
        state.acceptSearchResults(generation: generation, results: results)
        effects = []
    case let .indexBuilt(generation, index):
        state.acceptIndex(generation: generation, index: index)
        effects = []
    default:
        effects = handleMessage(&state, message)
    }
    return effects + state.takeBackgroundWork()
}

private func handleMessage(_ state: inout AppState, _ message: Message) -> [Effect] {
    switch message {
    case let .key(key):
        return handleKey(&state, key)
    case let .mouse(event):
        if !state.isFormScreenOpen { handleMouse(&state, event) }
        return []
    case let .resized(width, height):
        state.width = width
        state.height = height
        state.clampCursors()
        return []
    case let .commandSucceeded(events, shop, note):
        let catalogueChanged = events.contains { if case .productsUpserted = $0 { return true } else { return false } }
        state.shop = shop
        closeScreensOfLoggedOutCustomer(&state)
        if catalogueChanged { state.catalogueChanged() }
        if !note.isEmpty { state.status = StatusMessage(note) }
        CheckoutUpdate.shopMoved(&state)
        state.clampCursors()
        return []
    case let .shopChanged(shop, catalogueChanged):
        state.followShop(shop, catalogueChanged: catalogueChanged)
        CheckoutUpdate.shopMoved(&state)
        return []
    case let .commandFailed(reason):
        state.status = StatusMessage(reason, isError: true)
        return []
    case let .answered(request, outcome):
        let effects = handleMessage(&state, outcome)
        ShopScreens.receive(outcome, answering: request, &state)
        state.clampCursors()
        return effects
    case let .notice(text, isError):
        state.status = StatusMessage(text, isError: isError)
        return []
    case let .tick(now):
        state.now = now
        state.statusTicks += 1
        return []
    case let .mailboxChanged(entries):
        receiveMailbox(&state, entries)
        return []
    case .searchFinished, .indexBuilt, .passwordWorkFinished:
        return []
    case let .demoBanner(banner):
        state.demo = banner
        return []
    }
}

/// Sends the key down the stack of screens, the top one first, until one takes it; the panes
/// (the focused one's keys, then the global ones) take what every screen let through.
private func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    var below: ShopScreen.Layer?
    while let screen = state.screens.highest(below: below) {
        below = screen.layer
        guard let map = ShopScreens.keyMap(screen, state), let action = map.action(for: key) else { continue }
        if let effects = action(&state, key) { return ShopScreens.address(effects, from: screen.layer, &state) }
    }
    return ShopKeys.panes(state).action(for: key)?(&state, key) ?? []
}

/// Keys that edit the text of the search box; the results follow each change.
func editSearch(_ state: inout AppState, _ key: Key) -> [Effect] {
    if case .character = key, state.search.field.isFull {
        state.status = StatusMessage(TextField.cutNote(SearchBox.maxLength), isError: true)
        return []
    }
    if state.search.field.edit(key) == true { state.refreshResults(resetSelection: true) }
    return []
}

/// Moves the focus to `pane`; a side pane becomes the one shown next to the catalogue.
func focus(_ state: inout AppState, _ pane: PaneID) {
    state.focus = pane
    if pane != .catalogue { state.sidePane = pane }
    state.clampCursors()
}

private func handleMouse(_ state: inout AppState, _ event: MouseEvent) {
    if handleAfterSalesMouse(&state, event) { return }
    let layout = state.layout
    if let tabs = layout.tabBar, tabs.contains(x: event.x, y: event.y), event.kind == .click {
        if let pane = TabBarView.pane(atColumn: event.x, width: tabs.width, focus: state.focus, unread: state.unreadCount) { focus(&state, pane) }
        return
    }
    guard let pane = layout.pane(atX: event.x, y: event.y) else {
        if event.kind == .click, layout.header.contains(x: event.x, y: event.y) { state.search.isEditing = true }
        return
    }
    switch event.kind {
    case .wheelUp, .wheelDown:
        let delta = event.kind == .wheelUp ? -3 : 3
        if pane == state.focus || layout.mode != .single { moveSelection(&state, in: pane, by: delta) }
    case .click:
        state.search.isEditing = false
        focus(&state, pane)
        guard let first = layout.firstListRow(pane), event.y >= first else { return }
        let row = event.y - first
        switch pane {
        case .catalogue where state.detail == nil:
            state.catalogueCursor.moveTo(state.catalogueCursor.top + row, count: state.results.total, visible: layout.listRows(.catalogue))
        case .filters:
            let target = state.filtersCursor.top + row
            if target < state.filterRows.count, state.filterRows[target].isSelectable {
                state.filtersCursor.moveTo(target, count: state.filterRows.count, visible: layout.listRows(.filters))
            }
        case .cart:
            let target = state.cartCursor.top + row
            if target < state.cart.lines.count {
                state.cartCursor.moveTo(target, count: state.cart.lines.count, visible: layout.listRows(.cart))
            }
        case .orders:
            let target = state.ordersCursor.top + row / OrdersPaneView.rowsPerOrder
            if target < state.customerOrders.count {
                state.ordersCursor.moveTo(target, count: state.customerOrders.count, visible: OrdersPaneView.visibleOrders(layout))
            }
        case .messages:
            let target = state.messagesCursor.top + row
            if target < state.inbox.count {
                state.messagesCursor.moveTo(target, count: state.inbox.count, visible: layout.listRows(.messages))
            }
        default:
            break
        }
    }
}

/// Moves the selection of a list pane; in Filters it skips the headings.
func moveSelection(_ state: inout AppState, in pane: PaneID, by delta: Int) {
    let layout = state.layout
    switch pane {
    case .catalogue:
        state.catalogueCursor.move(by: delta, count: state.results.total, visible: layout.listRows(.catalogue))
    case .cart:
        state.cartCursor.move(by: delta, count: state.cart.lines.count, visible: layout.listRows(.cart))
    case .filters:
        let rows = state.filterRows
        guard !rows.isEmpty else { return }
        var target = min(max(0, state.filtersCursor.selected + delta), rows.count - 1)
        let step = delta < 0 ? -1 : 1
        while target >= 0, target < rows.count, !rows[target].isSelectable { target += step }
        if target < 0 || target >= rows.count { target = state.filtersCursor.selected }
        state.filtersCursor.moveTo(target, count: rows.count, visible: layout.listRows(.filters))
        if delta < 0, target <= 1 { state.filtersCursor.top = 0 }
    case .orders:
        state.ordersCursor.move(by: delta, count: state.customerOrders.count, visible: OrdersPaneView.visibleOrders(layout))
    case .messages:
        state.messagesCursor.move(by: delta, count: state.inbox.count, visible: layout.listRows(.messages))
    }
}

/// Rows a page key moves in a pane.
func pageSize(_ state: AppState, _ pane: PaneID) -> Int { max(1, state.layout.listRows(pane) - 1) }
