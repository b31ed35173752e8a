import ShopCore

/// The support thread of an order: every message of its tickets with author and time, the
/// shop's answers included, then the field to write the next one.
enum SupportView {
    static let fieldLabel = "Your message"

    static func thread(_ state: AppState, order: Order, width: Int) -> [StyledLine] {
        let styles = state.styles
        let tickets = state.tickets(of: order.number)
        guard !tickets.isEmpty else {
            return StyledLine.wrapped(
                "Ask the shop about order \(order.number): where the parcel is, a return, the payment. Questions about delivery, returns and payment get an answer at once.",
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
                                         .init(text: " · \(OrderScreenView.time(message.at))", style: styles.muted)], indent: 2))
                lines += StyledLine.wrapped(message.text, width: width, style: styles.base, indent: 4)
            }
        }
        return lines
    }

    /// Draws the thread in `rect` (its end when it is longer, scrolled back by the draft) and the
    /// text field under it; puts the hardware cursor at the end of the typed text.
    static func draw(_ state: AppState, order: Order, draft: SupportDraft, in inner: Rect, into canvas: inout Canvas) {
        let styles = state.styles
        let fieldRows = draft.problem == nil ? 3 : 4
        let threadRect = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - fieldRows))
        let lines = thread(state, order: order, width: threadRect.width - 2)
        let scroll = maxScrollBack(lineCount: lines.count, rows: threadRect.height)
        let top = max(0, lines.count - threadRect.height - min(draft.scrollBack, scroll))
        for (offset, line) in lines.dropFirst(top).prefix(threadRect.height).enumerated() {
            line.draw(x: threadRect.x + 1, y: threadRect.y + offset, width: threadRect.width - 2, into: &canvas)
        }
        var y = threadRect.maxY
        guard y < inner.maxY else { return }
        canvas.rule(x: inner.x, y: y, width: inner.width, style: styles.border)
        y += 1
        guard y < inner.maxY else { return }
        let labelWidth = canvas.put(fieldLabel + " ", x: inner.x + 1, y: y, style: styles.heading)
        let box = Rect(x: inner.x + 1 + labelWidth, y: y, width: max(1, inner.width - labelWidth - 2), height: 1)
        canvas.fill(box, style: styles.input)
        let shown = HeaderView.visibleSearchText(draft.text, width: box.width)
        canvas.put(shown, x: box.x, y: y, maxWidth: box.width, style: styles.input)
        canvas.cursor = (min(box.maxX - 1, box.x + DisplayWidth.of(TextSanitizer.clean(shown))), y)
        if let problem = draft.problem, y + 1 < inner.maxY {
            canvas.put(problem, x: box.x, y: y + 1, maxWidth: box.width, style: styles.error)
        }
    }

    static func maxScrollBack(lineCount: Int, rows: Int) -> Int { max(0, lineCount - rows) }
}
