/// A moment in shop time: whole seconds since 1970-01-01T00:00:00Z.
///
/// The domain never reads a clock; the caller injects the current instant, so deadlines and the
/// courier simulator are testable and the demo can run time faster.
public struct ShopInstant: Hashable, Comparable, Sendable {
    public var secondsSince1970: Int64

    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    public func adding(minutes: Int) -> ShopInstant {
        ShopInstant(secondsSince1970: secondsSince1970 + Int64(minutes) * 60)
    }

    public func adding(hours: Int) -> ShopInstant {
        ShopInstant(secondsSince1970: secondsSince1970 + Int64(hours) * 3_600)
    }

    public func adding(days: Int) -> ShopInstant {
        ShopInstant(secondsSince1970: secondsSince1970 + Int64(days) * 86_400)
    }

    /// The calendar day (UTC) this instant falls on.
    public var calendarDay: CalendarDay { CalendarDay(self) }

    /// ISO 8601 in UTC, e.g. `2026-11-23T18:38:03Z`.
    public var iso8601: String {
        let day = calendarDay
        let seconds = secondsSince1970 - day.start.secondsSince1970
        return "\(day.iso8601)T\(twoDigits(seconds / 3_600)):\(twoDigits(seconds / 60 % 60)):\(twoDigits(seconds % 60))Z"
    }

    public static func < (lhs: ShopInstant, rhs: ShopInstant) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }
}
