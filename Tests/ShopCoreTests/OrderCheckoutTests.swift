import ShopCore
import Testing

@Suite("Orders: checkout")
struct OrderCheckoutTests {
    @Test func placingReservesStockEmptiesTheCartAndSendsTheVoucher() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 2), ("LAMP", 1)])
        let order = shop.order(number)
        #expect(number == "C-2026-000001")
        #expect(order.state == .placed)
        #expect(order.paymentState == .paid)
        #expect(order.fulfillment == .preparing)
        #expect(shop.product("BOOK").reservedStock == 2)
        #expect(shop.product("LAMP").reservedStock == 1)
        #expect(shop.state.cart(of: .local).isEmpty)
        let kinds = shop.state.commerce.outbox.map(\.kind)
        #expect(kinds.contains(.orderConfirmation))
        let voucher = try #require(shop.state.commerce.outbox.first { $0.kind == .orderConfirmation })
        #expect(voucher.body.contains("order with obligation to pay"))
        #expect(voucher.body.contains("14 days"))
        #expect(voucher.body.contains(number))
    }

    @Test func theOrderButtonAlonePlacesTheOrderAndThePaymentFollowsForIt() throws {
        var shop = try TradeShop()
        try shop.shop(.addToCart(sku: "BOOK", quantity: 1, by: .local))
        let events = try shop.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: nil), by: .local))
        let number = try #require(shop.state.commerce.orderNumbers.last)
        #expect(events.contains { if case .commerce(.orderPlaced) = $0 { return true } else { return false } })
        #expect(!events.contains { if case .commerce(.paymentStarted) = $0 { return true } else { return false } })
        let order = shop.order(number)
        #expect(order.state == .placed && !order.isPaid && order.payments.isEmpty)
        #expect(shop.product("BOOK").reservedStock == 1)
        let kinds = shop.state.commerce.outbox.map(\.kind)
        #expect(kinds.contains(.orderReceived))
        #expect(!kinds.contains(.orderConfirmation))
        try shop.trade(.pay(orderNumber: number, try TradeShop.card("4242424242424242"), by: .local))
        #expect(shop.order(number).isPaid)
        #expect(shop.state.commerce.outbox.contains { $0.kind == .orderConfirmation })
    }

    @Test func anOrderPlacedWithoutPaymentIsCanceledWhenNotPaidIn72Hours() throws {
        var shop = try TradeShop()
        try shop.shop(.addToCart(sku: "BOOK", quantity: 1, by: .local))
        try shop.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: nil), by: .local))
        let number = try #require(shop.state.commerce.orderNumbers.last)
        try shop.advance(hours: 71)
        #expect(shop.order(number).state == .placed)
        try shop.advance(hours: 2)
        #expect(shop.order(number).state == .canceled)
        #expect(shop.product("BOOK").reservedStock == 0)
    }

    @Test func totalsAddUpToTheCentWithVATPerRate() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 1), ("LAMP", 1), ("TEA", 3)], promo: "WELCOME10", extras: [.giftWrap, .insurance])
        let totals = shop.order(number).totals
        #expect(totals.goods.minorUnits == 20_00 + 45_00 + 24_00)
        #expect(totals.discount.minorUnits == 8_90)
        #expect(totals.shipping.minorUnits == 0)
        #expect(totals.extras.minorUnits == 3_50 + 2_90)
        #expect(totals.total.minorUnits == 89_00 - 8_90 + 6_40)
        #expect(totals.net.minorUnits + totals.vat.minorUnits == totals.total.minorUnits)
        #expect(totals.vatBreakdown.reduce(0) { $0 + $1.gross.minorUnits } == totals.total.minorUnits)
        #expect(totals.vatBreakdown.reduce(0) { $0 + $1.vat.minorUnits } == totals.vat.minorUnits)
        #expect(totals.vatBreakdown.map(\.vatClass) == [.standard, .reduced])
    }

    @Test func shippingAndExtrasBearTheGoodsRatesInProportion() {
        let line = { (sku: String, cents: Int64, vat: VATClass) in
            OrderLine(sku: sku, title: sku, quantity: 1, unitPrice: Money(minorUnits: cents, currency: .eur), vatClass: vat, perishable: false)
        }
        let euros = { (cents: Int64) in Money(minorUnits: cents, currency: .eur) }
        // Books only: the shipping is taxed at 5.5 %, not 20 %.
        let books = OrderTotals(lines: [line("BOOK", 20_00, .reduced)], discount: euros(0), shipping: euros(4_90),
                                extras: euros(0), currency: .eur)
        #expect(books.vatBreakdown.map(\.vatClass) == [.reduced])
        #expect(books.vatBreakdown[0].gross.minorUnits == 24_90)
        #expect(books.vat.minorUnits == 1_30)
        // Half at 20 %, half at 5.5 %: 4.90 € shipping and 3.50 € gift wrap split 4.20 € each.
        let mixed = OrderTotals(lines: [line("LAMP", 30_00, .standard), line("BOOK", 30_00, .reduced)], discount: euros(0),
                                shipping: euros(4_90), extras: euros(3_50), currency: .eur)
        #expect(mixed.vatBreakdown.map(\.gross.minorUnits) == [34_20, 34_20])
        #expect(mixed.total.minorUnits == 68_40)
        // An odd cent goes to one rate only; the shares still add up to the cent.
        let odd = OrderTotals(lines: [line("LAMP", 10_00, .standard), line("TEA", 10_00, .reduced)], discount: euros(0),
                              shipping: euros(3_51), extras: euros(0), currency: .eur)
        #expect(odd.vatBreakdown.map(\.gross.minorUnits) == [11_76, 11_75])
        #expect(odd.vatBreakdown.reduce(0) { $0 + $1.gross.minorUnits } == odd.total.minorUnits)
    }

    @Test func shippingIsFreeFromFiftyEurosForStandardOnly() throws {
        var shop = try TradeShop()
        let cheap = try shop.order([("BOOK", 2)])
        #expect(shop.order(cheap).totals.shipping.minorUnits == 4_90)
        let free = try shop.order([("BOOK", 3)])
        #expect(shop.order(free).totals.shipping.minorUnits == 0)
        let express = try shop.order([("BOOK", 3)], delivery: .express)
        #expect(shop.order(express).totals.shipping.minorUnits == 9_90)
        let relay = try shop.order([("BOOK", 1)], delivery: .relay)
        #expect(shop.order(relay).totals.shipping.minorUnits == 3_50)
    }

    @Test func theQuoteIsTheOrderCheckoutWouldPlaceAndChangesNothing() throws {
        var shop = try TradeShop()
        try shop.shop(.addToCart(sku: "BOOK", quantity: 2, by: .local))
        let request = CheckoutRequest(delivery: .express, extras: [.insurance], promoCode: "WELCOME10", acceptsTerms: true, payment: .cash)
        let quote = try shop.state.checkoutQuote(request, by: .local, at: shop.now)
        let before = shop.state
        #expect(try shop.state.checkoutQuote(request, by: .local, at: shop.now) == quote)
        #expect(shop.state == before)
        try shop.trade(.placeOrder(request, by: .local))
        var placed = shop.order(quote.number)
        placed.payments = []
        placed.fulfillment = .unfulfilled
        #expect(placed == quote)
        #expect(throws: ShopError.commerce(.emptyCart)) { try shop.state.checkoutQuote(request, by: .local, at: shop.now) }
    }

    @Test func extrasAreOffUnlessAskedFor() throws {
        var shop = try TradeShop()
        let number = try shop.order()
        #expect(shop.order(number).extras.isEmpty)
        #expect(shop.order(number).totals.extras.isZero)
    }

    @Test func refusalsNameTheProblem() throws {
        var shop = try TradeShop()
        #expect(commerceError { try shop.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: .cash), by: .local)) } == .emptyCart)
        try shop.shop(.addToCart(sku: "BOOK", quantity: 1, by: .local))
        #expect(commerceError { try shop.trade(.placeOrder(CheckoutRequest(acceptsTerms: false, payment: .cash), by: .local)) } == .termsNotAccepted)
        var guest = try TradeShop(loggedIn: false)
        try guest.shop(.addToCart(sku: "BOOK", quantity: 1, by: .local))
        #expect(commerceError { try guest.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: .cash), by: .local)) } == .notLoggedIn)
    }

    @Test func stockIsNeverSoldTwice() throws {
        var shop = try TradeShop()
        try shop.order([("LAMP", 3)], payment: .cash)
        #expect(shop.product("LAMP").availableStock == 0)
        #expect(throws: ShopError.self) { try shop.shop(.addToCart(sku: "LAMP", quantity: 1, by: .local)) }
    }

    @Test("nothing is promised beyond 30 days: 28 lead days + 5 transit days is refused, + 2 express days is the limit")
    func thirtyDayRule() throws {
        var shop = try TradeShop()
        try shop.shop(.addToCart(sku: "CRATE", quantity: 1, by: .local))
        let refusal = commerceError {
            try shop.trade(.placeOrder(CheckoutRequest(delivery: .standard, acceptsTerms: true, payment: .cash), by: .local))
        }
        guard case let .promiseTooFar(title, latest, limit)? = refusal else {
            Issue.record("expected promiseTooFar, got \(String(describing: refusal))")
            return
        }
        #expect(title == "A crate")
        #expect(latest == CalendarDay(year: 2026, month: 12, day: 26))
        #expect(limit == CalendarDay(year: 2026, month: 12, day: 23))
        try shop.trade(.placeOrder(CheckoutRequest(delivery: .express, acceptsTerms: true, payment: .cash), by: .local))
        let order = shop.order(try #require(shop.state.commerce.orderNumbers.last))
        #expect(order.promise.upperBound == CalendarDay(year: 2026, month: 12, day: 23))
        #expect(order.promise.lowerBound == CalendarDay(year: 2026, month: 12, day: 18))
    }

    @Test func backorderedGoodsShipAfterTheirLeadTime() throws {
        var shop = try TradeShop()
        let number = try shop.order([("SOFA", 1)])
        let promise = shop.order(number).promise
        #expect(promise.lowerBound == CalendarDay(year: 2026, month: 12, day: 5))
        #expect(promise.upperBound == CalendarDay(year: 2026, month: 12, day: 12))
        try shop.advance(hours: 24 * 5)
        #expect(shop.order(number).fulfillment == .preparing)
        try shop.deliver(number)
        let delivered = try #require(shop.order(number).deliveredAt?.calendarDay)
        #expect(promise.contains(delivered))
    }
}

