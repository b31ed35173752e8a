/// The (invented) courier companies the shop ships with. Every tracking number has the UPU S10
/// form: the carrier's two letters, an 8-digit serial, the S10 check digit (weights 8 6 4 2 3 5
/// 9 7, mod 11) and `FR` — `CR123456785FR`. Numbers of the older Pélican Express (12 digits, Luhn)
/// and Estafette (12 digits, GS1) formats, kept in existing data, still read.
public enum Carrier: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case colisRapide = "colis_rapide"
    case pelicanExpress = "pelican_express"
    case estafette = "estafette"

    /// The name shown to customers.
    public var name: String {
        switch self {
        case .colisRapide: return "Colis Rapide"
        case .pelicanExpress: return "Pélican Express"
        case .estafette: return "Estafette Messageries"
        }
    }

    public var description: String { name }

    /// The two letters every tracking number of this carrier starts with.
    public var prefix: String {
        switch self {
        case .colisRapide: return "CR"
        case .pelicanExpress: return "PX"
        case .estafette: return "ES"
        }
    }

    /// The S10 country code after the check digit.
    public var suffix: String { "FR" }

    /// How many digits come before the check digit: the S10 serial.
    public var payloadDigitCount: Int { 8 }

    /// The total length of a tracking number of this carrier.
    public var trackingNumberLength: Int {
        prefix.count + payloadDigitCount + 1 + suffix.count
    }

    /// Digits (check digit included) of the older format without suffix, nil for Colis Rapide,
    /// which always had the S10 form.
    var legacyDigitCount: Int? { self == .colisRapide ? nil : 12 }

    /// A human description of the format, for error messages.
    public var formatDescription: String {
        "\(prefix) followed by \(payloadDigitCount + 1) digits and \(suffix)"
    }

    /// The national sorting hub parcels of this carrier pass through on a standard route.
    public var hub: TrackingPlace {
        switch self {
        case .colisRapide: return TrackingPlace(city: "Orléans", countryCode: "FR")
        case .pelicanExpress: return TrackingPlace(city: "Mâcon", countryCode: "FR")
        case .estafette: return TrackingPlace(city: "Chartres", countryCode: "FR")
        }
    }

    /// The UPU S10 check digit of an 8-digit serial (most significant first).
    public func checkDigit(for payload: [Int]) -> Int {
        let weights = [8, 6, 4, 2, 3, 5, 9, 7]
        let sum = zip(payload, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let remainder = 11 - sum % 11
        return remainder == 10 ? 0 : remainder == 11 ? 5 : remainder
    }

    /// The check digit of the older formats: Luhn for Pélican Express, GS1 (weights 3 1 3 1…,
    /// mod 10) for Estafette; S10 for Colis Rapide.
    public func legacyCheckDigit(for payload: [Int]) -> Int {
        switch self {
        case .colisRapide:
            return checkDigit(for: payload)
        case .pelicanExpress:
            var sum = 0
            for (index, digit) in payload.reversed().enumerated() {
                let doubled = index % 2 == 0 ? digit * 2 : digit
                sum += doubled > 9 ? doubled - 9 : doubled
            }
            return (10 - sum % 10) % 10
        case .estafette:
            var sum = 0
            for (index, digit) in payload.reversed().enumerated() {
                sum += digit * (index % 2 == 0 ? 3 : 1)
            }
            return (10 - sum % 10) % 10
        }
    }
}
