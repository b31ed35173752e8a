/// What the shop keeps of a card: brand, last four digits and expiry. Never the number or the
/// security code, so it is safe to journal, log and show.
public struct CardSummary: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The international brand: Visa, Mastercard or American Express.
    public let brand: CardBrand
    /// `.cartesBancaires` when the card is co-badged CB.
    public let coBadge: CardBrand?
    public let lastFour: String
    public let expiryMonth: Int
    public let expiryYear: Int

    public init(brand: CardBrand, coBadge: CardBrand?, lastFour: String, expiryMonth: Int, expiryYear: Int) {
        self.brand = brand
        self.coBadge = coBadge
        self.lastFour = lastFour
        self.expiryMonth = expiryMonth
        self.expiryYear = expiryYear
    }

    /// `Visa/CB •••• 1001`.
    public var masked: String {
        let brands = coBadge.map { "\(brand.displayName)/\($0.displayName)" } ?? brand.displayName
        return "\(brands) •••• \(lastFour)"
    }

    /// `Visa •••• 4242, expires 12/2030`.
    public var description: String {
        "\(masked), expires \(twoDigits(expiryMonth))/\(expiryYear)"
    }
}
