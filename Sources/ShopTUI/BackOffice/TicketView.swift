import ShopCore

/// A support thread over the pane: the order and customer, the messages (scrolled, clamped when
/// drawn), and the reply field at the bottom.
enum TicketView {
    static func draw(_ state: BackOfficeState, ticket screen: TicketScreen, in body: Rect, into canvas: inout Canvas) {
        let styles = state.styles
        guard let ticket = state.shop.commerce.tickets[screen.ticketID] else {
            let inner = BackOfficeView.frame(body, title: "Thread \(screen.ticketID)", state: state, into: &canvas)
            BackOfficeView.empty("This thread is no longer in the shop.", in: inner, state: state, into: &canvas)
            return
        }
        let title = "Thread \(ticket.id) · order \(ticket.orderNumber) · \(SupportInboxView.status(ticket.status))"
        let inner = BackOfficeView.frame(body, title: title, state: state, into: &canvas)
        guard inner.height > 4 else { return }
        let customer = state.shop.commerce.accounts[ticket.customer]
        let header = "\(customer.map { "\($0.name) <\($0.email.value)>" } ?? ticket.customer.rawValue) · \(ticket.subject)"
        canvas.put(header, x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, style: styles.heading)
        let replyRows = 2
        let messagesRect = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2 - replyRows)
        var lines: [StyledLine] = []
        for message in ticket.messages {
            let who = message.author == .shop ? "Shop" : (customer?.name ?? "Customer")
            lines.append(StyledLine("\(who) · \(BackOfficeView.time(message.at, state))", message.author == .shop ? styles.success : styles.heading))
            lines += StyledLine.wrapped(message.text, width: messagesRect.width - 4, style: styles.base, indent: 2)
            lines.append(StyledLine())
        }
        let document = ScrolledDocument(lines: lines, scroll: screen.scroll)
        state.scrollExtents.record(screen.scrollID, maxScroll: max(0, lines.count - messagesRect.height))
        _ = document.draw(in: messagesRect, frame: body, styles: styles, into: &canvas)
        let replyY = inner.maxY - replyRows
        canvas.rule(x: inner.x, y: replyY, width: inner.width, style: styles.border)
        let field = Rect(x: inner.x, y: replyY + 1, width: inner.width - 1, height: 1)
        if screen.isReplying || !screen.reply.text("reply").isEmpty {
            FormView.draw(screen.reply, styles: styles, in: field, focused: screen.isReplying && !screen.isWaiting, into: &canvas)
        } else {
            canvas.put("r to reply · c closes the thread", x: field.x + 2, y: field.y, maxWidth: field.width - 2, style: styles.muted)
        }
    }
}
