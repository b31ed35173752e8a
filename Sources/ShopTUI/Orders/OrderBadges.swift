import ShopCore

/// How an order's three states and its progress read on screen: badges in words with a style
/// each, and the steps `placed › paid › shipped › out for delivery › delivered`.
enum OrderBadges {
    static let steps = ["placed", "paid", "shipped", "out for delivery", "delivered"]

    /// How many steps the order has reached (1 to 5).
    static func reached(_ order: Order) -> Int {
        if order.deliveredAt != nil { return 5 }
        if order.scans.contains(where: { $0.status == .outForDelivery || $0.status == .availableForPickup }) { return 4 }
        if order.shipment != nil { return 3 }
        if order.isPaid { return 2 }
        return 1
    }

    /// The order state, payment state and fulfillment, each in words with its style.
    static func badges(_ order: Order, styles: ThemeStyles) -> [StyledLine.Span] {
        let orderStyle: TextStyle
        switch order.state {
        case .placed: orderStyle = styles.heading
        case .completed: orderStyle = styles.statusDelivered
        case .canceled: orderStyle = styles.error
        }
        let paymentStyle: TextStyle
        switch order.paymentState {
        case .paid, .authorized: paymentStyle = styles.success
        case .awaitingPayment, .requiresAction, .partiallyRefunded, .refunded: paymentStyle = styles.stockLow
        case .failed, .canceled: paymentStyle = styles.error
        }
        let fulfillmentStyle: TextStyle
        switch order.fulfillment {
        case .delivered: fulfillmentStyle = styles.statusDelivered
        case .shipped: fulfillmentStyle = styles.price
        case .unfulfilled, .preparing, .returned: fulfillmentStyle = styles.muted
        }
        return [
            .init(text: order.state.rawValue, style: orderStyle),
            .init(text: paymentWords(order.paymentState), style: paymentStyle),
            .init(text: order.fulfillment.rawValue, style: fulfillmentStyle),
        ]
    }

    /// `awaiting_payment` -> `awaiting payment`.
    static func paymentWords(_ state: PaymentState) -> String {
        state.rawValue.replacingUnderscores()
    }

    /// The badges separated by ` · `, or by a bare `·` when that is what makes them fit `width`.
    static func badgeLine(_ order: Order, styles: ThemeStyles, indent: Int, width: Int = .max) -> StyledLine {
        let all = badges(order, styles: styles)
        let words = all.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let separator = words + 3 * (all.count - 1) + indent <= width ? " · " : "·"
        var spans: [StyledLine.Span] = []
        for badge in all {
            if !spans.isEmpty { spans.append(.init(text: separator, style: styles.muted)) }
            spans.append(badge)
        }
        return StyledLine(spans, indent: indent)
    }

    /// The progress as words when `width` allows, else as a bar and the step reached; a canceled
    /// order says so instead.
    static func progressLine(_ order: Order, width: Int, styles: ThemeStyles, indent: Int) -> StyledLine {
        if order.state == .canceled {
            let reason: String
            switch order.cancelReason {
            case .customer?: reason = "at your request"
            case .cashReferenceExpired?: reason = "cash reference expired"
            case .unpaid?: reason = "not paid in time"
            case nil: reason = order.fulfillment == .returned ? "returned to the shop" : "canceled"
            }
            return StyledLine([.init(text: "✗ canceled", style: styles.error), .init(text: " · \(reason)", style: styles.muted)], indent: indent)
        }
        let reached = reached(order)
        let words = steps.joined(separator: " › ")
        if DisplayWidth.of(words) <= width - indent {
            var spans: [StyledLine.Span] = []
            for (index, step) in steps.enumerated() {
                if index > 0 { spans.append(.init(text: " › ", style: styles.muted)) }
                let style = index + 1 == reached ? styles.success.adding(.bold) : (index < reached ? styles.success : styles.muted)
                spans.append(.init(text: step, style: style))
            }
            return StyledLine(spans, indent: indent)
        }
        let bar = String(repeating: "▰", count: reached) + String(repeating: "▱", count: steps.count - reached)
        return StyledLine([.init(text: bar, style: styles.success), .init(text: " " + steps[reached - 1], style: styles.base)], indent: indent)
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
