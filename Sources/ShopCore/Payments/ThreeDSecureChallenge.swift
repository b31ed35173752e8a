/// The bank's 3-D Secure challenge: a 6-digit one-time code sent to the customer, good for five
/// minutes of shop time and three tries.
///
/// Boundary: the code is accepted up to and including `expiresAt` (issue + 5 min 0 s) and
/// refused from one second later.
public struct ThreeDSecureChallenge: Hashable, Sendable, Codable, CustomStringConvertible {
    public static let lifetimeMinutes = 5
    /// Tries in all: the first, then two retries after a wrong code.
    public static let allowedAttempts = 3

    /// The code the bank sends to the customer's phone; the shop only passes it on as a message.
    public let oneTimeCode: String
    public let issuedAt: ShopInstant
    public internal(set) var attemptsLeft: Int

    public init(oneTimeCode: String, issuedAt: ShopInstant, attemptsLeft: Int = ThreeDSecureChallenge.allowedAttempts) {
        self.oneTimeCode = oneTimeCode
        self.issuedAt = issuedAt
        self.attemptsLeft = attemptsLeft
    }

    /// A challenge with a fresh code drawn from `random`.
    static func issue<R: RandomNumberGenerator>(at now: ShopInstant, using random: inout R) -> ThreeDSecureChallenge {
        let number = Int.random(in: 0...999_999, using: &random)
        let code = String(number)
        return ThreeDSecureChallenge(oneTimeCode: String(repeating: "0", count: 6 - code.count) + code, issuedAt: now)
    }

    /// The last instant the code is accepted.
    public var expiresAt: ShopInstant { issuedAt.adding(minutes: Self.lifetimeMinutes) }

    public func isExpired(at now: ShopInstant) -> Bool { now > expiresAt }

    /// Leaves the code out, so logging a challenge does not hand it over.
    public var description: String {
        "3-D Secure code issued at \(issuedAt), valid until \(expiresAt), \(attemptsLeft) attempts left"
    }
}

/// The answer to a 3-D Secure code typed by the customer.
public enum ChallengeVerification: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The code was right: the payment is authorized.
    case accepted
    /// The code was wrong; the customer may try again.
    case rejected(attemptsLeft: Int)
    /// The payment failed: expired code or no tries left.
    case failed(PaymentFailure)

    public var description: String {
        switch self {
        case .accepted:
            return "the code is right: the payment is authorized"
        case let .rejected(attemptsLeft):
            return "the code is wrong: \(attemptsLeft) \(attemptsLeft == 1 ? "attempt" : "attempts") left"
        case let .failed(failure):
            return failure.description
        }
    }
}