@Suite("Orders: promotion codes")
struct OrderPromoTests {
    @Test("a percentage code applies from its minimum basket, inclusive")
    func percentageFromTheMinimum() throws {
        var shop = try TradeShop()
        try shop.shop(.addToCart(sku: "BOOK", quantity: 1, by: .local))
        let below = commerceError {
            try shop.trade(.placeOrder(CheckoutRequest(promoCode: "WELCOME10", acceptsTerms: true, payment: .cash), by: .local))
        }
        #expect(below == .promo(.belowMinimum(code: "WELCOME10", minimum: TradeShop.euros(30_00), goods: TradeShop.euros(20_00))))
        let number = try shop.order([("PEN", 1)], payment: .cash, promo: "welcome10")
        let totals = shop.order(number).totals
        #expect(totals.goods.minorUnits == 30_00)
        #expect(totals.discount.minorUnits == 3_00)
        #expect(totals.shipping.minorUnits == 4_90)
        #expect(totals.total.minorUnits == 31_90)
    }

    @Test func theMinimumIsInclusive() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 1), ("TEA", 1)], payment: .cash, promo: "FIVEOFF")
        #expect(shop.order(number).totals.discount.minorUnits == 5_00)
        var other = try TradeShop()
        try other.shop(.addToCart(sku: "BOOK", quantity: 1, by: .local))
        #expect(commerceError {
            try other.trade(.placeOrder(CheckoutRequest(promoCode: "FIVEOFF", acceptsTerms: true, payment: .cash), by: .local))
        } == .promo(.belowMinimum(code: "FIVEOFF", minimum: TradeShop.euros(25_00), goods: TradeShop.euros(20_00))))
    }

    @Test func usedOncePerAccountExpiredAndUnknownCodesAreRefused() throws {
        var shop = try TradeShop()
        let first = try shop.order([("BOOK", 2)], payment: .cash, promo: "WELCOME10")
        #expect(shop.order(first).totals.discount.minorUnits == 4_00)
        try shop.shop(.addToCart(sku: "BOOK", quantity: 2, by: .local))
        #expect(commerceError {
            try shop.trade(.placeOrder(CheckoutRequest(promoCode: "WELCOME10", acceptsTerms: true, payment: .cash), by: .local))
        } == .promo(.alreadyUsed(code: "WELCOME10")))
        #expect(commerceError {
            try shop.trade(.placeOrder(CheckoutRequest(promoCode: "SUMMER24", acceptsTerms: true, payment: .cash), by: .local))
        } == .promo(.expired(code: "SUMMER24", lastDay: CalendarDay(year: 2024, month: 9, day: 1))))
        #expect(commerceError {
            try shop.trade(.placeOrder(CheckoutRequest(promoCode: "FREESTUFF", acceptsTerms: true, payment: .cash), by: .local))
        } == .promo(.unknown("FREESTUFF")))
        // Another account may still use it.
        try shop.trade(.logOut(by: .local))
        try shop.register(email: "marc@example.fr", name: "Marc Petit")
        let second = try shop.order([("BOOK", 2)], payment: .cash, promo: "WELCOME10")
        #expect(shop.order(second).promoCode == "WELCOME10")
    }

    @Test("a code is good through its last day and refused the day after")
    func expiryBoundary() throws {
        let code = try #require(PromoCode.named("summer24"))
        let goods = TradeShop.euros(10_00)
        #expect(try code.discount(onGoods: goods, today: CalendarDay(year: 2024, month: 9, day: 1), alreadyUsed: false).minorUnits == 1_50)
        #expect(throws: PromoCodeError.expired(code: "SUMMER24", lastDay: CalendarDay(year: 2024, month: 9, day: 1))) {
            try code.discount(onGoods: goods, today: CalendarDay(year: 2024, month: 9, day: 2), alreadyUsed: false)
        }
    }
}
