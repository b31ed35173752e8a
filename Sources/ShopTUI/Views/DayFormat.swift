import ShopCore

/// Days and times of shop time as the screens show them, in English and UTC like all shop time:
/// `Tue 1 Dec`, `Tue 1 – Thu 3 Dec`, `09:05`.
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

    /// `09:05` (UTC).
    public static func time(_ instant: ShopInstant) -> String {
        let seconds = ((instant.secondsSince1970 % 86_400) + 86_400) % 86_400
        let hours = seconds / 3_600, minutes = seconds % 3_600 / 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }

    /// `Tue 1 Dec 09:05`.
    public static func dayAndTime(_ instant: ShopInstant) -> String { "\(day(instant.calendarDay)) \(time(instant))" }
}
