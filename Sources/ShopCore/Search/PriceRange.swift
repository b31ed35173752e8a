/// An inclusive range of shelf prices (VAT included) in major units of the catalogue currency.
/// Bounds are kept exactly, in ten-thousandths of a major unit, so `price:4.5..9,99` never goes
/// through floating point.
public struct PriceRange: Hashable, Sendable {
    /// Lowest price kept, in ten-thousandths of a major unit; nil for no lower bound.
    public var lowerTenThousandths: Int64?
    /// Highest price kept, in ten-thousandths of a major unit; nil for no upper bound.
    public var upperTenThousandths: Int64?

    public init(lowerTenThousandths: Int64?, upperTenThousandths: Int64?) {
        self.lowerTenThousandths = lowerTenThousandths
        self.upperTenThousandths = upperTenThousandths
    }

    /// Digits after the decimal separator a bound may have.
    static let decimalPlaces = 4

    /// Whether a price, in minor units of `currency`, lies in the range.
    public func contains(_ price: Money) -> Bool {
        let scaled = PriceRange.tenThousandths(price)
        if let lowerTenThousandths, scaled < lowerTenThousandths { return false }
        if let upperTenThousandths, scaled > upperTenThousandths { return false }
        return true
    }

    /// A price in ten-thousandths of its major unit, the scale bounds are kept in.
    static func tenThousandths(_ price: Money) -> Int64 {
        var scaled = price.minorUnits
        let digits = price.currency.minorUnitDigits
        if digits > decimalPlaces {
            for _ in decimalPlaces..<digits { scaled /= 10 }
        } else {
            for _ in digits..<decimalPlaces { scaled = scaled.multipliedReportingOverflow(by: 10).partialValue }
        }
        return scaled
    }

    /// Parses `12`, `4.5` or `9,99` into ten-thousandths; nil when `text` is not such a number.
    static func parseBound(_ text: Substring) -> Int64? {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenSeparator = false
        var digits = 0
        for character in text {
            if character == "." || character == "," {
                if seenSeparator { return nil }
                seenSeparator = true
                continue
            }
            guard let ascii = character.asciiValue, (48...57).contains(ascii) else { return nil }
            let digit = Int64(ascii - 48)
            digits += 1
            if seenSeparator {
                fractionDigits += 1
                if fractionDigits > decimalPlaces { return nil }
                fraction = fraction * 10 + digit
            } else {
                if whole > 100_000_000_000 { return nil }
                whole = whole * 10 + digit
            }
        }
        guard digits > 0 else { return nil }
        for _ in fractionDigits..<decimalPlaces { fraction *= 10 }
        return whole * 10_000 + fraction
    }

    /// A bound as people write it: `20`, `4.5`, `9.99`.
    static func label(_ tenThousandths: Int64) -> String {
        let whole = tenThousandths / 10_000
        var fraction = tenThousandths % 10_000
        if fraction == 0 { return "\(whole)" }
        var width = decimalPlaces
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: width - digits.count) + digits
    }

    /// A range typed in the Filters pane: `10-25`, `-20` (at most 20), `50-` (at least 50), or as
    /// the query writes it (`10..25`); spaces and a currency sign are ignored.
    public static func parse(typed text: String) throws(QueryError) -> PriceRange {
        let compact = String(text.filter { !$0.isWhitespace && !"€$£".contains($0) })
        let separator = compact.firstRange(of: "..") ?? compact.firstIndex(where: { $0 == "-" || $0 == "–" }).map { $0..<compact.index(after: $0) }
        guard let separator else { throw .invalidTypedPrice(text) }
        let lowerText = compact[compact.startIndex..<separator.lowerBound]
        let upperText = compact[separator.upperBound...]
        guard !lowerText.isEmpty || !upperText.isEmpty else { throw .invalidTypedPrice(text) }
        var range = PriceRange(lowerTenThousandths: nil, upperTenThousandths: nil)
        if !lowerText.isEmpty {
            guard let lower = parseBound(lowerText) else { throw .invalidTypedPrice(text) }
            range.lowerTenThousandths = lower
        }
        if !upperText.isEmpty {
            guard let upper = parseBound(upperText) else { throw .invalidTypedPrice(text) }
            range.upperTenThousandths = upper
        }
        if let lower = range.lowerTenThousandths, let upper = range.upperTenThousandths, lower > upper {
            throw .priceMinimumAboveMaximum(minimum: String(lowerText), maximum: String(upperText))
        }
        return range
    }

    /// The range as the query language writes it: `10..25`, `..20`, `50..`.
    public var queryValue: String {
        (lowerTenThousandths.map(PriceRange.label) ?? "") + ".." + (upperTenThousandths.map(PriceRange.label) ?? "")
    }

    /// The range in words, amounts in major units: `10 to 25`, `up to 20`, `50 and more`.
    public var words: String {
        switch (lowerTenThousandths, upperTenThousandths) {
        case let (lower?, upper?): return "\(PriceRange.label(lower)) to \(PriceRange.label(upper))"
        case let (nil, upper?): return "up to \(PriceRange.label(upper))"
        case let (lower?, nil): return "\(PriceRange.label(lower)) and more"
        case (nil, nil): return "any"
        }
    }
}
