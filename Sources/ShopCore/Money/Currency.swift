/// An ISO 4217 currency with the number of digits of its minor unit.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    public let code: String
    public let minorUnitDigits: Int

    public init(code: String, minorUnitDigits: Int = 2) {
        self.code = code
        self.minorUnitDigits = minorUnitDigits
    }

    public static let eur = Currency(code: "EUR")
    public static let usd = Currency(code: "USD")
    public static let gbp = Currency(code: "GBP")
    public static let chf = Currency(code: "CHF")
    public static let jpy = Currency(code: "JPY", minorUnitDigits: 0)

    /// Currencies the shop knows by code; others are refused on import.
    public static let known: [String: Currency] = [
        "EUR": .eur, "USD": .usd, "GBP": .gbp, "CHF": .chf, "JPY": .jpy,
    ]

    /// The symbol shown next to amounts; the code itself when there is none.
    public var symbol: String {
        switch code {
        case "EUR": return "€"
        case "USD": return "$"
        case "GBP": return "£"
        case "JPY": return "¥"
        default: return code
        }
    }

    /// How many minor units make one major unit (100 for EUR, 1 for JPY).
    public var minorPerMajor: Int64 {
        var value: Int64 = 1
        for _ in 0..<minorUnitDigits { value *= 10 }
        return value
    }

    public var description: String { code }
}
