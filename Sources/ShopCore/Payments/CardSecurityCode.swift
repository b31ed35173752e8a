/// The card's security code (CVC), 3 or 4 digits. Shown, printed and reflected only as dots, and
/// not `Codable`, so it cannot end up in the journal or a log.
public struct CardSecurityCode: Equatable, Sendable {
    private let digits: String

    public init(_ text: String) throws(PaymentError) {
        let trimmed = text.filter { $0 != " " }
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .malformedSecurityCode
        }
        digits = trimmed
    }

    public var digitCount: Int { digits.count }

    /// Refuses a code whose length does not match the card's brand.
    public func check(for brand: CardBrand) throws(PaymentError) {
        guard digitCount == brand.securityCodeLength else {
            throw .securityCodeLength(brand: brand, digitCount: digitCount)
        }
    }
}

extension CardSecurityCode: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { String(repeating: "•", count: digitCount) }
    public var debugDescription: String { "CardSecurityCode(\(description))" }
    public var customMirror: Mirror { Mirror(self, children: ["digitCount": digitCount], displayStyle: .struct) }
}
