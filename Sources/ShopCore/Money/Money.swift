/// An amount of money in integer minor units (cents) of one currency. Never floating point.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    public var minorUnits: Int64
    public var currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    public var isZero: Bool { minorUnits == 0 }

    public func adding(_ other: Money) throws(MoneyError) -> Money {
        guard currency == other.currency else {
            throw .currencyMismatch(currency, other.currency)
        }
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        guard !overflow else { throw .tooLarge }
        return Money(minorUnits: sum, currency: currency)
    }

    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        guard currency == other.currency else {
            throw .currencyMismatch(currency, other.currency)
        }
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        guard !overflow else { throw .tooLarge }
        return Money(minorUnits: difference, currency: currency)
    }

    /// The price of `quantity` units; `MoneyError.tooLarge` when it does not fit, which only
    /// amounts far beyond `ShopLimits` (damaged or hand-written data) can cause.
    public func multiplied(by quantity: Int) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: Int64(quantity))
        guard !overflow else { throw .tooLarge }
        return Money(minorUnits: product, currency: currency)
    }

    /// Compares two amounts of the same currency.
    public func isLess(than other: Money) throws(MoneyError) -> Bool {
        guard currency == other.currency else {
            throw .currencyMismatch(currency, other.currency)
        }
        return minorUnits < other.minorUnits
    }

    /// Sums amounts that must all be in `currency`.
    public static func sum(_ amounts: [Money], currency: Currency) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    public var description: String { MoneyFormatter(locale: .enUS).format(self) }
}

public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    case currencyMismatch(Currency, Currency)
    case invalidAmount(String)
    /// A sum or product beyond what an amount can hold.
    case tooLarge

    public var description: String {
        switch self {
        case let .currencyMismatch(a, b):
            return "cannot combine amounts in \(a.code) and \(b.code): a basket has one currency"
        case let .invalidAmount(text):
            return "\(Quote.value(text)) is not an amount: expected a number such as 12.50"
        case .tooLarge:
            return "the amount is too large to compute"
        }
    }
}

extension Money {
    /// Parses a decimal amount such as `12.5`, `12,50` or `1234` into minor units exactly,
    /// without going through floating point. More decimals than the currency has are rounded half-up.
    public static func parse(_ text: String, currency: Currency) throws(MoneyError) -> Money {
        let trimmed = text.trimmingSpaces()
        var digitsBefore = ""
        var digitsAfter = ""
        var seenSeparator = false
        var negative = false
        for (index, ch) in trimmed.enumerated() {
            if index == 0 && ch == "-" { negative = true; continue }
            if ch == "." || ch == "," {
                if seenSeparator { throw .invalidAmount(text) }
                seenSeparator = true
                continue
            }
            guard let ascii = ch.asciiValue, ascii >= 48, ascii <= 57 else { throw .invalidAmount(text) }
            if seenSeparator { digitsAfter.append(ch) } else { digitsBefore.append(ch) }
        }
        guard !digitsBefore.isEmpty || !digitsAfter.isEmpty else { throw .invalidAmount(text) }
        guard digitsBefore.count <= 18 else { throw .tooLarge }
        let places = currency.minorUnitDigits
        var fraction = Array(digitsAfter)
        var roundUp = false
        if fraction.count > places {
            roundUp = fraction[places] >= "5"
            fraction = Array(fraction[0..<places])
        }
        while fraction.count < places { fraction.append("0") }
        let major = Int64(digitsBefore.isEmpty ? "0" : digitsBefore) ?? 0
        let minor = fraction.isEmpty ? 0 : (Int64(String(fraction)) ?? 0)
        let (scaled, overflow) = major.multipliedReportingOverflow(by: currency.minorPerMajor)
        let (sum, overflowSum) = scaled.addingReportingOverflow(minor + (roundUp ? 1 : 0))
        guard !overflow, !overflowSum else { throw .tooLarge }
        var units = sum
        if negative { units = -units }
        return Money(minorUnits: units, currency: currency)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
