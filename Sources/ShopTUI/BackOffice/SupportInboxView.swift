import ShopCore

/// The Support pane: the threads, those waiting for the shop first, unread ones marked `●`.
enum SupportInboxView {
    static func draw(_ state: BackOfficeState, in rect: Rect, into canvas: inout Canvas) {
        let title = "Support · \(state.waitingTickets) waiting for an answer"
        let inner = BackOfficeView.frame(rect, title: title, state: state, into: &canvas)
        let tickets = state.listedTickets
        guard !tickets.isEmpty else {
            BackOfficeView.empty("No support threads yet: a customer's message shows here as it comes.", in: inner, state: state, into: &canvas)
            return
        }
        let commerce = state.shop.commerce
        let wide = inner.width >= 110
        var columns: [TableWidget.Column] = [.init("", width: 1), .init("Thread", width: 6), .init("Order", width: 13)]
        if wide { columns.append(.init("Customer", width: 28)) }
        columns += [.init("Subject"), .init("Status", width: 8), .init("Last message", width: wide ? 22 : 12)]
        let table = TableWidget(columns: columns, count: tickets.count, cursor: OrdersQueueView.clamped(state.cursor(.support), count: tickets.count)) { index in
            let ticket = tickets[index]
            var row = [state.isUnread(ticket) ? "●" : "", ticket.id, ticket.orderNumber]
            if wide { row.append(commerce.accounts[ticket.customer]?.email.value ?? ticket.customer.rawValue) }
            let last = ticket.messages.last
            let who = wide ? (last?.author == .shop ? "shop " : "customer ") : ""
            let time = last.map { wide ? BackOfficeView.time($0.at, state) : BackOfficeView.shortTime($0.at, state) } ?? ""
            row += [ticket.subject, status(ticket.status), who + time]
            return row
        }
        table.draw(in: inner, styles: state.styles, focused: true, into: &canvas)
    }

    static func status(_ status: TicketStatus) -> String {
        switch status {
        case .open: return "waiting"
        case .answered: return "answered"
        case .closed: return "closed"
        }
    }
}
