import ShopCore

/// An order's or a customer's details over the pane, from the shop as it is now, scrolled.
enum BackOfficeDocumentView {
    static func draw(_ state: BackOfficeState, document: DocumentScreen, in body: Rect, into canvas: inout Canvas) {
        let (title, lines) = content(document.subject, state: state, width: body.width - 4)
        let inner = BackOfficeView.frame(body, title: title, state: state, into: &canvas)
        state.scrollExtents.record(document.scrollID, maxScroll: max(0, lines.count - inner.height))
        _ = ScrolledDocument(lines: lines, scroll: document.scroll).draw(in: inner, frame: body, styles: state.styles, into: &canvas)
    }

    static func content(_ subject: DocumentScreen.Subject, state: BackOfficeState, width: Int) -> (String, [StyledLine]) {
        switch subject {
        case let .order(number):
            guard let order = state.shop.commerce.order(numbered: number) else {
                return ("Order \(number)", [StyledLine("This order is not in the shop.", state.styles.muted)])
            }
            return ("Order \(number)", orderLines(order, state: state, width: width))
        case let .customer(email):
            guard let account = state.shop.commerce.account(email: email) else {
                return ("Customer", [StyledLine("No account \(email).", state.styles.muted)])
            }
            return ("\(account.name) <\(account.email.value)>", customerLines(account, state: state, width: width))
        }
    }

    static func orderLines(_ order: Order, state: BackOfficeState, width: Int) -> [StyledLine] {
        let styles = state.styles, money = state.money
        let customer = state.shop.commerce.accounts[order.customer]
        var lines = [
            StyledLine("Placed \(BackOfficeView.time(order.placedAt, state)) by \(customer.map { "\($0.name) <\($0.email.value)>" } ?? "?")", styles.base),
            StyledLine("Payment: \(order.paymentState.label) · fulfilment: \(order.fulfillment.rawValue) · \(OrderQueue(order).rawValue)", styles.base),
            StyledLine("Delivery: \(order.delivery.label) to \(order.address.city)", styles.base),
            StyledLine(),
        ]
        for line in order.lines {
            lines.append(StyledLine([.init(text: "\(line.quantity) × \(line.title) (\(line.sku))", style: styles.base)],
                                    trailing: .init(text: money.format(line.gross), style: styles.price)))
        }
        lines.append(StyledLine([.init(text: "Total, VAT included", style: styles.heading)],
                                trailing: .init(text: money.format(order.totals.total), style: styles.price)))
        if !order.refunded.isZero {
            lines.append(StyledLine([.init(text: "Refunded", style: styles.base)], trailing: .init(text: money.format(order.refunded), style: styles.price)))
        }
        lines.append(StyledLine())
        if let shipment = order.shipment {
            lines.append(StyledLine("Shipped with \(shipment.carrier.name), tracking \(shipment.trackingNumber)", styles.success))
        }
        for scan in order.scans {
            lines += StyledLine.wrapped("\(BackOfficeView.time(scan.time, state))  \(scan.message)", width: width, style: styles.muted, indent: 2)
        }
        for request in order.returns {
            let state = request.receivedAt == nil ? "on its way back" : "received"
            lines.append(StyledLine("Return of \(request.lines.reduce(0) { $0 + $1.quantity }) item(s): \(state)", styles.base))
        }
        return lines
    }

    static func customerLines(_ account: Account, state: BackOfficeState, width: Int) -> [StyledLine] {
        let styles = state.styles, money = state.money
        let summary = CustomerSummary(account, in: state.shop.commerce)
        var lines = [
            StyledLine("Orders \(summary.orders), paid \(summary.paidOrders) · spent \(money.format(summary.totalSpent)) · average \(money.format(summary.averageBasket))", styles.base),
            StyledLine("Returns \(summary.returns) · open threads \(summary.openTickets) · marketing: \(summary.marketingConsentAt.map { "yes, since \(DayFormat.day($0.calendarDay))" } ?? "no")", styles.base),
            StyledLine(),
            StyledLine("History", styles.heading),
        ]
        for order in state.shop.commerce.orders(of: account.id).reversed() {
            lines.append(StyledLine([.init(text: "\(order.number)  \(BackOfficeView.time(order.placedAt, state))  \(order.paymentState.label) · \(OrderQueue(order).rawValue)", style: styles.base)],
                                    trailing: .init(text: money.format(order.totals.total), style: styles.price)))
        }
        let tickets = state.shop.commerce.tickets(of: account.id)
        if !tickets.isEmpty {
            lines += [StyledLine(), StyledLine("Support threads", styles.heading)]
            for ticket in tickets.reversed() {
                lines.append(StyledLine("\(ticket.id)  order \(ticket.orderNumber)  \(SupportInboxView.status(ticket.status))  \(ticket.subject)", styles.base))
            }
        }
        return lines
    }
}
