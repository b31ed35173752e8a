import Testing
import ShopCore

@Suite("Shop time")
struct TrackingTimeTests {
    @Test("calendar days and ISO 8601 in UTC")
    func calendarAndISO() {
        let instant = ShopInstant(secondsSince1970: 1_795_437_483)
        #expect(instant.iso8601 == "2026-11-23T12:38:03Z")
        #expect(instant.calendarDay == CalendarDay(year: 2026, month: 11, day: 23))
        #expect(instant.calendarDay.weekday == 1)
        #expect(ShopInstant(secondsSince1970: 0).iso8601 == "1970-01-01T00:00:00Z")
        #expect(ShopInstant(secondsSince1970: -1).iso8601 == "1969-12-31T23:59:59Z")
        #expect(CalendarDay(year: 2024, month: 2, day: 29).adding(days: 1) == CalendarDay(year: 2024, month: 3, day: 1))
        #expect(CalendarDay(year: 2026, month: 12, day: 32) == CalendarDay(year: 2027, month: 1, day: 1))
        #expect(CalendarDay(year: 2000, month: 3, day: 1).days(until: CalendarDay(year: 2000, month: 2, day: 28)) == -2)
    }

    @Test("adding minutes, hours and days")
    func adding() {
        let start = CalendarDay(year: 2026, month: 3, day: 28).at(hour: 23, minute: 30)
        #expect(start.adding(minutes: 45).iso8601 == "2026-03-29T00:15:00Z")
        #expect(start.adding(hours: -24).iso8601 == "2026-03-27T23:30:00Z")
        #expect(start.adding(days: 4).iso8601 == "2026-04-01T23:30:00Z")
        #expect(start < start.adding(minutes: 1))
    }

    @Test("calendar round trip over four centuries of days")
    func roundTrip() {
        for days in stride(from: Int64(-146_097), through: 146_097, by: 37) {
            let day = CalendarDay(daysSince1970: days)
            #expect(day.daysSince1970 == days)
            #expect(CalendarDay(year: day.year, month: day.month, day: day.day) == day)
            #expect((1...12).contains(day.month) && (1...31).contains(day.day))
        }
    }
}
