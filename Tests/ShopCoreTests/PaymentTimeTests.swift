import Testing
@testable import ShopCore

@Suite struct PaymentTimeTests {
    @Test func addsMinutesHoursAndDays() {
        let start = ShopInstant(secondsSince1970: 1_000)
        #expect(start.adding(minutes: 5).secondsSince1970 == 1_300)
        #expect(start.adding(hours: 72).secondsSince1970 == 1_000 + 72 * 3_600)
        #expect(start.adding(days: 14).secondsSince1970 == 1_000 + 14 * 86_400)
        #expect(start.adding(minutes: 5).seconds(since: start) == 300)
        #expect(start < start.adding(seconds: 1))
    }

    @Test func readsTheCalendarInUTC() {
        #expect(CalendarDay(ShopInstant(secondsSince1970: 0)) == CalendarDay(year: 1970, month: 1, day: 1))
        #expect(CalendarDay(ShopInstant(secondsSince1970: -1)) == CalendarDay(year: 1969, month: 12, day: 31))
        #expect(CalendarDay(ShopInstant(secondsSince1970: 951_782_400)) == CalendarDay(year: 2000, month: 2, day: 29))
        #expect(ShopInstant.utc(year: 2024, month: 2, day: 29).secondsSince1970 == 1_709_164_800)
        #expect(ShopInstant.utc(year: 2026, month: 11, day: 23, hour: 18, minute: 40).description == "2026-11-23 18:40 UTC")
    }
}
