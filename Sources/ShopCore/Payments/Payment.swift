/// One attempt at paying an order, whatever the method. An order that failed to pay by one
/// method may start another attempt by any method.
public enum Payment: Hashable, Sendable {
    case card(CardPayment)
    case wallet(WalletPayment)
    case cash(CashPayment)

    public var amount: Money {
        switch self {
        case let .card(payment): return payment.amount
        case let .wallet(payment): return payment.amount
        case let .cash(payment): return payment.amount
        }
    }

    public var paymentState: PaymentState {
        switch self {
        case let .card(payment): return payment.paymentState
        case let .wallet(payment): return payment.paymentState
        case let .cash(payment): return payment.paymentState
        }
    }

    /// Where the money came from, and where refunds go back to.
    public var method: PaymentMethodSummary {
        switch self {
        case let .card(payment): return payment.method
        case let .wallet(payment): return payment.method
        case let .cash(payment): return payment.method
        }
    }

    public var failure: PaymentFailure? {
        switch self {
        case let .card(payment): return payment.failure
        case let .wallet(payment): return payment.failure
        case .cash: return nil
        }
    }

    /// The refund ledger once the money has been taken; nil before.
    public var refundLedger: RefundLedger? {
        switch self {
        case let .card(payment): return payment.refundLedger
        case let .wallet(payment): return payment.refundLedger
        case let .cash(payment): return payment.refundLedger
        }
    }

    /// Whether this attempt is over without the money: it failed or was abandoned, so the customer
    /// may pay by another method if the order is still open (an expired cash reference cancels
    /// the order: that is the order's rule, not this one's).
    public var allowsAnotherAttempt: Bool {
        paymentState == .failed || paymentState == .canceled
    }
}
