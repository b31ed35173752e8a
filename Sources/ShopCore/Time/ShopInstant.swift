/// A moment of shop time, in whole seconds since 1970-01-01 00:00:00 UTC.
///
/// The domain never reads the wall clock: every rule with a deadline takes the current instant as a
/// value, so tests and demos can move time as they please.
///
/// Instants stay within the years 1 to 9999 (`earliest...latest`): a value beyond, from damaged
/// data or an absurd clock offset, is clamped there, and every sum saturates, so calendar and
/// formatting arithmetic can never overflow.
public struct ShopInstant: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var secondsSince1970: Int64

    /// 0001-01-01T00:00:00Z.
    public static let earliest = ShopInstant(clamped: -62_135_596_800)
    /// 9999-12-31T23:59:59Z.
    public static let latest = ShopInstant(clamped: 253_402_300_799)

    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = min(max(secondsSince1970, Self.earliest.secondsSince1970), Self.latest.secondsSince1970)
    }

    private init(clamped seconds: Int64) { secondsSince1970 = seconds }

    /// The instant at a UTC date and time of day, for tests, demos and deadlines.
    public static func utc(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> ShopInstant {
        CalendarDay(year: year, month: month, day: day).start
            .adding(seconds: Int64(hour) * 3_600 + Int64(minute) * 60 + Int64(second))
    }

    public static func < (lhs: ShopInstant, rhs: ShopInstant) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    /// This instant moved by `seconds`, stopping at `earliest` or `latest`.
    public func adding(seconds: Int64) -> ShopInstant {
        ShopInstant(secondsSince1970: secondsSince1970.saturatingAdding(seconds))
    }

    public func adding(minutes: Int) -> ShopInstant { adding(seconds: Int64(minutes).saturatingMultiplied(by: 60)) }
    public func adding(hours: Int) -> ShopInstant { adding(seconds: Int64(hours).saturatingMultiplied(by: 3_600)) }
    public func adding(days: Int) -> ShopInstant { adding(seconds: Int64(days).saturatingMultiplied(by: 86_400)) }

    /// Seconds from `earlier` to this instant; negative when `earlier` is in fact later.
    public func seconds(since earlier: ShopInstant) -> Int64 {
        secondsSince1970.saturatingSubtracting(earlier.secondsSince1970)
    }

    /// The calendar day (UTC) this instant falls on.
    public var calendarDay: CalendarDay { CalendarDay(self) }

    /// Seconds since midnight UTC.
    private var secondsOfDay: Int64 { secondsSince1970 - calendarDay.start.secondsSince1970 }

    /// ISO 8601 in UTC, e.g. `2026-11-23T18:38:03Z`.
    public var iso8601: String {
        let seconds = secondsOfDay
        return "\(calendarDay.iso8601)T\(twoDigits(seconds / 3_600)):\(twoDigits(seconds / 60 % 60)):\(twoDigits(seconds % 60))Z"
    }

    /// `2026-11-23 18:40 UTC`, to the minute, for messages.
    public var description: String {
        let seconds = secondsOfDay
        return "\(calendarDay.iso8601) \(twoDigits(seconds / 3_600)):\(twoDigits(seconds / 60 % 60)) UTC"
    }
}

/// `7` -> `07`: the two-digit fields of dates and times.
func twoDigits<Number: BinaryInteger>(_ value: Number) -> String {
    value < 10 ? "0\(value)" : "\(value)"
}
