/// The payment axis of an order, in the vocabulary of Medusa and Sylius (DESIGN.md §3).
/// The raw values are the words used in JSON output and the journal.
public enum PaymentState: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Cash at an agent: the order waits for the customer to pay the reference.
    case awaitingPayment = "awaiting_payment"
    /// The customer must act: type a 3-D Secure code, or approve in the wallet.
    case requiresAction = "requires_action"
    /// The money is held on the customer's card or wallet, not yet taken.
    case authorized
    case paid
    case partiallyRefunded = "partially_refunded"
    case refunded
    case failed
    case canceled

    public var description: String { rawValue }

    /// The state in words, for messages.
    public var label: String {
        switch self {
        case .awaitingPayment: return "awaiting payment"
        case .requiresAction: return "waiting for the customer to act"
        case .authorized: return "authorized"
        case .paid: return "paid"
        case .partiallyRefunded: return "partially refunded"
        case .refunded: return "refunded"
        case .failed: return "failed"
        case .canceled: return "canceled"
        }
    }
}
