/// A card number (PAN) that has passed every check: digits only, an accepted brand, a length
/// that brand issues, and the Luhn check digit.
///
/// The number itself never leaves this value by accident: `description`, `debugDescription` and
/// reflection (`dump`, `Mirror`) show only the brand and the last four digits, and the type is
/// deliberately not `Codable`. Only `groupedForEntry`, which a payment form needs to echo what the
/// customer typed, spells it out.
public struct CardNumber: Equatable, Sendable {
    private let digits: [UInt8]
    /// The international brand the number belongs to.
    public let brand: CardBrand
    /// `.cartesBancaires` when the card is co-badged CB (see `CardBrand`).
    public let coBadge: CardBrand?

    /// Parses a number as typed: digits, with spaces or dashes anywhere.
    public init(_ text: String) throws(PaymentError) {
        var digits: [UInt8] = []
        for character in text {
            if character == " " || character == "-" { continue }
            guard let ascii = character.asciiValue, (48...57).contains(ascii) else {
                throw .invalidCardNumberCharacter(character)
            }
            digits.append(ascii - 48)
        }
        guard !digits.isEmpty else { throw .emptyCardNumber }
        let brand: CardBrand
        switch CardNetworkMatch.detect(digits) {
        case let .accepted(detected): brand = detected
        case let .unsupported(network): throw .unsupportedCardNetwork(network)
        case .undetermined: throw .cardNumberTooShort(digitCount: digits.count)
        }
        guard brand.numberLengths.contains(digits.count) else {
            throw .cardNumberLength(brand: brand, digitCount: digits.count)
        }
        guard Self.passesLuhnCheck(digits) else { throw .cardNumberCheckDigit }
        self.digits = digits
        self.brand = brand
        self.coBadge = CardNetworkMatch.isCartesBancaires(digits, brand: brand) ? .cartesBancaires : nil
    }

    /// Every brand the card can be charged through, international brand first.
    public var brands: [CardBrand] { [brand] + (coBadge.map { [$0] } ?? []) }

    public var lastFour: String { String(digitText.suffix(4)) }

    /// `•••• 4242`.
    public var masked: String { "•••• \(lastFour)" }

    /// The whole number grouped as printed on the card (`4242 4242 4242 4242`,
    /// `3782 822463 10005`), for echoing the payment form's field. Never log it.
    public var groupedForEntry: String { Self.groupedForEntry(digitText) }

    /// The number in digits, for the simulated gateway's table of test cards.
    var digitText: String { String(digits.map { Character(String($0)) }) }

    /// Groups whatever digits have been typed so far the way the card prints them, following the
    /// brand the leading digits announce; other characters are dropped, and so are digits beyond the
    /// brand's longest number (19, or 15 for American Express).
    public static func groupedForEntry(_ partial: String) -> String {
        let allTyped = partial.filter { $0.isASCII && $0.isNumber }
        var brand = CardBrand.visa
        if case let .accepted(detected) = CardNetworkMatch.detect(allTyped.compactMap { $0.asciiValue.map { $0 - 48 } }) {
            brand = detected
        }
        let typed = Array(allTyped.prefix(brand.numberLengths.max() ?? 19))
        let length = brand == .americanExpress ? 15 : max(16, typed.count)
        var grouped = ""
        var start = 0
        for size in brand.groupSizes(forLength: length) where start < typed.count {
            if !grouped.isEmpty { grouped += " " }
            grouped += String(typed[start..<min(start + size, typed.count)])
            start += size
        }
        return grouped
    }

    /// The Luhn (mod 10) check: doubling every second digit from the right, the sum ends in 0.
    static func passesLuhnCheck(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }
}

extension CardNumber: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `Visa •••• 4242`.
    public var description: String { "\(brand) \(masked)" }
    public var debugDescription: String { "CardNumber(\(description))" }
    public var customMirror: Mirror {
        Mirror(self, children: ["brand": brand, "lastFour": lastFour], displayStyle: .struct)
    }
}
