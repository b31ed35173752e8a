import ShopCore

/// The order screen's details, as lines to scroll: state and progress, delivery estimate,
/// payment, the tracking timeline (newest scan first), returns with their labels, the lines and
/// totals, support. Built from the state each frame, so a tick's new scans show at once.
enum OrderScreenView {
    /// `2026-12-02 14:03`: shop time to the minute, local to the customer's zone.
    static func time(_ instant: ShopInstant, in zone: ShopTimeZone) -> String {
        zone.dateAndTime(instant)
    }

    static func document(_ state: AppState, order: Order, width: Int) -> [StyledLine] {
        let styles = state.styles
        let zone = state.timeZone
        var lines: [StyledLine] = [
            StyledLine("Placed \(time(order.placedAt, in: zone)) · \(order.delivery.label) "
                       + (order.relayPoint.map { "at \($0.name)" } ?? "to \(order.address.city)"), styles.muted),
            OrderBadges.badgeLine(order, styles: styles, indent: 0),
            OrderBadges.progressLine(order, width: width, styles: styles, indent: 0),
        ]
        lines.append(deliveryLine(order, now: state.now, zone: zone, styles: styles))
        if let point = order.relayPoint {
            lines += StyledLine.wrapped("Collect at \(point.relayPointLine)", width: width, style: styles.muted)
        }
        lines += paymentLines(order, state: state)
        lines.append(.blank)
        lines += timeline(order.shipment, scans: order.scans, title: "Tracking", width: width, zone: zone, styles: styles)
        for (index, request) in order.returns.enumerated() {
            lines.append(.blank)
            lines += returnLines(request, index: index, order: order, width: width, state: state)
        }
        lines.append(.blank)
        lines += itemLines(order, state: state)
        lines.append(.blank)
        lines += supportLines(order, state: state)
        return lines
    }

    static func deliveryLine(_ order: Order, now: ShopInstant, zone: ShopTimeZone, styles: ThemeStyles) -> StyledLine {
        if let delivered = order.deliveredAt {
            var spans: [StyledLine.Span] = [.init(text: "Delivered on \(time(delivered, in: zone))", style: styles.statusDelivered)]
            if let lastDay = order.withdrawalLastDay, zone.day(of: now) <= lastDay {
                spans.append(.init(text: " · returns accepted until \(lastDay)", style: styles.muted))
            }
            return StyledLine(spans)
        }
        if order.state == .canceled {
            return StyledLine("Canceled: \(order.cancelReason?.label ?? "returned to the shop")", styles.error)
        }
        if let estimate = order.estimatedDelivery(now: now) {
            return StyledLine("Estimated delivery: \(estimate)", styles.heading)
        }
        return StyledLine("Estimated delivery: between \(order.promise.lowerBound) and \(order.promise.upperBound)", styles.heading)
    }

    /// Brand and last four, the wallet's payer, or the cash reference with its deadline; never more.
    static func paymentLines(_ order: Order, state: AppState) -> [StyledLine] {
        let styles = state.styles
        guard let payment = order.currentPayment else { return [StyledLine("Payment: none yet", styles.muted)] }
        let method: String
        switch payment.method {
        case let .card(summary): method = summary.masked
        case let .wallet(payer): method = "wallet of \(payer)"
        case let .cash(reference): method = "cash at an agent, reference \(reference)"
        }
        var lines = [StyledLine([.init(text: "Payment: ", style: styles.muted), .init(text: method, style: styles.base),
                                 .init(text: " · " + OrderBadges.paymentWords(order.paymentState), style: styles.muted)])]
        if let failure = payment.failure {
            lines.append(StyledLine("  \(failure.customerMessage)", styles.error))
        }
        if order.state == .placed, !order.isPaid {
            lines.append(StyledLine("  Not paid yet: c pays it", styles.stockLow))
        }
        if case let .cash(cash) = payment, cash.status == .awaitingPayment, order.state != .canceled {
            lines.append(StyledLine("  Pay \(state.money.format(cash.amount)) at any agent before \(time(cash.expiresAt, in: state.timeZone))", styles.stockLow))
        }
        if !order.refunds.isEmpty {
            lines.append(StyledLine("Refunded \(state.money.format(order.refunded)) to \(order.refunds[0].method)", styles.stockLow))
        }
        return lines
    }

