/// A time zone as data: a standard offset from UTC and the summer-time rule it follows, so the
/// domain turns shop time into local time without a clock or a system database. The customer's
/// zone is read at the edge (`TZ`); the shop's is Europe/Paris.
public struct ShopTimeZone: Hashable, Sendable, CustomStringConvertible {
    /// When clocks go forward an hour.
    public enum SummerTime: Hashable, Sendable {
        case none
        /// The EU rule: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
        /// Sunday of October.
        case europeanUnion
        /// The US rule: from 02:00 local on the second Sunday of March to 02:00 local (summer
        /// time) on the first Sunday of November.
        case unitedStates
    }

    public let identifier: String
    public let standardOffsetMinutes: Int
    public let summerTime: SummerTime

    public init(identifier: String, standardOffsetMinutes: Int, summerTime: SummerTime) {
        self.identifier = identifier
        self.standardOffsetMinutes = standardOffsetMinutes
        self.summerTime = summerTime
    }

    public static let paris = ShopTimeZone(identifier: "Europe/Paris", standardOffsetMinutes: 60, summerTime: .europeanUnion)
    public static let utc = ShopTimeZone(identifier: "UTC", standardOffsetMinutes: 0, summerTime: .none)

    public var description: String { identifier }

    /// The zones `TZ` may name, by their IANA identifiers (and `UTC`); nil for another name.
    public static func named(_ name: String) -> ShopTimeZone? {
        let trimmed = name.hasPrefix(":") ? String(name.dropFirst()) : name
        if ["UTC", "Etc/UTC", "UCT", "GMT", "Etc/GMT", "Zulu", "Universal"].contains(trimmed) {
            return ShopTimeZone(identifier: trimmed, standardOffsetMinutes: 0, summerTime: .none)
        }
        guard let (offset, rule) = known[trimmed] else { return nil }
        return ShopTimeZone(identifier: trimmed, standardOffsetMinutes: offset, summerTime: rule)
    }

    /// The zone of `TZ` when it names one, else the shop's (Europe/Paris).
    public static func customer(tz: String?) -> ShopTimeZone {
        tz.flatMap { named($0) } ?? .paris
    }

    private static let known: [String: (Int, SummerTime)] = {
        var table: [String: (Int, SummerTime)] = [:]
        for city in ["London", "Dublin", "Lisbon"] { table["Europe/" + city] = (0, .europeanUnion) }
        for city in ["Paris", "Berlin", "Madrid", "Rome", "Brussels", "Amsterdam", "Luxembourg", "Vienna", "Zurich",
                     "Stockholm", "Oslo", "Copenhagen", "Prague", "Warsaw", "Budapest", "Monaco", "Andorra", "Malta",
                     "Bratislava", "Ljubljana", "Zagreb", "Belgrade"] {
            table["Europe/" + city] = (60, .europeanUnion)
        }
        for city in ["Athens", "Helsinki", "Bucharest", "Sofia", "Riga", "Tallinn", "Vilnius", "Kyiv", "Kiev"] {
            table["Europe/" + city] = (120, .europeanUnion)
        }
        table["America/New_York"] = (-300, .unitedStates)
        table["America/Chicago"] = (-360, .unitedStates)
        table["America/Denver"] = (-420, .unitedStates)
        table["America/Los_Angeles"] = (-480, .unitedStates)
        table["Asia/Tokyo"] = (540, .none)
        table["Asia/Shanghai"] = (480, .none)
        table["Asia/Kolkata"] = (330, .none)
        table["Australia/Brisbane"] = (600, .none)
        return table
    }()

    /// Minutes east of UTC at `instant`.
    public func offsetMinutes(at instant: ShopInstant) -> Int {
        isSummerTime(at: instant) ? standardOffsetMinutes + 60 : standardOffsetMinutes
    }

    public func isSummerTime(at instant: ShopInstant) -> Bool {
        let year = instant.calendarDay.year
        switch summerTime {
        case .none:
            return false
        case .europeanUnion:
            let start = Self.lastSunday(of: 3, in: year).at(hour: 1)
            let end = Self.lastSunday(of: 10, in: year).at(hour: 1)
            return instant >= start && instant < end
        case .unitedStates:
            let standard = Int64(standardOffsetMinutes) * 60
            let start = Self.nthSunday(2, of: 3, in: year).at(hour: 2).adding(seconds: -standard)
            let end = Self.nthSunday(1, of: 11, in: year).at(hour: 2).adding(seconds: -standard - 3_600)
            return instant >= start && instant < end
        }
    }

    /// The wall-clock reading of `instant` in this zone, as an instant whose UTC fields are the
    /// local ones (its `calendarDay`, hour and minute are local).
    public func local(_ instant: ShopInstant) -> ShopInstant {
        instant.adding(seconds: Int64(offsetMinutes(at: instant)) * 60)
    }

    /// The local day `instant` falls on.
    public func day(of instant: ShopInstant) -> CalendarDay { local(instant).calendarDay }

    /// The instant at local `hour:minute` on `day` (an hour that does not exist or exists twice
    /// around a clock change is read with the offset in force just before).
    public func instant(on day: CalendarDay, hour: Int, minute: Int = 0) -> ShopInstant {
        let wall = day.at(hour: hour, minute: minute)
        let guess = wall.adding(seconds: -Int64(standardOffsetMinutes) * 60)
        return wall.adding(seconds: -Int64(offsetMinutes(at: guess)) * 60)
    }

    /// `2026-12-08 12:12`: the local date and time to the minute.
    public func dateAndTime(_ instant: ShopInstant) -> String {
        let local = local(instant)
        let seconds = local.secondsSince1970 - local.calendarDay.start.secondsSince1970
        return "\(local.calendarDay.iso8601) \(twoDigits(seconds / 3_600)):\(twoDigits(seconds / 60 % 60))"
    }

    /// `12:12`.
    public func time(_ instant: ShopInstant) -> String {
        String(dateAndTime(instant).suffix(5))
    }

    /// `+0100`: the numeric offset of RFC 5322 dates and ISO 8601 times.
    public func numericOffset(at instant: ShopInstant, separator: String = "") -> String {
        let minutes = offsetMinutes(at: instant)
        let sign = minutes < 0 ? "-" : "+"
        return sign + twoDigits(abs(minutes) / 60) + separator + twoDigits(abs(minutes) % 60)
    }

    static func lastSunday(of month: Int, in year: Int) -> CalendarDay {
        let last = CalendarDay(year: year, month: month + 1, day: 1).adding(days: -1)
        return last.adding(days: -last.weekday)
    }

    static func nthSunday(_ n: Int, of month: Int, in year: Int) -> CalendarDay {
        let first = CalendarDay(year: year, month: month, day: 1)
        return first.adding(days: (7 - first.weekday) % 7 + 7 * (n - 1))
    }
}
