/// How an order was paid, as far as the shop may remember it: where a refund goes back to.
public enum PaymentMethodSummary: Hashable, Sendable, Codable, CustomStringConvertible {
    case card(CardSummary)
    case wallet(payer: String)
    case cash(CashReference)

    public var description: String {
        switch self {
        case let .card(summary): return "card \(summary.masked)"
        case let .wallet(payer): return "wallet \(payer)"
        case let .cash(reference): return "cash, reference \(reference)"
        }
    }
}
