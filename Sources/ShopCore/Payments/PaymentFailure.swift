/// Why a payment ended in the failed state. After a failure the customer may pay the same
/// order again, by another card or another method.
public enum PaymentFailure: Hashable, Sendable, Codable, CustomStringConvertible {
    case declined(DeclineReason)
    /// Every attempt at the 3-D Secure code was wrong.
    case tooManyWrongCodes
    /// The 3-D Secure code was typed, or not, after it expired.
    case codeExpired
    /// The wallet refused the payment when the customer tried to approve it.
    case walletDeclined

    public var description: String {
        switch self {
        case let .declined(reason):
            return reason.description
        case .tooManyWrongCodes:
            return "the code was wrong \(ThreeDSecureChallenge.allowedAttempts) times: the payment failed, pay again or another way"
        case .codeExpired:
            return "the code expired: the payment failed, pay again to receive a new code"
        case .walletDeclined:
            return "the wallet declined the payment: pay another way"
        }
    }

    /// What the customer is told (lost and stolen cards get the generic decline).
    public var customerMessage: String {
        if case let .declined(reason) = self { return reason.customerMessage }
        return description
    }
}
