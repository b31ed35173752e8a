/// Arithmetic for amounts and counts that `ShopLimits` keeps small: where only damaged or
/// hand-written data could push a value past `Int64`, it stops at the nearest bound instead of
/// trapping, so such data can be shown and refused rather than crash the program.
extension Int64 {
    /// `self + other`, clamped to `Int64.min...Int64.max`.
    public func saturatingAdding(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, clamped to `Int64.min...Int64.max`.
    public func saturatingSubtracting(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other < 0 ? .max : .min
    }

    /// `self × other`, clamped to `Int64.min...Int64.max`.
    public func saturatingMultiplied(by other: Int64) -> Int64 {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        guard overflow else { return product }
        return (self < 0) == (other < 0) ? .max : .min
    }

    /// `self × numerator / denominator`, truncated toward zero, and its remainder (with the sign
    /// of `self × numerator`, as `/` and `%` give), computed in 128 bits so the product cannot
    /// overflow; a quotient that does not fit is clamped. `denominator` must be positive.
    public func scaled(by numerator: Int64, over denominator: Int64) -> (quotient: Int64, remainder: Int64) {
        let negative = (self < 0) != (numerator < 0)
        let wide = magnitude.multipliedFullWidth(by: numerator.magnitude)
        let divisor = UInt64(denominator)
        guard wide.high < divisor else { return (negative ? .min : .max, 0) }
        let (quotient, remainder) = divisor.dividingFullWidth(wide)
        guard quotient <= UInt64(Int64.max) else { return (negative ? .min : .max, 0) }
        return negative ? (-Int64(quotient), -Int64(remainder)) : (Int64(quotient), Int64(remainder))
    }
}
