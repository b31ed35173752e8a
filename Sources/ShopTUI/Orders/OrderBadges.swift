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

    /// The order state, payment state and fulfillment, each in words with its style; `short`
    /// takes the short forms, all three together (see `shortForms`).
    static func badges(_ order: Order, styles: ThemeStyles, short: Bool = false) -> [StyledLine.Span] {
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
        let words = short ? shortForms(order) : (order: order.state.rawValue, payment: paymentWords(order.paymentState), fulfillment: order.fulfillment.rawValue)
        return [
            .init(text: words.order, style: orderStyle),
            .init(text: words.payment, style: paymentStyle),
            .init(text: words.fulfillment, style: fulfillmentStyle),
        ]
    }

    /// The three states in at most 9 columns each, one set of short forms for every order, so a
    /// narrow list abbreviates them alike instead of cutting the last one off.
    static func shortForms(_ order: Order) -> (order: String, payment: String, fulfillment: String) {
        let state: String
        switch order.state {
        case .placed: state = "placed"
        case .completed: state = "done"
        case .canceled: state = "canceled"
        }
        let payment: String
        switch order.paymentState {
        case .awaitingPayment: payment = "to pay"
        case .requiresAction: payment = "to verify"
        case .authorized: payment = "held"
        case .paid: payment = "paid"
        case .partiallyRefunded: payment = "part refd"
        case .refunded: payment = "refunded"
        case .failed: payment = "failed"
        case .canceled: payment = "void"
        }
        let fulfillment: String
        switch order.fulfillment {
        case .unfulfilled: fulfillment = "to ship"
        case .preparing: fulfillment = "packing"
        case .shipped: fulfillment = "shipped"
        case .delivered: fulfillment = "delivered"
        case .returned: fulfillment = "returned"
        }
        return (state, payment, fulfillment)
    }

    /// `awaiting_payment` -> `awaiting payment`.
    static func paymentWords(_ state: PaymentState) -> String {
        state.rawValue.replacingUnderscores()
    }

    /// The badges in words separated by ` · ` when they fit `width`, else their short forms, with
    /// a bare `·` when that is what makes them fit.
    /// `short` takes the short forms whatever the width (a list whose other orders need them).
    static func badgeLine(_ order: Order, styles: ThemeStyles, indent: Int, width: Int = .max, short: Bool = false) -> StyledLine {
        let full = badges(order, styles: styles)
        let all = !short && columns(full, indent: indent, separator: 3) <= width ? full : badges(order, styles: styles, short: true)
        let separator = columns(all, indent: indent, separator: 3) <= width ? " · " : "·"
        var spans: [StyledLine.Span] = []
        for badge in all {
            if !spans.isEmpty { spans.append(.init(text: separator, style: styles.muted)) }
            spans.append(badge)
        }
        return StyledLine(spans, indent: indent)
    }

    /// Whether the badges of `order` in words fit `width`: a list abbreviates all its orders when one does not.
    static func fitsInWords(_ order: Order, indent: Int, width: Int) -> Bool {
        let words = [order.state.rawValue, paymentWords(order.paymentState), order.fulfillment.rawValue]
        return words.reduce(0) { $0 + DisplayWidth.of($1) } + 3 * (words.count - 1) + indent <= width
    }

    private static func columns(_ badges: [StyledLine.Span], indent: Int, separator: Int) -> Int {
        badges.reduce(0) { $0 + DisplayWidth.of($1.text) } + separator * (badges.count - 1) + indent
    }

    /// The progress as words when `width` allows, else as a bar and the step reached; a canceled
    /// order says so instead.
    static func progressLine(_ order: Order, width: Int, styles: ThemeStyles, indent: Int) -> StyledLine {
        if order.state == .canceled {
            let reasons: [String]
            switch order.cancelReason {
            case .customer?: reasons = ["at your request", "by you"]
            case .cashReferenceExpired?: reasons = ["cash reference expired", "cash ref. expired"]
            case .unpaid?: reasons = ["not paid in time", "unpaid"]
            case nil: reasons = order.fulfillment == .returned ? ["returned to the shop", "returned"] : ["canceled"]
            }
            let reason = TextFit.first(reasons.map { " · " + $0 }, width: width - indent - DisplayWidth.of("✗ canceled"))
            return StyledLine([.init(text: "✗ canceled", style: styles.error), .init(text: reason, style: styles.muted)], indent: indent)
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
