/// A card payment as a value-type state machine, in the manner of Stripe's PaymentIntent:
///
///     requires_action ──right code──> authorized ──capture──> captured (paid)
///            │ wrong code ×3, expired code                │ cancel
///            └──────────────> failed        canceled <────┘ (also from requires_action)
///
/// A declined card starts, and stays, failed. Every step takes the current instant as a value.
public struct CardPayment: Hashable, Sendable {
    public let token: GatewayToken
    public let card: CardSummary
    public let amount: Money
    public let createdAt: ShopInstant
    public private(set) var status: CardPaymentStatus

    public init(token: GatewayToken, card: CardSummary, amount: Money, createdAt: ShopInstant, status: CardPaymentStatus) {
        self.token = token
        self.card = card
        self.amount = amount
        self.createdAt = createdAt
        self.status = status
    }

    public var paymentState: PaymentState { status.paymentState }
    public var method: PaymentMethodSummary { .card(card) }

    /// The pending challenge, while the payment waits for a 3-D Secure code.
    public var challenge: ThreeDSecureChallenge? {
        if case let .requiresAction(challenge) = status { return challenge }
        return nil
    }

    public var failure: PaymentFailure? {
        if case let .failed(failure) = status { return failure }
        return nil
    }

    /// Checks the code the customer typed. A malformed code (not 6 digits) is refused without
    /// using up a try; an expired challenge fails whatever is typed.
    public mutating func confirm(code: String, at now: ShopInstant) throws(PaymentError) -> ChallengeVerification {
        guard case var .requiresAction(challenge) = status else {
            throw .invalidTransition(action: .confirmCode, from: paymentState)
        }
        if challenge.isExpired(at: now) {
            status = .failed(.codeExpired)
            return .failed(.codeExpired)
        }
        let typed = code.filter { $0 != " " }
        guard typed.count == 6, typed.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .malformedOneTimeCode
        }
        if typed == challenge.oneTimeCode {
            status = .authorized
            return .accepted
        }
        challenge.attemptsLeft -= 1
        guard challenge.attemptsLeft > 0 else {
            status = .failed(.tooManyWrongCodes)
            return .failed(.tooManyWrongCodes)
        }
        status = .requiresAction(challenge)
        return .rejected(attemptsLeft: challenge.attemptsLeft)
    }

    /// Fails a payment whose code expired before anyone typed it. Answers whether it did.
    public mutating func expireChallenge(at now: ShopInstant) -> Bool {
        guard let challenge, challenge.isExpired(at: now) else { return false }
        status = .failed(.codeExpired)
        return true
    }

    /// Takes the authorized money.
    public mutating func capture() throws(PaymentError) {
        guard case .authorized = status else { throw .invalidTransition(action: .capture, from: paymentState) }
        status = .captured
    }

    /// Releases the hold on the card (before capture only; after it, refund).
    public mutating func cancel() throws(PaymentError) {
        switch status {
        case .requiresAction, .authorized: status = .canceled
        case .captured, .failed, .canceled: throw .invalidTransition(action: .cancel, from: paymentState)
        }
    }

    /// The refund ledger of a captured payment; nil before capture.
    public var refundLedger: RefundLedger? {
        guard case .captured = status else { return nil }
        return RefundLedger(captured: amount, method: method)
    }
}

public enum CardPaymentStatus: Hashable, Sendable, Codable {
    case requiresAction(ThreeDSecureChallenge)
    case authorized
    case captured
    case failed(PaymentFailure)
    case canceled

    public var paymentState: PaymentState {
        switch self {
        case .requiresAction: return .requiresAction
        case .authorized: return .authorized
        case .captured: return .paid
        case .failed: return .failed
        case .canceled: return .canceled
        }
    }
}
