import ShopCore
import ShopStore

/// Pane 5: the customer's messages, newest first, one a row: date and subject, unread ones
/// bold with a `•`. The title counts the unread ones.
enum MessagesPaneView {
    static func title(_ state: AppState) -> String {
        let unread = state.unreadCount
        return unread == 0 ? "5 Messages" : "5 Messages (\(unread))"
    }

    static func draw(_ state: AppState, in rect: Rect, focused: Bool, into canvas: inout Canvas) {
        let inner = ShopView.frame(rect, title: title(state), focused: focused, state: state, into: &canvas)
        guard inner.height > 0, inner.width > 6 else { return }
        guard state.customer != nil else {
            OrdersPaneView.drawHint(["Log in (l) to read your messages"], inner: inner, state: state, into: &canvas)
            return
        }
        let messages = state.inbox
        guard !messages.isEmpty else {
            OrdersPaneView.drawHint(["No messages yet.", "Confirmations, vouchers and", "delivery news arrive here."], inner: inner, state: state, into: &canvas)
            return
        }
        let cursor = state.messagesCursor
        for offset in 0..<inner.height {
            let index = cursor.top + offset
            guard index < messages.count else { break }
            let y = inner.y + offset
            row(messages[index], width: inner.width, state: state).draw(x: inner.x, y: y, width: inner.width - 1, into: &canvas)
            if index == cursor.selected {
                ShopView.markSelected(row: y, in: inner, focused: focused, state: state, into: &canvas)
            }
        }
    }

    static func row(_ message: MailboxEntry, width: Int, state: AppState) -> StyledLine {
        let styles = state.styles
        let day = message.date?.calendarDay.iso8601 ?? "          "
        let date = width >= 44 ? day : String(day.dropFirst(5))
        let subjectStyle = message.isRead ? styles.base : styles.heading.adding(.bold)
        return StyledLine([
            .init(text: message.isRead ? "  " : "• ", style: styles.price.adding(.bold)),
            .init(text: date + "  ", style: styles.muted),
            .init(text: message.subject, style: subjectStyle),
        ], indent: 1)
    }
}
