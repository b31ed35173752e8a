/// The (invented) courier companies the shop ships with. Each has its own tracking number format
/// with a check digit, so a mistyped number is caught before it is looked up.
public enum Carrier: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// `CR` + 8 digits + a UPU S10 check digit (weights 8 6 4 2 3 5 9 7, mod 11) + `FR`: `CR123456785FR`.
    case colisRapide = "colis_rapide"
    /// `PX` + 11 digits + a Luhn check digit.
    case pelicanExpress = "pelican_express"
    /// `ES` + 11 digits + a GS1 check digit (weights 3 1 3 1..., mod 10).
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

    /// Letters after the check digit, if the format has any.
    public var suffix: String {
        self == .colisRapide ? "FR" : ""
    }

    /// How many digits come before the check digit.
    public var payloadDigitCount: Int {
        self == .colisRapide ? 8 : 11
    }

    /// The total length of a tracking number of this carrier.
    public var trackingNumberLength: Int {
        prefix.count + payloadDigitCount + 1 + suffix.count
    }

    /// A human description of the format, for error messages.
    public var formatDescription: String {
        "\(prefix) followed by \(payloadDigitCount + 1) digits\(suffix.isEmpty ? "" : " and \(suffix)")"
    }

    /// The national sorting hub parcels of this carrier pass through on a standard route.
    public var hub: TrackingPlace {
        switch self {
        case .colisRapide: return TrackingPlace(city: "Orléans", countryCode: "FR")
        case .pelicanExpress: return TrackingPlace(city: "Mâcon", countryCode: "FR")
        case .estafette: return TrackingPlace(city: "Chartres", countryCode: "FR")
        }
    }

    /// The check digit this carrier appends to `payload` (decimal digits, most significant first).
    public func checkDigit(for payload: [Int]) -> Int {
        switch self {
        case .colisRapide:
            let weights = [8, 6, 4, 2, 3, 5, 9, 7]
            let sum = zip(payload, weights).reduce(0) { $0 + $1.0 * $1.1 }
            let remainder = 11 - sum % 11
            return remainder == 10 ? 0 : remainder == 11 ? 5 : remainder
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
