/// The month and year printed on a card. A card is valid through the last second of its expiry
/// month, read in UTC like all shop time.
public struct CardExpiry: Hashable, Sendable, CustomStringConvertible {
    /// 1 to 12.
    public let month: Int
    /// Four digits.
    public let year: Int

    /// How far ahead an expiry may be before it is taken for a typo (issuers print at most ~10 years).
    public static let maximumYearsAhead = 20

    public init(month: Int, year: Int) throws(PaymentError) {
        guard (1...12).contains(month) else { throw .invalidExpiryMonth(month) }
        self.month = month
        self.year = year
    }

    /// Parses `MM/YY` or `MM/YYYY` (also `M/YY`, `MMYY`, spaces around the slash).
    public init(_ text: String) throws(PaymentError) {
        let compact = text.filter { $0 != " " }
        let parts: [Substring]
        if compact.contains("/") {
            parts = compact.split(separator: "/", omittingEmptySubsequences: false)
        } else if compact.count == 4 || compact.count == 6 {
            parts = [compact.prefix(2), compact.dropFirst(2)]
        } else {
            throw .malformedExpiry(text)
        }
        guard parts.count == 2,
              (1...2).contains(parts[0].count), parts[1].count == 2 || parts[1].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let month = Int(parts[0]), let typedYear = Int(parts[1])
        else { throw .malformedExpiry(text) }
        try self.init(month: month, year: parts[1].count == 2 ? 2000 + typedYear : typedYear)
    }

    /// Whether the card can no longer be used at `now`: its expiry month has ended.
    public func isExpired(at now: ShopInstant) -> Bool {
        let today = CalendarDay(now)
        return (year, month) < (today.year, today.month)
    }

    /// Refuses an expiry that has passed at `now`, or one implausibly far ahead.
    public func check(at now: ShopInstant) throws(PaymentError) {
        if isExpired(at: now) { throw .cardExpired(month: month, year: year) }
        if year > CalendarDay(now).year + Self.maximumYearsAhead { throw .expiryTooFarAhead(year: year) }
    }

    /// `03/2024`.
    public var description: String { "\(twoDigits(month))/\(year)" }
}
