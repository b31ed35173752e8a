import ShopCore

/// Where an order's current payment leaves the customer: the answer the checkout screens and the
/// CLI's `pay` commands show after placing, paying or typing a code.
public enum PaymentOutcome: Hashable, Sendable {
    /// Paid or authorized: the order is confirmed.
    case confirmed
    /// A cash reference to pay at an agent.
    case awaitingCash
    /// A 3-D Secure code to type, with the tries left.
    case awaitingCode(attemptsLeft: Int)
    /// A wallet payment to approve.
    case awaitingWallet
    /// Declined, failed or canceled: pay again another way; the customer's reason.
    case declined(reason: String)
    /// No payment under way on the order.
    case none

    public init(_ order: Order) {
        guard let payment = order.currentPayment else {
            self = .none
            return
        }
        switch payment.paymentState {
        case .paid, .authorized, .partiallyRefunded, .refunded:
            self = .confirmed
        case .awaitingPayment:
            self = .awaitingCash
        case .requiresAction:
            if case let .card(card) = payment {
                self = .awaitingCode(attemptsLeft: card.challenge?.attemptsLeft ?? 0)
            } else {
                self = .awaitingWallet
            }
        case .failed, .canceled:
            self = .declined(reason: payment.failure?.customerMessage ?? "the payment was canceled")
        }
    }
}
