/// The money taken for an order and what has been given back, to the original payment method.
/// Its state is paid, partially_refunded or refunded.
public struct RefundLedger: Hashable, Sendable {
    public let captured: Money
    public let method: PaymentMethodSummary
    public private(set) var refunds: [Refund] = []

    public init(captured: Money, method: PaymentMethodSummary) {
        self.captured = captured
        self.method = method
    }

    public var refunded: Money {
        Money(minorUnits: refunds.reduce(0) { $0 + $1.amount.minorUnits }, currency: captured.currency)
    }

    public var remaining: Money {
        Money(minorUnits: captured.minorUnits - refunded.minorUnits, currency: captured.currency)
    }

    public var paymentState: PaymentState {
        if refunds.isEmpty { return .paid }
        return remaining.isZero ? .refunded : .partiallyRefunded
    }

    /// Gives `amount` back; at most what is left of the captured amount.
    @discardableResult
    public mutating func refund(_ amount: Money, at now: ShopInstant) throws(PaymentError) -> Refund {
        guard amount.currency == captured.currency else {
            throw .refundCurrencyMismatch(captured: captured.currency, requested: amount.currency)
        }
        guard amount.minorUnits > 0 else { throw .refundNotPositive(amount) }
        guard !remaining.isZero else { throw .nothingLeftToRefund(captured: captured) }
        guard amount.minorUnits <= remaining.minorUnits else {
            throw .refundExceedsRemaining(requested: amount, remaining: remaining, captured: captured)
        }
        let refund = Refund(amount: amount, at: now, method: method)
        refunds.append(refund)
        return refund
    }

    /// Gives back everything not yet refunded (a full refund, or the rest after partial ones).
    @discardableResult
    public mutating func refundRemaining(at now: ShopInstant) throws(PaymentError) -> Refund {
        guard !remaining.isZero else { throw .nothingLeftToRefund(captured: captured) }
        return try refund(remaining, at: now)
    }
}

/// Money given back to the customer.
public struct Refund: Hashable, Sendable, CustomStringConvertible {
    public let amount: Money
    public let at: ShopInstant
    public let method: PaymentMethodSummary

    public init(amount: Money, at: ShopInstant, method: PaymentMethodSummary) {
        self.amount = amount
        self.at = at
        self.method = method
    }

    /// `refund of $12.50 to card Visa •••• 4242`.
    public var description: String { "refund of \(amount) to \(method)" }
}
