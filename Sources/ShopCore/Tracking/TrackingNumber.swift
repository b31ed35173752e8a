/// A parcel's tracking number: a carrier prefix, digits, and a carrier-specific check digit.
public struct TrackingNumber: Hashable, Sendable, CustomStringConvertible {
    public let carrier: Carrier
    /// The canonical text, upper case without spaces, e.g. `CR123456785FR`.
    public let value: String

    /// Reads a tracking number typed by a person: spaces and case are ignored, the carrier is
    /// recognised from the prefix, and the check digit must match.
    public init(_ text: String) throws(TrackingNumberError) {
        let cleaned = String(text.uppercased().filter { $0 != " " && $0 != "-" })
        guard let carrier = Carrier.allCases.first(where: { cleaned.hasPrefix($0.prefix) }) else {
            throw .unknownCarrier(text)
        }
        guard cleaned.count == carrier.trackingNumberLength, cleaned.hasSuffix(carrier.suffix) else {
            throw .wrongFormat(text, carrier: carrier)
        }
        let digitText = cleaned.dropFirst(carrier.prefix.count).dropLast(carrier.suffix.count)
        let digits = digitText.compactMap { $0.wholeNumberValue }
        guard digits.count == digitText.count, digitText.allSatisfy(\.isASCII) else {
            throw .wrongFormat(text, carrier: carrier)
        }
        let expected = carrier.checkDigit(for: Array(digits.dropLast()))
        guard digits.last == expected else {
            throw .checkDigitMismatch(text, carrier: carrier, expected: expected)
        }
        self.carrier = carrier
        self.value = cleaned
    }

    /// A fresh tracking number for `carrier`, its digits drawn from `generator`.
    public static func generate(
        for carrier: Carrier, using generator: inout some RandomNumberGenerator
    ) -> TrackingNumber {
        let payload = (0..<carrier.payloadDigitCount).map { _ in Int(generator.next() % 10) }
        let digits = payload + [carrier.checkDigit(for: payload)]
        return TrackingNumber(
            checked: carrier,
            value: carrier.prefix + digits.map(String.init).joined() + carrier.suffix
        )
    }

    private init(checked carrier: Carrier, value: String) {
        self.carrier = carrier
        self.value = value
    }

    public var description: String { value }
}

/// Why a text is not a valid tracking number.
public enum TrackingNumberError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownCarrier(String)
    case wrongFormat(String, carrier: Carrier)
    case checkDigitMismatch(String, carrier: Carrier, expected: Int)

    public var description: String {
        switch self {
        case let .unknownCarrier(text):
            let prefixes = Carrier.allCases.map { "\($0.prefix) (\($0.name))" }.joined(separator: ", ")
            return "\(Quote.value(text)) is not a tracking number of our carriers: it should start with \(prefixes)"
        case let .wrongFormat(text, carrier):
            return "\(Quote.value(text)) is not a \(carrier.name) tracking number: expected \(carrier.formatDescription)"
        case let .checkDigitMismatch(text, carrier, expected):
            return "\(Quote.value(text)) has a wrong check digit for \(carrier.name) (expected \(expected)): check for a mistyped digit"
        }
    }
}
