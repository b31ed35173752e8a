import ShopCore

/// Pane 4: the customer's orders, newest first, three rows each: number, date and total; the
/// order, payment and fulfillment badges; the progress from placed to delivered.
enum OrdersPaneView {
    static let rowsPerOrder = 3

    /// Orders the pane shows at once.
    static func visibleOrders(_ layout: Layout) -> Int { max(1, layout.listRows(.orders) / rowsPerOrder) }

    static func draw(_ state: AppState, in rect: Rect, focused: Bool, into canvas: inout Canvas) {
        let orders = state.customerOrders
        let title = orders.isEmpty ? "4 Orders" : "4 Orders · \(orders.count)"
        let inner = ShopView.frame(rect, title: title, focused: focused, state: state, into: &canvas)
        guard inner.height > 0, inner.width > 6 else { return }
        let styles = state.styles
        guard state.customer != nil else {
            drawHint(["Log in (l) to see your orders"], inner: inner, state: state, into: &canvas)
            return
        }
        if state.shop.ordersAreBeingRead {
            drawHint(["Reading the shop's orders…", "Yours appear here in a moment."], inner: inner, state: state, into: &canvas)
            return
        }
        guard !orders.isEmpty else {
            drawHint(["No orders yet.", "Orders you place appear here;", "Enter shows the tracking."], inner: inner, state: state, into: &canvas)
            return
        }
        let cursor = state.ordersCursor
        let visible = max(1, inner.height / rowsPerOrder)
        // The orders shown abbreviate their states together, so one form reads down the list.
        let short = orders.dropFirst(cursor.top).prefix(visible).contains { !OrderBadges.fitsInWords($0, indent: 2, width: inner.width - 1) }
        for offset in 0..<visible {
            let index = cursor.top + offset
            guard index < orders.count else { break }
            let order = orders[index]
            let y = inner.y + offset * rowsPerOrder
            let total = StyledLine.Span(text: state.money.format(order.totals.total), style: styles.price)
            var first: [StyledLine.Span] = [.init(text: order.number, style: styles.heading)]
            let date = order.placedAt.calendarDay.iso8601
            let dateOnFirstRow = DisplayWidth.of(order.number + date + total.text) + 6 <= inner.width
            if dateOnFirstRow { first.append(.init(text: "  " + date, style: styles.muted)) }
            StyledLine(first, trailing: total, indent: 2).draw(x: inner.x, y: y, width: inner.width - 1, into: &canvas)
            if y + 1 < inner.maxY {
                OrderBadges.badgeLine(order, styles: styles, indent: 2, width: inner.width - 1, short: short).draw(x: inner.x, y: y + 1, width: inner.width - 1, into: &canvas)
            }
            if y + 2 < inner.maxY {
                var progress = OrderBadges.progressLine(order, width: inner.width - 1, styles: styles, indent: 2)
                // A narrow pane shows the date at the end of the progress row instead.
                if !dateOnFirstRow, progress.spans.reduce(0, { $0 + DisplayWidth.of($1.text) }) + 14 <= inner.width {
                    progress.trailing = .init(text: date, style: styles.muted)
                }
                progress.draw(x: inner.x, y: y + 2, width: inner.width - 1, into: &canvas)
            }
            if index == cursor.selected {
                ShopView.markSelected(row: y, in: inner, focused: focused, state: state, into: &canvas)
            }
        }
    }

    /// The first line in the base style, the others muted, each wrapped to the pane.
    static func drawHint(_ lines: [String], inner: Rect, state: AppState, into canvas: inout Canvas) {
        var y = inner.y
        for (offset, text) in lines.enumerated() {
            for piece in TextWrap.lines(text, width: max(1, inner.width - 3)) where y < inner.maxY {
                canvas.put(piece, x: inner.x + 2, y: y, maxWidth: inner.width - 3, style: offset == 0 ? state.styles.base : state.styles.muted)
                y += 1
            }
        }
    }
}
