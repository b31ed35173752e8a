import ShopCore

/// The support thread of an order: every message of its tickets with author and time, the
/// shop's answers included, then the field to write the next one.
enum SupportView {
    static func thread(_ state: AppState, order: Order, width: Int) -> [StyledLine] {
        let styles = state.styles
        let tickets = state.tickets(of: order.number)
        guard !tickets.isEmpty else {
            return StyledLine.wrapped(
                "Ask the shop about order \(order.number). Questions about the parcel, a return, a refund or a payment are answered at once from your order; for something else a person answers by the next working day.",
                width: width, style: styles.muted)
        }
        var lines: [StyledLine] = []
        for ticket in tickets {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(StyledLine([.init(text: "\(ticket.id) · ", style: styles.muted), .init(text: ticket.subject, style: styles.heading),
                                     .init(text: " · \(ticket.status.rawValue)", style: styles.muted)]))
            for message in ticket.messages {
                let author = message.author == .customer ? "You" : "Comptoir"
                lines.append(StyledLine([.init(text: author, style: message.author == .customer ? styles.price : styles.success.adding(.bold)),
                                         .init(text: " · \(OrderScreenView.time(message.at, in: state.timeZone))", style: styles.muted)], indent: 2))
                lines += StyledLine.wrapped(message.text, width: width, style: styles.base, indent: 4)
            }
        }
        return lines
    }

    /// Draws the thread in `rect` (its end when it is longer, scrolled back by the draft) and the
    /// text field under it; puts the hardware cursor at the end of the typed text.
    static func draw(_ state: AppState, order: Order, draft: SupportDraft, in inner: Rect, into canvas: inout Canvas) {
        let styles = state.styles
        let threadRect = threadArea(draft, in: inner)
        let lines = thread(state, order: order, width: threadRect.width - 2)
        let scroll = max(0, lines.count - threadRect.height)
        state.scrollExtents.record(AfterSalesView.extentID(of: OrderScreen(number: order.number, mode: .support(draft))), maxScroll: scroll)
        let top = max(0, lines.count - threadRect.height - min(draft.scrollBack, scroll))
        for (offset, line) in lines.dropFirst(top).prefix(threadRect.height).enumerated() {
            line.draw(x: threadRect.x + 1, y: threadRect.y + offset, width: threadRect.width - 2, into: &canvas)
        }
        let y = threadRect.maxY
        guard y < inner.maxY else { return }
        canvas.rule(x: inner.x, y: y, width: inner.width, style: styles.border)
        FormView.draw(draft.form, state: state, in: Rect(x: inner.x, y: y + 1, width: inner.width - 1, height: inner.maxY - y - 1), into: &canvas)
    }

    /// The part of the screen above the field: the rule and the field's rows are kept below it.
    static func threadArea(_ draft: SupportDraft, in inner: Rect) -> Rect {
        let fieldRows = 1 + FormView.height(draft.form, width: inner.width - 1)
        return Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - fieldRows))
    }

    /// How far the thread may scroll back from its end on the current screen (for tests: `update`
    /// uses what was drawn).
    static func maxScrollBack(_ state: AppState, order: Order, draft: SupportDraft) -> Int {
        let area = threadArea(draft, in: AfterSalesView.screenRect(state.layout).inner)
        return max(0, thread(state, order: order, width: area.width - 2).count - area.height)
    }
}
