/// Payment in cash at an agent: the order gets a reference, an amount and an expiry; it waits
/// until an agent records exactly that amount.
///
///     awaiting_payment ──agent records the amount──> paid
///            │ 72 h pass          │ order canceled
///            └──> expired         └──> canceled      (both are the canceled payment state)
///
/// Boundary: the reference is good up to and including `expiresAt` (issue + 72 h 0 s) and
/// expired from one second later.
public struct CashPayment: Hashable, Sendable {
    public static let validityHours = 72

    public let reference: CashReference
    public let amount: Money
    public let issuedAt: ShopInstant
    public private(set) var status: CashPaymentStatus

    public init<R: RandomNumberGenerator>(amount: Money, at now: ShopInstant, using random: inout R) throws(PaymentError) {
        guard amount.minorUnits > 0 else { throw .amountNotPositive(amount) }
        self.reference = .generate(using: &random)
        self.amount = amount
        self.issuedAt = now
        self.status = .awaitingPayment
    }

    /// The last instant the agent may record the payment.
    public var expiresAt: ShopInstant { issuedAt.adding(hours: Self.validityHours) }

    public var paymentState: PaymentState { status.paymentState }
    public var method: PaymentMethodSummary { .cash(reference) }

    /// Whether the reference went unpaid past its expiry.
    public func isExpired(now: ShopInstant) -> Bool {
        switch status {
        case .expired: return true
        case .awaitingPayment: return now > expiresAt
        case .paid, .canceled: return false
        }
    }

    /// An agent records `received` in cash. Refused when it is not exactly the amount due, when the
    /// reference has expired, or when it is no longer awaiting payment.
    public mutating func recordPayment(of received: Money, at now: ShopInstant) throws(PaymentError) {
        switch status {
        case .awaitingPayment: break
        case .paid: throw .referenceAlreadyPaid(reference)
        case .expired: throw .referenceExpired(reference: reference, expiredAt: expiresAt)
        case .canceled: throw .invalidTransition(action: .recordCash, from: paymentState)
        }
        guard now <= expiresAt else { throw .referenceExpired(reference: reference, expiredAt: expiresAt) }
        guard received == amount else { throw .wrongCashAmount(reference: reference, expected: amount, received: received) }
        status = .paid(at: now)
    }

    /// Marks an unpaid reference expired once its time is up, so the order can be canceled and
    /// its stock released. Answers whether it did.
    public mutating func expire(at now: ShopInstant) -> Bool {
        guard case .awaitingPayment = status, now > expiresAt else { return false }
        status = .expired
        return true
    }

    /// Withdraws the reference when the order is canceled before payment.
    public mutating func cancel() throws(PaymentError) {
        guard case .awaitingPayment = status else { throw .invalidTransition(action: .cancel, from: paymentState) }
        status = .canceled
    }

    /// The refund ledger once paid; nil before.
    public var refundLedger: RefundLedger? {
        guard case .paid = status else { return nil }
        return RefundLedger(captured: amount, method: method)
    }
}

public enum CashPaymentStatus: Hashable, Sendable, Codable {
    case awaitingPayment
    case paid(at: ShopInstant)
    case expired
    case canceled

    public var paymentState: PaymentState {
        switch self {
        case .awaitingPayment: return .awaitingPayment
        case .paid: return .paid
        case .expired, .canceled: return .canceled
        }
    }
}

extension CashPayment {
    /// A cash payment as it was recorded (the store reads it back with this).
    public init(reference: CashReference, amount: Money, issuedAt: ShopInstant, status: CashPaymentStatus) {
        self.reference = reference
        self.amount = amount
        self.issuedAt = issuedAt
        self.status = status
    }
}
