import ShopCore

/// Days and times of shop time as the screens show them, in English and in the customer's time
/// zone: `Tue 1 Dec`, `Tue 1 – Thu 3 Dec`, `09:05`.
public enum DayFormat {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func day(_ day: CalendarDay) -> String {
        "\(weekdays[day.weekday]) \(day.day) \(months[day.month - 1])"
    }

    /// A range of days, the month said once when both ends share it.
    public static func range(_ range: ClosedRange<CalendarDay>) -> String {
        let (first, last) = (range.lowerBound, range.upperBound)
        if first == last { return day(first) }
        if first.month == last.month, first.year == last.year {
            return "\(weekdays[first.weekday]) \(first.day) – \(day(last))"
        }
        return "\(day(first)) – \(day(last))"
    }

    /// `09:05`, local to `zone`.
    public static func time(_ instant: ShopInstant, in zone: ShopTimeZone) -> String {
        zone.time(instant)
    }

    /// `Tue 1 Dec 09:05`, local to `zone`.
    public static func dayAndTime(_ instant: ShopInstant, in zone: ShopTimeZone) -> String {
        "\(day(zone.day(of: instant))) \(time(instant, in: zone))"
    }
}
