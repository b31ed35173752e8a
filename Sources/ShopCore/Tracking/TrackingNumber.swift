/// A parcel's tracking number in the UPU S10 form: the carrier's prefix, an 8-digit serial, the
/// S10 check digit and `FR` (older Pélican Express and Estafette numbers still read).
public struct TrackingNumber: Hashable, Sendable, CustomStringConvertible {
    public let carrier: Carrier
    /// The canonical text, upper case without spaces, e.g. `CR123456785FR`.
    public let value: String

    /// Reads a tracking number typed by a person: spaces and case are ignored, the carrier is
    /// recognised from the prefix, and the check digit must match.
    public init(_ text: String) throws(TrackingNumberError) {
        // Case folding and dropping separators byte by byte gives the same text for ASCII input, far
        // faster (a snapshot re-checks every parcel's number when it is read); other text goes the
        // Unicode way, where upper-casing may turn a letter into ASCII.
        let cleaned: [UInt8] = text.utf8.allSatisfy { $0 < 0x80 }
            ? text.utf8.compactMap { byte in
                byte == 0x20 || byte == 0x2D ? nil : (0x61...0x7A).contains(byte) ? byte - 0x20 : byte
            }
            : Array(String(text.uppercased().filter { $0 != " " && $0 != "-" }).utf8)
        guard let carrier = Carrier.allCases.first(where: { cleaned.starts(with: $0.prefix.utf8) }) else {
            throw .unknownCarrier(text)
        }
        let prefixLength = carrier.prefix.utf8.count, suffixLength = carrier.suffix.utf8.count
        let s10 = cleaned.count == carrier.trackingNumberLength && cleaned.reversed().starts(with: carrier.suffix.utf8.reversed())
        let legacy = carrier.legacyDigitCount.map { cleaned.count == prefixLength + $0 } ?? false
        guard s10 || legacy else { throw .wrongFormat(text, carrier: carrier) }
        let digitBytes = cleaned[prefixLength..<(cleaned.count - (s10 ? suffixLength : 0))]
        guard !digitBytes.isEmpty, digitBytes.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw .wrongFormat(text, carrier: carrier)
        }
        let digits = digitBytes.map { Int($0 - 0x30) }
        let payload = Array(digits.dropLast())
        let expected = s10 ? carrier.checkDigit(for: payload) : carrier.legacyCheckDigit(for: payload)
        guard digits.last == expected else {
            throw .checkDigitMismatch(text, carrier: carrier, expected: expected)
        }
        self.carrier = carrier
        self.value = String(decoding: cleaned, as: UTF8.self)
    }

    /// A fresh S10 tracking number for `carrier`, its serial drawn from `generator`.
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
