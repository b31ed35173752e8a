import ShopCore
import Testing

@Suite("Back office: stock, prices, listings and promotions")
struct MerchantCatalogueTests {
    @Test func aChangedPriceNeverChangesAPlacedOrderAndACartLineSaysSo() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        let number = try shop.order([("PEN", 2)])
        let total = shop.order(number).totals.total
        try shop.shop(.addToCart(sku: "PEN", quantity: 1, by: .local))
        try shop.merchant(.setPrice(sku: "PEN", price: TradeShop.euros(12_50)))
        #expect(shop.order(number).lines[0].unitPrice == TradeShop.euros(10_00))
        #expect(shop.order(number).totals.total == total)
        let changes = shop.state.priceChanges(in: .local)
        #expect(changes.count == 1)
        #expect(changes.first?.previous == TradeShop.euros(10_00))
        #expect(changes.first?.current == TradeShop.euros(12_50))
        let second = try shop.order([])
        #expect(shop.order(second).lines[0].unitPrice == TradeShop.euros(12_50))
        #expect(shop.state.priceChanges(in: .local).isEmpty)
    }

    @Test func aPriceBackWhereTheCartSawItSaysNothing() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        try shop.shop(.addToCart(sku: "PEN", quantity: 1, by: .local))
        try shop.merchant(.setPrice(sku: "PEN", price: TradeShop.euros(9_00)))
        try shop.merchant(.setPrice(sku: "PEN", price: TradeShop.euros(10_00)))
        #expect(shop.state.priceChanges(in: .local).isEmpty)
        try shop.merchant(.setPrice(sku: "PEN", price: TradeShop.euros(11_00)))
        try shop.shop(.removeFromCart(sku: "PEN", by: .local))
        try shop.shop(.addToCart(sku: "PEN", quantity: 1, by: .local))
        #expect(shop.state.priceChanges(in: .local).isEmpty)
    }

    @Test func pricesAndStockAreChecked() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        #expect(merchantError { try shop.merchant(.setPrice(sku: "PEN", price: TradeShop.euros(0))) } == .priceNotPositive)
        #expect(merchantError { try shop.merchant(.setPrice(sku: "NOPE", price: TradeShop.euros(1_00))) } == .unknownProduct("NOPE"))
        #expect(merchantError { try shop.merchant(.setPrice(sku: "PEN", price: Money(minorUnits: 100, currency: .usd))) }
            == .currencyMismatch(sku: "PEN", expected: .eur))
        _ = try shop.order([("LAMP", 2)])
        #expect(merchantError { try shop.merchant(.setStock(sku: "LAMP", onHand: 1), as: TradeShop.clerk) }
            == .stockBelowReserved(sku: "LAMP", requested: 1, reserved: 2))
        #expect(merchantError { try shop.merchant(.setStock(sku: "LAMP", onHand: -1)) } == .stockNegative(-1))
        try shop.merchant(.setStock(sku: "LAMP", onHand: 7), as: TradeShop.clerk)
        #expect(shop.product("LAMP").stockOnHand == 7)
        #expect(shop.product("LAMP").reservedStock == 2)
    }

    @Test func anUnlistedProductCannotBeAddedNorOrderedUntilRelisted() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        try shop.shop(.addToCart(sku: "PEN", quantity: 1, by: .local))
        try shop.merchant(.setListed(sku: "PEN", listed: false), as: TradeShop.clerk)
        #expect(commerceError { try shop.shop(.addToCart(sku: "PEN", quantity: 1, by: .local)) } == .unlisted(sku: "PEN", title: "A pen"))
        #expect(commerceError { _ = try shop.order([]) } == .unlisted(sku: "PEN", title: "A pen"))
        #expect(merchantError { try shop.merchant(.setListed(sku: "PEN", listed: false)) } == .alreadyUnlisted("PEN"))
        try shop.merchant(.setListed(sku: "PEN", listed: true))
        _ = try shop.order([])
    }

    @Test func theDemoCodesAreSeedDataAndCheckoutAppliesThemAsBefore() throws {
        var shop = try TradeShop()
        #expect(shop.state.commerce.backOffice.promotions.map(\.code) == ["WELCOME10", "FIVEOFF", "SUMMER24"])
        let number = try shop.order([("LAMP", 1)], promo: "welcome10")
        #expect(shop.order(number).totals.discount == TradeShop.euros(4_50))
        #expect(commerceError { _ = try shop.order([("LAMP", 1)], promo: "WELCOME10") } == .promo(.alreadyUsed(code: "WELCOME10")))
    }

    @Test func aNewCodeWorksForEveryOrderUnlessOncePerCustomerAndStopsWhenEnded() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        let day = shop.now.calendarDay
        try shop.merchant(.addPromotion(PromoCode(code: "pens2", benefit: .fixed(minorUnits: 2_00), minimumBasket: 10_00, lastDay: day.adding(days: 1),
                                                                  oncePerCustomer: false)))
        let first = try shop.order([("PEN", 1)], promo: "PENS2")
        let second = try shop.order([("PEN", 1)], promo: "PENS2")
        #expect(shop.order(first).totals.discount == TradeShop.euros(2_00))
        #expect(shop.order(second).totals.discount == TradeShop.euros(2_00))
        #expect(commerceError { _ = try shop.order([("CARD", 1)], promo: "PENS2") }
            == .promo(.belowMinimum(code: "PENS2", minimum: TradeShop.euros(10_00), goods: TradeShop.euros(3_00))))
        try shop.shop(.clearCart(by: .local))
        try shop.merchant(.addPromotion(PromoCode(code: "ONCE", benefit: .percent(basisPoints: 5_00), minimumBasket: 0,
                                                  lastDay: day.adding(days: 1), oncePerCustomer: true)))
        _ = try shop.order([("PEN", 1)], promo: "once")
        #expect(commerceError { _ = try shop.order([("PEN", 1)], promo: "ONCE") } == .promo(.alreadyUsed(code: "ONCE")))
        try shop.shop(.clearCart(by: .local))
        try shop.advance(hours: 48)
        #expect(commerceError { _ = try shop.order([("PEN", 1)], promo: "PENS2") } == .promo(.expired(code: "PENS2", lastDay: day.adding(days: 1))))
        try shop.shop(.clearCart(by: .local))
        try shop.merchant(.endPromotion(code: "fiveoff"))
        #expect(commerceError { _ = try shop.order([("LAMP", 1)], promo: "FIVEOFF") } == .promo(.ended(code: "FIVEOFF")))
        #expect(merchantError { try shop.merchant(.endPromotion(code: "FIVEOFF")) } == .promotionAlreadyEnded("FIVEOFF"))
        #expect(merchantError { try shop.merchant(.endPromotion(code: "NOPE")) } == .unknownPromotion("NOPE"))
    }

    @Test func promotionsAreChecked() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        let day = shop.now.calendarDay
        func add(_ code: String, _ benefit: PromoCode.Benefit, minimum: Int64 = 0, last: CalendarDay? = nil) -> MerchantError? {
            merchantError { try shop.merchant(.addPromotion(PromoCode(code: code, benefit: benefit, minimumBasket: minimum, lastDay: last ?? day))) }
        }
        #expect(add("A!", .percent(basisPoints: 100)) == .invalidPromoCode("A!"))
        #expect(add("WELCOME10", .percent(basisPoints: 100)) == .promoExists("WELCOME10"))
        #expect(add("TOOMUCH", .percent(basisPoints: 10_001)) == .percentOutOfRange(basisPoints: 10_001))
        #expect(add("NOTHING", .fixed(minorUnits: 0)) == .amountNotPositive)
        #expect(add("NEGMIN", .fixed(minorUnits: 1_00), minimum: -1) == .minimumNegative)
        #expect(add("PAST", .fixed(minorUnits: 1_00), last: day.adding(days: -1)) == .lastDayPassed(day.adding(days: -1)))
        #expect(merchantError { try shop.merchant(.addPromotion(PromoCode(code: "X10", benefit: .percent(basisPoints: 1_000), minimumBasket: 0, lastDay: day)), as: TradeShop.clerk) }
            == .notAllowed(email: TradeShop.clerk, role: .staff, permission: .managePromotions))
    }
}
