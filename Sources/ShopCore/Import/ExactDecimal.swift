/// A decimal number read from its text (`9.99`, `-0.5`, `1.2e3`) as an integer significand and
/// a count of fraction digits, so that imported prices and percentages never pass through `Double`.
public struct ExactDecimal: Hashable, Sendable {
    /// The value times 10^scale.
    public var significand: Int64
    /// How many digits stand after the decimal point.
    public var scale: Int

    /// Parses plain decimal text with an optional exponent; nil when it is not such a number or
    /// has more than 18 significant digits.
    public init?(_ text: String) {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let value = Int(mantissa[mantissa.index(after: e)...].drop(while: { $0 == "+" })),
                  abs(value) <= 18 else { return nil }
            exponent = value
            mantissa = mantissa[..<e]
        }
        var negative = false
        if mantissa.first == "-" { negative = true; mantissa = mantissa.dropFirst() }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        for ch in mantissa.utf8 {
            if ch == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
            } else if ch >= UInt8(ascii: "0") && ch <= UInt8(ascii: "9") {
                digits.append(ch - UInt8(ascii: "0"))
                if seenPoint { fractionDigits += 1 }
            } else {
                return nil
            }
        }
        while digits.count > 1 && digits.first == 0 { digits.removeFirst() }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value: Int64 = 0
        for digit in digits { value = value * 10 + Int64(digit) }
        var scale = fractionDigits - exponent
        while scale < 0 {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
            scale += 1
        }
        self.significand = negative ? -value : value
        self.scale = scale
    }

    public var isNegative: Bool { significand < 0 }

    /// True when there is nothing after the decimal point (`12`, `12.00`).
    public var isIntegral: Bool {
        if significand == 0 { return true }
        guard let factor = Self.power(scale) else { return false }
        return significand % factor == 0
    }

    /// The value in units of 10^-places, rounded half away from zero; nil on overflow.
    public func rounded(toScale places: Int) -> Int64? {
        if places >= scale {
            guard let factor = Self.power(places - scale) else { return nil }
            let (product, overflow) = significand.multipliedReportingOverflow(by: factor)
            return overflow ? nil : product
        }
        guard let divisor = Self.power(scale - places) else { return 0 }
        let magnitude = (significand.magnitude + divisor.magnitude / 2) / divisor.magnitude
        return significand < 0 ? -Int64(magnitude) : Int64(magnitude)
    }

    /// 10^exponent, nil when it does not fit in Int64.
    static func power(_ exponent: Int) -> Int64? {
        guard exponent >= 0, exponent <= 18 else { return nil }
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
