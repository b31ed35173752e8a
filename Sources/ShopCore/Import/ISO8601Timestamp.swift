/// Reads ISO 8601 date-times such as `2025-04-30T09:41:02.053Z` or `2024-01-05T10:00:00+02:00`
/// into seconds since 1970 (UTC). A fixed-format parser: no locale, no calendar object, no clock.
public enum ISO8601Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z; fractions of a second are dropped. A date alone
    /// (`2025-04-30`) means midnight UTC. Nil when the text is not such a timestamp.
    public static func secondsSince1970(_ text: String) -> Int64? {
        let chars = Array(text.utf8)
        var index = 0

        func number(_ width: Int) -> Int? {
            guard index + width <= chars.count else { return nil }
            var value = 0
            for byte in chars[index..<index + width] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += width
            return value
        }
        func expect(_ ascii: Character) -> Bool {
            guard index < chars.count, chars[index] == ascii.asciiValue else { return false }
            index += 1
            return true
        }

        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        var seconds = Int64(daysSince1970(year: year, month: month, day: day)) * 86_400
        if index == chars.count { return seconds }
        guard expect("T") || expect(" ") || expect("t"),
              let hour = number(2), expect(":"), let minute = number(2), expect(":"), let second = number(2),
              hour < 24, minute < 60, second <= 60 else { return nil }
        seconds += Int64(hour * 3600 + minute * 60 + second)
        if expect(".") || expect(",") {
            let start = index
            while index < chars.count, chars[index] >= 48, chars[index] <= 57 { index += 1 }
            guard index > start else { return nil }
        }
        if index == chars.count || expect("Z") || expect("z") {
            return index == chars.count ? seconds : nil
        }
        guard index < chars.count, chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") else { return nil }
        let sign: Int64 = chars[index] == UInt8(ascii: "+") ? 1 : -1
        index += 1
        guard let offsetHours = number(2), offsetHours < 24 else { return nil }
        _ = expect(":")
        guard let offsetMinutes = number(2), offsetMinutes < 60, index == chars.count else { return nil }
        return seconds - sign * Int64(offsetHours * 3600 + offsetMinutes * 60)
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
