import Testing
@testable import ShopCore

/// Shop time cannot be pushed past its limit, and an offset written before the limit existed
/// (`courier advance --hours 2562047787516211`) cannot make a command trap.
@Suite("Shop time limits")
struct ShopTimeLimitTests {
    static let now = ShopInstant.utc(year: 2026, month: 12, day: 4, hour: 21)

    static func state(offset: Int64) -> ShopState {
        ShopState(commerce: Commerce(
            clockOffsetSeconds: offset, accounts: [], sessions: [:], orders: [], tickets: [], outbox: [],
            lastMessageSequence: 0))
    }

    @Test func advancingPastOneHundredYearsIsRefused() throws {
        var state = Self.state(offset: 0)
        let hundredYears = ShopLimits.maximumClockOffsetSeconds
        #expect(throws: ShopError.commerce(.clockTooFarAhead(requested: hundredYears + 1, ahead: 0))) {
            try state.decide(.commerce(.advanceClock(seconds: hundredYears + 1), at: Self.now, entropy: 1))
        }
        #expect(throws: ShopError.commerce(.clockTooFarAhead(requested: .max, ahead: 0))) {
            try state.decide(.commerce(.advanceClock(seconds: .max), at: Self.now, entropy: 1))
        }
        state.apply(try state.decide(.commerce(.advanceClock(seconds: hundredYears - 3_600), at: Self.now, entropy: 1)))
        state.apply(try state.decide(.commerce(.advanceClock(seconds: 3_600), at: Self.now, entropy: 2)))
        #expect(state.commerce.clockOffset == hundredYears)
        let refusal = ShopError.commerce(.clockTooFarAhead(requested: 3_600, ahead: hundredYears))
        #expect(throws: refusal) { try state.decide(.commerce(.advanceClock(seconds: 3_600), at: Self.now, entropy: 3)) }
        #expect(refusal.description
            == "shop time may run at most 876600 hours (100 years) ahead of the clock in all: 1 hours asked, 0 hours left")
    }

    /// 2562047787516211 hours, as an old version journaled it: shop time counts the limit, and
    /// catching up, formatting and the calendar all work.
    @Test(arguments: [Int64(2_562_047_787_516_211) * 3_600, .max, .min, -1])
    func anAbsurdStoredOffsetCountsAsTheLimit(offset: Int64) throws {
        var state = Self.state(offset: offset)
        let shopTime = state.commerce.shopTime(wallClock: Self.now)
        let expected = offset > 0 ? Self.now.adding(seconds: ShopLimits.maximumClockOffsetSeconds) : Self.now
        #expect(shopTime == expected)
        #expect(!shopTime.iso8601.isEmpty)
        state.apply(try state.decide(.commerce(.catchUp, at: shopTime, entropy: 1)))
        state.apply(.commerce(.clockAdvanced(seconds: .max)))
        #expect(state.commerce.shopTime(wallClock: Self.now) <= ShopInstant.latest)
    }

    /// Orders in every state caught up at the farthest shop time (year 9999): parcels, cash
    /// references, returns and their deadlines all saturate instead of trapping.
    @Test(arguments: [Int64.max, ShopLimits.maximumClockOffsetSeconds])
    func ordersCatchUpAtTheFarthestShopTime(offset: Int64) throws {
        var shop = try TradeShop()
        let paid = try shop.order([("BOOK", 1)])
        try shop.order([("LAMP", 1)], payment: .cash)
        let returned = try shop.order([("PEN", 2)])
        try shop.deliver(returned)
        try shop.trade(.requestReturn(orderNumber: returned, lines: [ReturnLine(sku: "PEN", quantity: 1)], by: .local))
        shop.state.apply(.commerce(.clockAdvanced(seconds: offset)))
        for at in [shop.state.commerce.shopTime(wallClock: shop.now), ShopInstant.latest] {
            shop.state.apply(try shop.state.decide(.commerce(.catchUp, at: at, entropy: 7)))
        }
        #expect(shop.order(paid).fulfillment == .delivered)
        #expect(shop.state.commerce.orders.values.allSatisfy { $0.scans.allSatisfy { $0.time <= .latest } })
    }

    @Test func instantsStayWithinTheYearsOneTo9999() {
        #expect(ShopInstant(secondsSince1970: .max) == .latest)
        #expect(ShopInstant(secondsSince1970: .min) == .earliest)
        #expect(ShopInstant.latest.iso8601 == "9999-12-31T23:59:59Z")
        #expect(ShopInstant.earliest.iso8601 == "0001-01-01T00:00:00Z")
        #expect(Self.now.adding(seconds: .max) == .latest)
        #expect(Self.now.adding(hours: .max) == .latest)
        #expect(Self.now.adding(days: .min) == .earliest)
        #expect(ShopInstant.latest.seconds(since: .earliest) == 253_402_300_799 + 62_135_596_800)
        #expect(CalendarDay(daysSince1970: .max) == ShopInstant.latest.calendarDay)
        #expect(CalendarDay(daysSince1970: .min) == ShopInstant.earliest.calendarDay)
        #expect(ShopInstant.latest.calendarDay.adding(days: .max).start <= .latest)
        #expect(Self.now.calendarDay.days(until: ShopInstant.latest.calendarDay) > 0)
    }

    /// Ordinary instants are unchanged by the bounds.
    @Test func instantsRoundTripThroughTheCalendar() {
        var generator = SplitMix64(seed: 1_970)
        for _ in 0..<5_000 {
            let seconds = Int64(generator.next() % UInt64(ShopInstant.latest.secondsSince1970 - ShopInstant.earliest.secondsSince1970))
                + ShopInstant.earliest.secondsSince1970
            let instant = ShopInstant(secondsSince1970: seconds)
            #expect(instant.secondsSince1970 == seconds)
            let day = instant.calendarDay
            #expect(day.start <= instant && instant.seconds(since: day.start) < 86_400)
            #expect(CalendarDay(year: day.year, month: day.month, day: day.day) == day)
        }
    }
}
