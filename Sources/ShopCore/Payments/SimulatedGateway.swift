/// The built-in gateway. It answers like Stripe does for its published test cards; any other
/// number that passes every check is authorized, as Stripe's test mode does.
public struct SimulatedGateway: PaymentGateway {
    public init() {}

    /// What the simulated bank does with a card.
    public enum Outcome: Hashable, Sendable {
        case authorize
        case requireAuthentication
        case decline(DeclineReason)
    }

    /// Stripe's test cards with a special outcome (docs.stripe.com/testing).
    public static let testCards: [String: Outcome] = [
        "4000002760003184": .requireAuthentication,
        "4000000000003220": .requireAuthentication,
        "4000000000000002": .decline(.generic),
        "4000000000009995": .decline(.insufficientFunds),
        "4000000000009987": .decline(.lostCard),
        "4000000000009979": .decline(.stolenCard),
        "4000000000000069": .decline(.expiredCard),
        "4000000000000127": .decline(.incorrectSecurityCode),
        "4000000000000119": .decline(.processingError),
    ]

    public static func outcome(for number: CardNumber) -> Outcome {
        testCards[number.digitText] ?? .authorize
    }

    public func authorize<R: RandomNumberGenerator>(
        _ card: CardDetails, amount: Money, at now: ShopInstant, using random: inout R
    ) throws(PaymentError) -> CardPayment {
        guard amount.minorUnits > 0 else { throw .amountNotPositive(amount) }
        try card.expiry.check(at: now)
        let token = GatewayToken.generate(prefix: "tok_", using: &random)
        let status: CardPaymentStatus
        switch Self.outcome(for: card.number) {
        case .authorize: status = .authorized
        case .requireAuthentication: status = .requiresAction(.issue(at: now, using: &random))
        case let .decline(reason): status = .failed(.declined(reason))
        }
        return CardPayment(token: token, card: card.summary, amount: amount, createdAt: now, status: status)
    }

    public func startWalletPayment<R: RandomNumberGenerator>(
        payer email: String, amount: Money, at now: ShopInstant, using random: inout R
    ) throws(PaymentError) -> WalletPayment {
        try WalletPayment(payer: email, amount: amount, at: now, using: &random)
    }

    public func issueCashReference<R: RandomNumberGenerator>(
        amount: Money, at now: ShopInstant, using random: inout R
    ) throws(PaymentError) -> CashPayment {
        try CashPayment(amount: amount, at: now, using: &random)
    }
}
