import ShopCore

/// The Customers pane (CRM): each account with its orders, money spent, average basket, last
/// order, returns, open threads and marketing consent.
enum CustomersView {
    static func draw(_ state: BackOfficeState, in rect: Rect, into canvas: inout Canvas) {
        let count = state.shop.commerce.accounts.count
        let inner = BackOfficeView.frame(rect, title: "Customers · \(count)", state: state, into: &canvas)
        guard count > 0 else {
            BackOfficeView.empty("No customer accounts yet.", in: inner, state: state, into: &canvas)
            return
        }
        let wide = inner.width >= 110
        var columns: [TableWidget.Column] = []
        if wide { columns.append(.init("Name")) }
        columns += [.init("Email", width: wide ? 34 : nil), .init("Orders", width: 6, alignment: .right), .init("Spent", width: 10, alignment: .right)]
        if wide { columns.append(.init("Average", width: 10, alignment: .right)) }
        columns += [.init("Last order", width: wide ? 16 : 10)]
        if wide { columns.append(.init("Returns", width: 7, alignment: .right)) }
        columns += [.init("Open", width: 4, alignment: .right), .init("Mail", width: 4)]
        let cursor = OrdersQueueView.clamped(state.cursor(.customers), count: count)
        let table = TableWidget(columns: columns, count: count, cursor: cursor) { index in
            guard let summary = state.customerSummary(index) else { return [] }
            var row: [String] = []
            if wide { row.append(summary.account.name) }
            row += [summary.account.email.value, String(summary.orders), state.money.format(summary.totalSpent)]
            if wide { row.append(state.money.format(summary.averageBasket)) }
            row.append(summary.lastOrderAt.map { wide ? BackOfficeView.time($0, state) : DayFormat.day($0.calendarDay) } ?? "—")
            if wide { row.append(String(summary.returns)) }
            row += [String(summary.openTickets), summary.marketingConsentAt == nil ? "no" : "yes"]
            return row
        }
        table.draw(in: inner, styles: state.styles, focused: true, into: &canvas)
    }
}
