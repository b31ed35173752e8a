/// The back office's view of where an order stands, as `comptoir merchant orders --state` filters it.
public enum OrderQueue: String, CaseIterable, Hashable, Sendable {
    /// Placed, not paid yet.
    case unpaid
    /// Paid and waiting for the warehouse or staff to hand it to the courier.
    case toShip = "to-ship"
    /// With the courier, or delivered.
    case shipped
    /// A return was asked for (on its way back, or received).
    case returns
    /// Canceled (by the customer, unpaid, or returned to sender).
    case canceled

    /// The queue `order` is in.
    public init(_ order: Order) {
        if !order.returns.isEmpty {
            self = .returns
        } else if order.state == .canceled || order.fulfillment == .returned {
            self = .canceled
        } else if order.shipment != nil {
            self = .shipped
        } else if order.isPaid {
            self = .toShip
        } else {
            self = .unpaid
        }
    }
}

extension Order {
    /// What was paid and is not refunded yet: the most a refund may give back.
    public var refundable: Money {
        guard let payment = currentPayment, var ledger = payment.refundLedger else { return .zero(totals.currency) }
        for refund in refunds { _ = try? ledger.refund(refund.amount, at: refund.at) }
        return ledger.remaining
    }

    /// Whether a return parcel is on its way back or waiting to be recorded received.
    public var hasReturnAwaiting: Bool { returns.contains { $0.receivedAt == nil } }
}
