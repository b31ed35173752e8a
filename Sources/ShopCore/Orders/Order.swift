/// A placed order, on the three axes of DESIGN.md §3: order state, payment state (from its
/// payment attempts and refunds) and fulfillment state.
public struct Order: Hashable, Sendable, Identifiable {
    public let number: String
    public let customer: AccountID
    public let placedAt: ShopInstant
    public let lines: [OrderLine]
    public let delivery: DeliveryMethod
    public let address: PostalAddress
    /// Where a relay pickup order waits for collection: the point the customer chose; nil for home
    /// delivery.
    public let relayPoint: LocalPlace?
    public let extras: [CheckoutExtra]
    public let promoCode: String?
    public let totals: OrderTotals
    /// The delivery range promised, counted from the day the order was paid (`promise(countedFrom:)`).
    public internal(set) var promise: ClosedRange<CalendarDay>

    public var state: OrderState = .placed
    public var cancelReason: CancelReason?
    /// Payment attempts, oldest first; the last one is current.
    public var payments: [Payment] = []
    public var refunds: [Refund] = []
    public var fulfillment: FulfillmentState = .unfulfilled
    /// When the order was paid and went to the warehouse.
    public var preparingSince: ShopInstant?
    public var shipment: Shipment?
    public var scans: [ScanEvent] = []
    public var deliveredAt: ShopInstant?
    public var returns: [ReturnRequest] = []

    public init(
        number: String, customer: AccountID, placedAt: ShopInstant, lines: [OrderLine], delivery: DeliveryMethod,
        address: PostalAddress, relayPoint: LocalPlace? = nil, extras: [CheckoutExtra], promoCode: String?, discount: Money,
        promise: ClosedRange<CalendarDay>
    ) {
        self.number = number
        self.customer = customer
        self.placedAt = placedAt
        self.lines = lines
        self.delivery = delivery
        self.address = address
        // Orders placed before the customer chose the point went to the one nearest the address.
        self.relayPoint = delivery == .relay ? relayPoint ?? RelayPoint.nearest(to: address.postalCode, count: 1).first : nil
        self.extras = extras
        self.promoCode = promoCode
        self.promise = promise
        let currency = lines.first?.unitPrice.currency ?? .eur
        let goods = Money(minorUnits: lines.reduce(Int64(0)) { $0.saturatingAdding($1.gross.minorUnits) }, currency: currency)
        let afterDiscount = Money(minorUnits: goods.minorUnits.saturatingSubtracting(discount.minorUnits), currency: currency)
        self.totals = OrderTotals(
            lines: lines, discount: discount, shipping: delivery.price(forGoods: afterDiscount),
            extras: Money(minorUnits: extras.reduce(Int64(0)) { $0.saturatingAdding($1.price) }, currency: currency), currency: currency)
    }

    public var id: String { number }

    public var currentPayment: Payment? { payments.last }

    /// The payment axis: the current attempt's state, refunds taken into account; awaiting
    /// payment before any attempt.
    public var paymentState: PaymentState {
        guard let payment = currentPayment else { return state == .canceled ? .canceled : .awaitingPayment }
        guard var ledger = payment.refundLedger else { return payment.paymentState }
        for refund in refunds { _ = try? ledger.refund(refund.amount, at: refund.at) }
        return ledger.paymentState
    }

    public var isPaid: Bool { currentPayment?.refundLedger != nil }

    public var refunded: Money {
        Money(minorUnits: refunds.reduce(0) { $0 + $1.amount.minorUnits }, currency: totals.currency)
    }

    /// Units of `sku` already asked back in returns.
    public func returnedQuantity(of sku: String) -> Int {
        returns.reduce(0) { total, request in total + request.lines.filter { $0.sku == sku }.reduce(0) { $0 + $1.quantity } }
    }

    /// Units of `sku` that came back to the warehouse.
    public func receivedReturnQuantity(of sku: String) -> Int {
        returns.filter { $0.receivedAt != nil }.reduce(0) { total, request in
            total + request.lines.filter { $0.sku == sku }.reduce(0) { $0 + $1.quantity }
        }
    }

    /// The last day a return may be asked for: 14 days after the delivery day, days of the shop's
    /// zone (Paris).
    public var withdrawalLastDay: CalendarDay? {
        deliveredAt.map { ShopTimeZone.paris.day(of: $0).adding(days: ReturnRequest.withdrawalDays) }
    }

