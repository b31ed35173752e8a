/// A PayPal-like wallet payment: created -> approved by the customer in the wallet -> captured.
///
///     created ──approve──> approved ──capture──> captured (paid)
///        │ "decline" payer      │ cancel
///        └──> failed            └──> canceled (also from created)
///
/// Simulated refusal: a payer address containing "decline" (any case, e.g.
/// `decline@example.com`) is refused when the customer tries to approve.
public struct WalletPayment: Hashable, Sendable {
    public let token: GatewayToken
    /// The wallet account's email address.
    public let payer: String
    public let amount: Money
    public let createdAt: ShopInstant
    public private(set) var status: WalletPaymentStatus

    public init<R: RandomNumberGenerator>(payer: String, amount: Money, at now: ShopInstant, using random: inout R) throws(PaymentError) {
        let address = payer.trimmingSpaces()
        guard Self.looksLikeEmail(address) else { throw .invalidWalletEmail(payer) }
        guard amount.minorUnits > 0 else { throw .amountNotPositive(amount) }
        self.token = GatewayToken.generate(prefix: "wal_", using: &random)
        self.payer = address
        self.amount = amount
        self.createdAt = now
        self.status = .created
    }

    public var paymentState: PaymentState { status.paymentState }
    public var method: PaymentMethodSummary { .wallet(payer: payer) }

    public var failure: PaymentFailure? {
        if case let .failed(failure) = status { return failure }
        return nil
    }

    /// The customer approves in the wallet. A declining payer turns the payment failed.
    public mutating func approve() throws(PaymentError) {
        guard case .created = status else { throw .invalidTransition(action: .approve, from: paymentState) }
        status = payer.lowercased().contains("decline") ? .failed(.walletDeclined) : .approved
    }

    /// The shop takes the approved money.
    public mutating func capture() throws(PaymentError) {
        switch status {
        case .approved: status = .captured
        case .created: throw .walletNotApproved
        case .captured, .canceled, .failed: throw .invalidTransition(action: .capture, from: paymentState)
        }
    }

    /// Abandons the payment before capture.
    public mutating func cancel() throws(PaymentError) {
        switch status {
        case .created, .approved: status = .canceled
        case .captured, .canceled, .failed: throw .invalidTransition(action: .cancel, from: paymentState)
        }
    }

    /// The refund ledger of a captured payment; nil before capture.
    public var refundLedger: RefundLedger? {
        guard case .captured = status else { return nil }
        return RefundLedger(captured: amount, method: method)
    }

    /// One `@`, something before it, a dotted domain after it, no spaces.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }
}

public enum WalletPaymentStatus: Hashable, Sendable, Codable {
    case created
    case approved
    case captured
    case canceled
    case failed(PaymentFailure)

    public var paymentState: PaymentState {
        switch self {
        case .created: return .requiresAction
        case .approved: return .authorized
        case .captured: return .paid
        case .canceled: return .canceled
        case .failed: return .failed
        }
    }
}

extension WalletPayment {
    /// A wallet payment as it was recorded (the store reads it back with this).
    public init(token: GatewayToken, payer: String, amount: Money, createdAt: ShopInstant, status: WalletPaymentStatus) {
        self.token = token
        self.payer = payer
        self.amount = amount
        self.createdAt = createdAt
        self.status = status
    }
}
