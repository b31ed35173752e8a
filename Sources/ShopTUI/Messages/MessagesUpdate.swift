import ShopCore
import ShopStore

func handleMessagesPaneKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    let messages = state.inbox
    let page = pageSize(state, .messages)
    switch key {
    case .up, .character("k"): moveSelection(&state, in: .messages, by: -1)
    case .down, .character("j"): moveSelection(&state, in: .messages, by: 1)
    case .pageUp: moveSelection(&state, in: .messages, by: -page)
    case .pageDown: moveSelection(&state, in: .messages, by: page)
    case .home: moveSelection(&state, in: .messages, by: Int.min / 2)
    case .end: moveSelection(&state, in: .messages, by: max(1, messages.count))
    case .enter, .right:
        guard state.customer != nil else {
            state.status = StatusMessage("Log in (l) to read your messages", isError: true)
            return []
        }
        guard state.messagesCursor.selected < messages.count else { return [] }
        let message = messages[state.messagesCursor.selected]
        state.reader = MessageReader(key: message.key)
        return message.isRead ? [] : [.markMessageRead(key: message.key)]
    case .escape:
        focus(&state, .catalogue)
    default:
        break
    }
    return []
}

func handleReaderKey(_ state: inout AppState, _ key: Key) -> [Effect]? {
    guard var reader = state.reader, state.readerMessage != nil else {
        state.reader = nil
        return nil
    }
    if let delta = scrollMovement(key, page: AfterSalesView.textRows(state.layout) - 1) {
        reader.scroll = state.scrollExtents.scroll(reader.scroll, by: delta, id: AfterSalesView.extentID(of: reader))
        state.reader = reader
        return []
    }
    switch key {
    case .escape, .left, .backspace, .enter:
        state.reader = nil
        return []
    default:
        guard leavesScreen(key) else { return [] }
        if key != .character("?") && key != .character("t") { state.reader = nil }
        return nil
    }
}

/// A new mailbox: the customer hears of mail not seen before that is addressed to them.
func receiveMailbox(_ state: inout AppState, _ entries: [MailboxEntry]) {
    let known = Set(state.mailbox.map(\.key))
    let selected = state.messagesCursor.selected < state.inbox.count ? state.inbox[state.messagesCursor.selected].key : nil
    state.mailbox = entries
    state.clampCursors()
    state.keepMessageSelection(on: selected)
    let customerKeys = Set(state.customerMessages.map(\.key))
    let fresh = entries.filter { !known.contains($0.key) && customerKeys.contains($0.key) }
    // A waiting y/n question keeps the status line.
    guard let newest = fresh.last, state.pendingCancel == nil else { return }
    let more = fresh.count > 1 ? " and \(fresh.count - 1) more" : ""
    let notice = "New message: \(newest.subject)\(more) (Messages, 5)"
    // Mail caused by what the customer just did joins the line that says so, instead of hiding it.
    if let current = state.status, !current.isError, state.statusTicks == 0, !current.text.contains("New message: ") {
        state.status = StatusMessage(current.text + " · " + notice)
    } else {
        state.status = StatusMessage(notice)
    }
}

/// A customer logged out (here or in another terminal): their order, message and question close.
func closeScreensOfLoggedOutCustomer(_ state: inout AppState) {
    guard state.customer == nil else { return }
    state.orderScreen = nil
    state.reader = nil
    state.pendingCancel = nil
}

/// What the order screen's journaled command means for it: the label of a return just asked
/// for, a support message sent.
func afterSalesSucceeded(_ state: inout AppState, events: [ShopEvent]) {
    guard state.customer != nil, var screen = state.orderScreen else { return }
    for event in events {
        guard case let .commerce(commerce) = event else { continue }
        switch (commerce, screen.mode) {
        case let (.returnRequested(number, request), .returning(draft)) where number == screen.number:
            var done = draft
            done.label = request.shipment.trackingNumber.value
            done.problem = nil
            screen.mode = .returning(done)
        case let (.ticketOpened(ticket), .support) where ticket.orderNumber == screen.number:
            screen.mode = .support(SupportDraft())
        case (.ticketMessageAdded, .support(let draft)) where draft.problem == nil && !draft.text.isEmpty:
            screen.mode = .support(SupportDraft())
        default:
            break
        }
    }
    state.orderScreen = screen
}

/// A refusal while choosing a return or writing to support shows under it too.
func afterSalesFailed(_ state: inout AppState, reason: String) {
    guard var screen = state.orderScreen else { return }
    switch screen.mode {
    case var .returning(draft) where draft.label == nil:
        draft.problem = reason
        screen.mode = .returning(draft)
    case var .support(draft):
        draft.problem = reason
        screen.mode = .support(draft)
    default:
        return
    }
    state.orderScreen = screen
}

/// The wheel scrolls an open screen; clicks there do nothing. False when no screen is open.
func handleAfterSalesMouse(_ state: inout AppState, _ event: MouseEvent) -> Bool {
    guard state.orderScreen != nil || state.reader != nil else { return false }
    let key: Key
    switch event.kind {
    case .wheelUp: key = .up
    case .wheelDown: key = .down
    case .click: return true
    }
    for _ in 0..<3 { _ = handleAfterSalesKey(&state, key) }
    return true
}
