/// The card networks the shop accepts.
///
/// Cartes Bancaires (CB) is the French domestic network. A CB card is always co-badged with Visa
/// or Mastercard, so CB is never detected on its own: the number first gets its international
/// brand, then a 16-digit Visa or Mastercard number is also CB when its first eight digits are in
/// `cartesBancairesBINs`. The real CB BIN table is private to the network; the shop carries the
/// BINs of Stripe's published CB test cards (4000 0025 0000 1001 co-badged Visa,
/// 5555 5525 0000 1001 co-badged Mastercard).
public enum CardBrand: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case visa
    case mastercard
    case americanExpress = "amex"
    case cartesBancaires = "cartes_bancaires"

    public var displayName: String {
        switch self {
        case .visa: return "Visa"
        case .mastercard: return "Mastercard"
        case .americanExpress: return "American Express"
        case .cartesBancaires: return "CB"
        }
    }

    public var description: String { displayName }

    /// `a Visa`, `an American Express`, for messages.
    var withArticle: String { (self == .americanExpress ? "an " : "a ") + displayName }

    /// Digits of the security code: 4 on the front of an American Express card, 3 on the back of others.
    public var securityCodeLength: Int { self == .americanExpress ? 4 : 3 }

    /// The lengths a number of this brand may have.
    public var numberLengths: [Int] {
        switch self {
        case .visa: return [13, 16, 19]
        case .mastercard, .cartesBancaires: return [16]
        case .americanExpress: return [15]
        }
    }

    /// How a number of this brand and length is grouped when printed: 4-6-5 for American Express,
    /// groups of four for the others.
    func groupSizes(forLength length: Int) -> [Int] {
        if self == .americanExpress { return [4, 6, 5] }
        return stride(from: 0, to: length, by: 4).map { min(4, length - $0) }
    }

    /// The first eight digits of the numbers that are co-badged Cartes Bancaires.
    public static let cartesBancairesBINs: Set<String> = ["40000025", "55555525"]
}

/// What the leading digits of a card number say about its network.
enum CardNetworkMatch: Equatable {
    case accepted(CardBrand)
    /// A network the shop does not take, by name when it is known.
    case unsupported(network: String?)
    /// Too few digits yet to tell.
    case undetermined
}

extension CardNetworkMatch {
    /// Detects the network from the leading digits (issuer identification number ranges).
    static func detect(_ digits: [UInt8]) -> CardNetworkMatch {
        func prefix(_ count: Int) -> Int? {
            guard digits.count >= count else { return nil }
            return digits[0..<count].reduce(0) { $0 * 10 + Int($1) }
        }
        guard let first = prefix(1) else { return .undetermined }
        switch first {
        case 4:
            return .accepted(.visa)
        case 5:
            guard let two = prefix(2) else { return .undetermined }
            return (51...55).contains(two) ? .accepted(.mastercard) : .unsupported(network: "Maestro")
        case 2:
            guard let four = prefix(4) else { return .undetermined }
            return (2221...2720).contains(four) ? .accepted(.mastercard) : .unsupported(network: nil)
        case 3:
            guard let two = prefix(2) else { return .undetermined }
            if two == 34 || two == 37 { return .accepted(.americanExpress) }
            if two == 35 { return .unsupported(network: "JCB") }
            if two == 30 || two == 36 || two == 38 || two == 39 { return .unsupported(network: "Diners Club") }
            return .unsupported(network: nil)
        case 6:
            guard let two = prefix(2) else { return .undetermined }
            if two == 62 { return .unsupported(network: "UnionPay") }
            if two == 65 || two == 64 || prefix(4) == 6011 { return .unsupported(network: "Discover") }
            return .unsupported(network: two == 60 ? nil : "Maestro")
        default:
            return .unsupported(network: nil)
        }
    }

    /// Whether a 16-digit Visa or Mastercard number is co-badged Cartes Bancaires.
    static func isCartesBancaires(_ digits: [UInt8], brand: CardBrand) -> Bool {
        guard brand == .visa || brand == .mastercard, digits.count == 16 else { return false }
        let bin = String(digits[0..<8].map { Character(String($0)) })
        return CardBrand.cartesBancairesBINs.contains(bin)
    }
}
