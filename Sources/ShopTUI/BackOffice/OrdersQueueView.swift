import ShopCore

/// The Orders pane: the queues as tabs with their counts, then the orders of the chosen one.
enum OrdersQueueView {
    static func draw(_ state: BackOfficeState, in rect: Rect, into canvas: inout Canvas) {
        let inner = BackOfficeView.frame(rect, title: "Orders", state: state, into: &canvas)
        guard inner.height > 2 else { return }
        let commerce = state.shop.commerce
        let labels = OrderQueueFilter.allCases.map { filter in
            " \(filter.title) \(filter.queue.map { commerce.queues.count($0) } ?? commerce.orderNumbers.count) "
        }
        let selected = OrderQueueFilter.allCases.firstIndex(of: state.orderFilter) ?? 0
        TabsWidget(labels: labels, selected: selected).draw(in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1),
                                                             styles: state.styles, into: &canvas)
        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        let orders = state.listedOrders
        guard !orders.isEmpty else {
            BackOfficeView.empty("No orders in “\(state.orderFilter.title)”. ← → shows the other states.", in: list, state: state, into: &canvas)
            return
        }
        let wide = inner.width >= 110
        var columns: [TableWidget.Column] = [.init("Order", width: 13), .init("Placed", width: wide ? 16 : 12), .init("Customer")]
        if wide { columns.append(.init("Items", width: 5, alignment: .right)) }
        columns += [.init("Payment", width: wide ? 18 : 7), .init("Total", width: 9, alignment: .right), .init("Shipment", width: wide ? 34 : 14)]
        let table = TableWidget(columns: columns, count: orders.count, cursor: clamped(state.cursor(.orders), count: orders.count)) { row in
            let order = orders[row]
            let customer = commerce.accounts[order.customer]?.email.value ?? order.customer.rawValue
            var row = [order.number, wide ? BackOfficeView.time(order.placedAt, state) : BackOfficeView.shortTime(order.placedAt, state), customer]
            if wide { row.append(String(order.lines.reduce(0) { $0 + $1.quantity })) }
            row += [order.paymentState.label, state.money.format(order.totals.total), shipment(order, wide: wide)]
            return row
        }
        table.draw(in: list, styles: state.styles, focused: true, into: &canvas)
    }

    /// The carrier and tracking number, or what the order waits for.
    static func shipment(_ order: Order, wide: Bool) -> String {
        if let shipment = order.shipment {
            return wide ? "\(shipment.carrier.name) \(shipment.trackingNumber)" : "\(shipment.trackingNumber)"
        }
        if order.hasReturnAwaiting { return "return on its way" }
        switch OrderQueue(order) {
        case .toShip: return "to ship"
        case .unpaid: return "awaits payment"
        case .canceled: return "canceled"
        case .shipped, .returns: return order.fulfillment.rawValue
        }
    }

    static func clamped(_ cursor: ListCursor, count: Int) -> ListCursor {
        var cursor = cursor
        cursor.selected = min(max(0, cursor.selected), max(0, count - 1))
        return cursor
    }
}
