/// Why the card's bank declined a payment. Raw values are Stripe's decline codes.
public enum DeclineReason: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case generic = "generic_decline"
    case insufficientFunds = "insufficient_funds"
    case lostCard = "lost_card"
    case stolenCard = "stolen_card"
    case expiredCard = "expired_card"
    case incorrectSecurityCode = "incorrect_cvc"
    case processingError = "processing_error"

    /// The precise reason, for the shop's staff and the order history.
    public var description: String {
        switch self {
        case .generic: return "the card was declined by its bank: contact the bank or pay another way"
        case .insufficientFunds: return "the card was declined for insufficient funds: pay with another card or method"
        case .lostCard: return "the card was declined: its bank reports it lost"
        case .stolenCard: return "the card was declined: its bank reports it stolen"
        case .expiredCard: return "the card was declined as expired: check the expiry date or use another card"
        case .incorrectSecurityCode: return "the security code is incorrect: check the code on the card and try again"
        case .processingError: return "the bank could not process the card: try again in a moment"
        }
    }

    /// What the customer is told. As Stripe advises, a lost or stolen card gets the generic
    /// message, so whoever holds it learns nothing.
    public var customerMessage: String {
        switch self {
        case .lostCard, .stolenCard: return DeclineReason.generic.description
        default: return description
        }
    }
}