    /// A parcel's scans, newest first: time, place, message.
    static func timeline(_ shipment: Shipment?, scans: [ScanEvent], title: String, width: Int, zone: ShopTimeZone, styles: ThemeStyles) -> [StyledLine] {
        guard let shipment else {
            return [StyledLine(title, styles.heading), StyledLine("Not shipped yet: the timeline starts when the parcel leaves Lyon.", styles.muted, indent: 2)]
        }
        var lines = [StyledLine([.init(text: title, style: styles.heading),
                                 .init(text: " · \(shipment.carrier.name) \(shipment.trackingNumber)", style: styles.muted)])]
        if scans.isEmpty {
            lines.append(StyledLine("Label created: waiting for the courier's first scan.", styles.muted, indent: 2))
        }
        for (index, scan) in scans.reversed().enumerated() {
            let style = index == 0 ? (scan.status == .delivered ? styles.statusDelivered : styles.base) : styles.muted
            lines += scanLines(scan, timeStyle: index == 0 ? styles.heading : styles.muted, messageStyle: style, width: width, zone: zone, styles: styles)
        }
        return lines
    }

    /// A scan: time, place, then its message, wrapped under itself when the line is too short.
    static func scanLines(_ scan: ScanEvent, timeStyle: TextStyle, messageStyle: TextStyle, width: Int, zone: ShopTimeZone,
                          styles: ThemeStyles) -> [StyledLine] {
        let head = [StyledLine.Span(text: time(scan.time, in: zone) + "  ", style: timeStyle),
                    StyledLine.Span(text: scan.place.description + "  ", style: styles.muted)]
        let column = 2 + head.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let pieces = width - column >= 20 ? TextWrap.lines(scan.message, width: width - column) : [scan.message]
        var lines = [StyledLine(head + [StyledLine.Span(text: pieces.first ?? "", style: messageStyle)], indent: 2)]
        lines += pieces.dropFirst().map { StyledLine($0, messageStyle, indent: column) }
        return lines
    }

    static func returnLines(_ request: ReturnRequest, index: Int, order: Order, width: Int, state: AppState) -> [StyledLine] {
        let styles = state.styles
        let items = request.lines.reduce(0) { $0 + $1.quantity }
        let value = state.money.format(ReturnView.refund(order, returnAt: index))
        let progress = request.receivedAt.map { "received on \(time($0, in: state.timeZone))" } ?? (request.scans.last?.status.label.lowercased() ?? "label created")
        let refundWord = order.refund(ofReturnAt: index) == nil ? "refund" : "refunded"
        var lines = [
            StyledLine([.init(text: "Return \(index + 1) · ", style: styles.heading),
                        .init(text: "Return label: \(request.shipment.trackingNumber)", style: styles.heading)]),
            StyledLine("\(items) item\(items == 1 ? "" : "s") · \(refundWord) \(value) · \(progress)", styles.muted, indent: 2),
        ]
        for scan in request.scans.reversed() {
            lines += scanLines(scan, timeStyle: styles.muted, messageStyle: styles.base, width: width, zone: state.timeZone, styles: styles)
        }
        return lines
    }

    static func itemLines(_ order: Order, state: AppState) -> [StyledLine] {
        let styles = state.styles
        let money = state.money
        let totals = order.totals
        func amount(_ value: Money, _ style: TextStyle = styles.base) -> StyledLine.Span { .init(text: money.format(value), style: style) }
        var lines = [StyledLine("Items", styles.heading)]
        for line in order.lines {
            var spans: [StyledLine.Span] = [.init(text: "\(line.quantity) × ", style: styles.price), .init(text: line.title, style: styles.base)]
            let returned = order.returnedQuantity(of: line.sku)
            if returned > 0 { spans.append(.init(text: " (\(returned) returned)", style: styles.muted)) }
            lines.append(StyledLine(spans, trailing: amount(line.gross), indent: 2))
        }
        lines.append(StyledLine("Goods", styles.muted, trailing: amount(totals.goods), indent: 2))
        if !totals.discount.isZero {
            lines.append(StyledLine("Discount \(order.promoCode ?? "")", styles.discount,
                                    trailing: .init(text: "-" + money.format(totals.discount), style: styles.discount), indent: 2))
        }
        lines.append(StyledLine(order.delivery.label, styles.muted, trailing: amount(totals.shipping), indent: 2))
        for extra in order.extras {
            lines.append(StyledLine(extra.label, styles.muted, trailing: amount(Money(minorUnits: extra.price, currency: totals.currency)), indent: 2))
        }
        for rate in totals.vatBreakdown {
            lines.append(StyledLine("of which VAT \(rate.vatClass.label)", styles.muted, trailing: amount(rate.vat, styles.muted), indent: 2))
        }
        lines.append(StyledLine("Total", styles.heading, trailing: amount(totals.total, styles.price), indent: 2))
        return lines
    }

    static func supportLines(_ order: Order, state: AppState) -> [StyledLine] {
        let styles = state.styles
        let tickets = state.tickets(of: order.number)
        guard let last = tickets.last else {
            return [StyledLine("Support: no conversation yet · s writes to the shop", styles.muted)]
        }
        let count = tickets.count == 1 ? "" : " (\(tickets.count) tickets)"
        return [StyledLine("Support: \(last.id) \(last.status.rawValue), \(last.messages.count) messages\(count) · s opens the thread", styles.muted)]
    }
}
