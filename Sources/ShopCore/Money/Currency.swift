/// An ISO 4217 currency with the number of digits of its minor unit.
///
/// Stored in 5 bytes (the code's UTF-8 packed in a `UInt32`, the digits in a `UInt8`) so that a
/// `Money` is 16 bytes: a catalogue holds two of them per product, a million products.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The code's UTF-8 bytes, first byte lowest, unused high bytes zero.
    private let packedCode: UInt32
    private let digits: UInt8

    /// The most UTF-8 bytes a code may have (ISO 4217 codes have 3).
    public static let maximumCodeBytes = 4
    /// The most minor-unit digits a currency may have (more would overflow `minorPerMajor`).
    public static let maximumMinorUnitDigits = 18

    /// `code` must be at most `maximumCodeBytes` bytes of UTF-8 without NUL, and `minorUnitDigits`
    /// within 0...`maximumMinorUnitDigits`; use `validated(code:minorUnitDigits:)` for untrusted input.
    public init(code: String, minorUnitDigits: Int = 2) {
        guard let currency = Currency.validated(code: code, minorUnitDigits: minorUnitDigits) else {
            preconditionFailure("'\(code)' with \(minorUnitDigits) minor-unit digits is not a currency: expected a code of at most \(Currency.maximumCodeBytes) bytes and 0...\(Currency.maximumMinorUnitDigits) digits")
        }
        self = currency
    }

    private init(packedCode: UInt32, digits: UInt8) {
        self.packedCode = packedCode
        self.digits = digits
    }

    /// The currency, or nil when the code is too long (or holds a NUL) or the digits are out of range.
    public static func validated(code: String, minorUnitDigits: Int) -> Currency? {
        guard (0...maximumMinorUnitDigits).contains(minorUnitDigits), code.utf8.count <= maximumCodeBytes else { return nil }
        var packed: UInt32 = 0
        var shift: UInt32 = 0
        for byte in code.utf8 {
            guard byte != 0 else { return nil }
            packed |= UInt32(byte) << shift
            shift += 8
        }
        return Currency(packedCode: packed, digits: UInt8(minorUnitDigits))
    }

    public var code: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Currency.maximumCodeBytes)
        var rest = packedCode
        while rest != 0 {
            bytes.append(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public var minorUnitDigits: Int { Int(digits) }

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
        for _ in 0..<digits { value *= 10 }
        return value
    }

    public var description: String { code }
}
