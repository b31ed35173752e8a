/// The VAT classes of French law. Rates are in basis points (20 % = 2000).
public enum VATClass: String, CaseIterable, Hashable, Sendable, Codable {
    case standard
    case intermediate
    case reduced
    case superReduced = "super-reduced"
    case zero

    public var basisPoints: Int64 {
        switch self {
        case .standard: return 2000
        case .intermediate: return 1000
        case .reduced: return 550
        case .superReduced: return 210
        case .zero: return 0
        }
    }

    /// The rate as people write it: `20 %`, `5.5 %`.
    public var label: String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        if fraction == 0 { return "\(whole) %" }
        let decimals = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(whole).\(decimals) %"
    }

    /// Splits a VAT-inclusive (gross) amount into net and VAT, rounding VAT half-up to the
    /// minor unit. Net + VAT always equals the gross amount exactly.
    public func split(gross: Money) -> (net: Money, vat: Money) {
        // VAT = gross * rate / (10000 + rate), rounded half-up (away from zero for negatives),
        // computed as q * rate + round(r * rate / d) with gross = q * d + r, so that no
        // intermediate exceeds the gross amount: any Int64 splits without overflow.
        let rate = UInt64(basisPoints)
        let denominator = 10_000 + rate
        let (quotient, remainder) = gross.minorUnits.magnitude.quotientAndRemainder(dividingBy: denominator)
        let magnitude = Int64(quotient * rate + (2 * remainder * rate + denominator) / (2 * denominator))
        let vat = gross.minorUnits < 0 ? -magnitude : magnitude
        return (
            Money(minorUnits: gross.minorUnits - vat, currency: gross.currency),
            Money(minorUnits: vat, currency: gross.currency)
        )
    }
}
