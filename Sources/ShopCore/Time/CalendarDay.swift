/// A day of the proleptic Gregorian calendar in UTC, e.g. a promised or estimated delivery day.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A day given by its fields; out-of-range fields are normalised the way the calendar counts
    /// (`CalendarDay(year: 2026, month: 1, day: 32)` is 1 February 2026).
    public init(year: Int, month: Int, day: Int) {
        self.init(daysSince1970: CalendarDay.daysFromCivil(year: year, month: month, day: day))
    }

    public init(_ instant: ShopInstant) {
        let days = instant.secondsSince1970 >= 0
            ? instant.secondsSince1970 / 86_400
            : (instant.secondsSince1970 - 86_399) / 86_400
        self.init(daysSince1970: days)
    }

    /// The days of `ShopInstant.earliest...ShopInstant.latest` (years 1 to 9999).
    static let dayRange: ClosedRange<Int64> = -719_162...2_932_896

    /// The day `daysSince1970` days after 1970-01-01 (Howard Hinnant's `civil_from_days`), kept
    /// within the years 1 to 9999 like `ShopInstant`.
    public init(daysSince1970: Int64) {
        let z = min(max(daysSince1970, Self.dayRange.lowerBound), Self.dayRange.upperBound) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
    }

    public var daysSince1970: Int64 {
        CalendarDay.daysFromCivil(year: year, month: month, day: day)
    }

    /// Midnight UTC at the start of this day.
    public var start: ShopInstant {
        ShopInstant(secondsSince1970: daysSince1970.saturatingMultiplied(by: 86_400))
    }

    /// The instant `hour:minute` UTC on this day.
    public func at(hour: Int, minute: Int = 0) -> ShopInstant {
        start.adding(minutes: hour * 60 + minute)
    }

    public func adding(days: Int) -> CalendarDay {
        CalendarDay(daysSince1970: daysSince1970.saturatingAdding(Int64(days)))
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDay) -> Int {
        Int(other.daysSince1970.saturatingSubtracting(daysSince1970))
    }

    /// Carriers deliver Monday to Saturday.
    public var isWorkingDay: Bool { weekday != 0 }

    /// The day `count` working days (Monday to Saturday) after this one; from a Sunday the
    /// count starts on Monday.
    public func addingWorkingDays(_ count: Int) -> CalendarDay {
        var day = self
        var left = max(0, count)
        var steps = 0
        while left > 0, steps < 4 * count + 7 {
            day = day.adding(days: 1)
            if day.isWorkingDay { left -= 1 }
            steps += 1
        }
        return day
    }

    /// How many working days (Monday to Saturday) follow this day up to `other` included; 0 when
    /// `other` is not later.
    public func workingDays(until other: CalendarDay) -> Int {
        let span = max(0, days(until: other))
        return (1...max(1, span)).reduce(0) { count, offset in
            offset <= span && adding(days: offset).isWorkingDay ? count + 1 : count
        }
    }

    /// This day when carriers work, else the next one that is.
    public var nextWorkingDayOrSelf: CalendarDay { isWorkingDay ? self : adding(days: 1) }

    /// 0 = Sunday ... 6 = Saturday.
    public var weekday: Int {
        Int(((daysSince1970 % 7) + 11) % 7)
    }

    /// `2026-11-23`.
    public var iso8601: String {
        let paddedYear = year < 1_000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(paddedYear)-\(twoDigits(Int64(month)))-\(twoDigits(Int64(day)))"
    }

    public var description: String { iso8601 }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.daysSince1970 < rhs.daysSince1970
    }

    /// Howard Hinnant's `days_from_civil`.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let totalMonths = Int64(year) * 12 + Int64(month - 1)
        let normalisedYear = totalMonths >= 0 ? totalMonths / 12 : (totalMonths - 11) / 12
        let normalisedMonth = totalMonths - normalisedYear * 12 + 1
        let y = normalisedMonth <= 2 ? normalisedYear - 1 : normalisedYear
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = normalisedMonth > 2 ? normalisedMonth - 3 : normalisedMonth + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 + Int64(day - 1)
    }
}