    /// When an unpaid order is canceled: 72 hours after it was placed (a cash reference issued
    /// later runs to its own expiry).
    public var paymentDeadline: ShopInstant {
        placedAt.adding(hours: CommerceDecision.unpaidOrderHours)
    }

    /// The promise counted from `day` instead of the order day, each bound the same number of
    /// working days away: an order paid on a later day (cash at an agent) is promised from its
    /// payment, since nothing is prepared before.
    public func promise(countedFrom day: CalendarDay) -> ClosedRange<CalendarDay> {
        let placedDay = ShopTimeZone.paris.day(of: placedAt)
        guard placedDay.days(until: day) > 0 else { return promise }
        let first = day.addingWorkingDays(placedDay.workingDays(until: promise.lowerBound))
        let last = day.addingWorkingDays(placedDay.workingDays(until: promise.upperBound))
        return first...max(first, last)
    }

    /// The delivery range still promised: none once the order is canceled.
    public var activePromise: ClosedRange<CalendarDay>? {
        state == .canceled ? nil : promise
    }

    /// The current estimated delivery day, from the courier's plan and the scans so far.
    public func estimatedDelivery(now: ShopInstant) -> CalendarDay? {
        guard let shipment else { return nil }
        return CourierSimulator(shipment: shipment).estimatedDelivery(now: scans.last?.time ?? now)
    }
}

/// One line of an order, with the price and VAT class it was sold at.
public struct OrderLine: Hashable, Sendable {
    public var sku: String
    public var title: String
    public var quantity: Int
    public var unitPrice: Money
    public var vatClass: VATClass
    /// Groceries that spoil: excluded from the right of withdrawal.
    public var perishable: Bool

    public init(sku: String, title: String, quantity: Int, unitPrice: Money, vatClass: VATClass, perishable: Bool) {
        self.sku = sku
        self.title = title
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.vatClass = vatClass
        self.perishable = perishable
    }

    /// The line's price. Orders are placed within `ShopLimits`; beyond them (damaged data only)
    /// the amount stops at the bound instead of trapping.
    public var gross: Money {
        Money(minorUnits: unitPrice.minorUnits.saturatingMultiplied(by: Int64(quantity)), currency: unitPrice.currency)
    }

    /// Groceries are perishable.
    public static func isPerishable(_ product: Product) -> Bool {
        product.category.lowercased() == "groceries"
    }
}

/// The order axis of DESIGN.md §3.
public enum OrderState: String, CaseIterable, Hashable, Sendable {
    case placed
    case completed
    case canceled
}

/// The fulfillment axis of DESIGN.md §3.
public enum FulfillmentState: String, CaseIterable, Hashable, Sendable {
    case unfulfilled
    case preparing
    case shipped
    case delivered
    case returned
}

/// Why an order was canceled.
public enum CancelReason: String, CaseIterable, Hashable, Sendable {
    case customer
    case cashReferenceExpired = "cash_reference_expired"
    case unpaid

    public var label: String {
        switch self {
        case .customer: return "canceled at the customer's request"
        case .cashReferenceExpired: return "canceled because the cash payment reference expired unpaid"
        case .unpaid: return "canceled because it was not paid within 72 hours"
        }
    }
}

/// A customer's return of some items: the label's shipment, its scans, and when it arrived.
public struct ReturnRequest: Hashable, Sendable {
    /// Days after the delivery day a customer may withdraw without reason (EU 2011/83).
    public static let withdrawalDays = 14

    public var lines: [ReturnLine]
    public var requestedAt: ShopInstant
    public var shipment: Shipment
    public var scans: [ScanEvent] = []
    public var receivedAt: ShopInstant?

    public init(lines: [ReturnLine], requestedAt: ShopInstant, shipment: Shipment, scans: [ScanEvent] = [], receivedAt: ShopInstant? = nil) {
        self.lines = lines
        self.requestedAt = requestedAt
        self.shipment = shipment
        self.scans = scans
        self.receivedAt = receivedAt
    }
}

public struct ReturnLine: Hashable, Sendable {
    public var sku: String
    public var quantity: Int
    public init(sku: String, quantity: Int) {
        self.sku = sku
        self.quantity = quantity
    }
}
