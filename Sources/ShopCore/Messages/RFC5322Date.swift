/// The `Date:` header format of RFC 5322 §3.3, local time with its offset: `Mon, 23 Nov 2026 19:38:03 +0100`.
public enum RFC5322Date {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func format(_ instant: ShopInstant, in zone: ShopTimeZone = .utc) -> String {
        let local = zone.local(instant)
        let day = local.calendarDay
        let seconds = local.secondsSince1970 - day.start.secondsSince1970
        let time = "\(twoDigits(seconds / 3_600)):\(twoDigits(seconds / 60 % 60)):\(twoDigits(seconds % 60))"
        return "\(weekdays[day.weekday]), \(twoDigits(Int64(day.day))) \(months[day.month - 1]) \(day.year) \(time) \(zone.numericOffset(at: instant))"
    }

    /// Reads a date in the RFC 5322 format (weekday optional, seconds optional, numeric zone
    /// or `GMT`/`UT`/`Z`, a trailing comment such as `(UTC)` ignored); nil when the text is not
    /// such a date.
    public static func parse(_ text: String) -> ShopInstant? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let first = words.first, first.hasSuffix(",") { words.removeFirst() }
        if let last = words.last, last.hasPrefix("("), last.hasSuffix(")") { words.removeLast() }
        guard words.count == 5,
              let day = Int(words[0]), (1...31).contains(day),
              let monthIndex = months.firstIndex(where: { $0.lowercased() == words[1].lowercased() }),
              let year = Int(words[2]) else { return nil }
        let clock = words[3].split(separator: ":").map { Int($0) }
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0 != nil }) else { return nil }
        let hour = clock[0]!, minute = clock[1]!, second = clock.count == 3 ? clock[2]! : 0
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let zone = words[4]
        var offsetMinutes = 0
        if ["GMT", "UT", "UTC", "Z"].contains(zone.uppercased()) {
            offsetMinutes = 0
        } else {
            guard zone.count == 5, let sign = zone.first, sign == "+" || sign == "-",
                  let digits = Int(zone.dropFirst()) else { return nil }
            offsetMinutes = (digits / 100 * 60 + digits % 100) * (sign == "-" ? -1 : 1)
        }
        let local = CalendarDay(year: year, month: monthIndex + 1, day: day).at(hour: hour, minute: minute)
        return ShopInstant(secondsSince1970: local.secondsSince1970 + Int64(second - offsetMinutes * 60))
    }
}
