import ShopCore
import Testing

/// Issue 14 items 1 and 8: one order state everywhere, refunds shown as made, VAT one way.
@Suite("Orders: coherent states, refunds per return, VAT rounded one way")
struct OrderCoherenceTests {
    @Test("a canceled order is not preparing and promises no delivery")
    func canceledIsNotPreparing() throws {
        var shop = try TradeShop()
        let number = try shop.order([("LAMP", 1)])
        #expect(shop.order(number).fulfillment == .preparing)
        #expect(shop.order(number).activePromise != nil)
        try shop.trade(.cancelOrder(orderNumber: number, by: .local))
        let order = shop.order(number)
        #expect(order.fulfillment == .unfulfilled)
        #expect(order.preparingSince == nil)
        #expect(order.activePromise == nil)
        #expect(order.paymentState == .refunded)
    }

    @Test("each received return shows the refund it was given, the last one shipping included")
    func refundPerReturn() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 1), ("PEN", 1)])
        try shop.deliver(number)
        try shop.trade(.requestReturn(orderNumber: number, lines: [ReturnLine(sku: "BOOK", quantity: 1)], by: .local))
        #expect(shop.order(number).refund(ofReturnAt: 0) == nil)
        #expect(shop.order(number).shownRefund(ofReturnAt: 0) == TradeShop.euros(20_00))
        for _ in 0..<20 where shop.order(number).returns[0].receivedAt == nil { try shop.advance(hours: 12) }
        try shop.trade(.requestReturn(orderNumber: number, lines: [ReturnLine(sku: "PEN", quantity: 1)], by: .local))
        for _ in 0..<20 where shop.order(number).returns[1].receivedAt == nil { try shop.advance(hours: 12) }
        let order = shop.order(number)
        #expect(order.refund(ofReturnAt: 0) == TradeShop.euros(20_00))
        // The last return brings back everything: the rest of the order, shipping included (30 € < 50 €: 4.90 €).
        #expect(order.refund(ofReturnAt: 1) == TradeShop.euros(10_00 + 4_90))
        #expect(order.shownRefund(ofReturnAt: 1) == TradeShop.euros(14_90))
        #expect(order.refunded == order.totals.total)
        #expect(order.paymentState == .refunded)
    }

    @Test("x on a delivered or returned order says what to do instead")
    func cancelRefusalsSayWhatToDo() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 1)])
        try shop.deliver(number)
        let delivered = try #require(shop.order(number).cancelRefusal)
        #expect(delivered.description.contains("was delivered"))
        #expect(delivered.description.contains("return items instead"))
        let error = try #require(commerceError { try shop.trade(.cancelOrder(orderNumber: number, by: .local)) })
        #expect(error.description.contains("comptoir return \(number)"))
        #expect(!error.description.contains("once delivered"))
        try shop.trade(.requestReturn(orderNumber: number, lines: nil, by: .local))
        for _ in 0..<20 where shop.order(number).fulfillment != .returned { try shop.advance(hours: 12) }
        let returned = try #require(shop.order(number).cancelRefusal)
        #expect(returned.description.contains("nothing is left to cancel"))
    }

    @Test("two 12.90 € lines at 5.5 %: the cart and the order both say 1.35 € of VAT, and the lines add up")
    func vatOneWay() throws {
        var shop = try TradeShop()
        let jam = Product(sku: "JAM", title: "Jam", brand: "Confiture", category: "Pantry", price: TradeShop.euros(12_90),
                          vatClass: .reduced, stockOnHand: 10)
        let honey = Product(sku: "HONEY", title: "Honey", brand: "Ruche", category: "Pantry", price: TradeShop.euros(12_90),
                            vatClass: .reduced, stockOnHand: 10)
        try shop.record([.productsUpserted([jam, honey])])
        try shop.shop(.addToCart(sku: "JAM", quantity: 1, by: .local))
        try shop.shop(.addToCart(sku: "HONEY", quantity: 1, by: .local))
        let cart = try CartSummary(cart: shop.state.cart(of: .local), catalogue: shop.state.catalogue)
        #expect(cart.vat == TradeShop.euros(1_35))
        #expect(cart.lines.map(\.vat.minorUnits).reduce(0, +) == 1_35)
        #expect(cart.lines.allSatisfy { $0.net.minorUnits + $0.vat.minorUnits == $0.gross.minorUnits })
        #expect(cart.vatBreakdown.map(\.vat) == [TradeShop.euros(1_35)])
        let totals = OrderTotals(lines: cart.lines.map {
            OrderLine(sku: $0.product.sku, title: $0.product.title, quantity: $0.quantity, unitPrice: $0.unitPrice,
                      vatClass: $0.product.vatClass, perishable: false)
        }, discount: .zero(.eur), shipping: .zero(.eur), extras: .zero(.eur), currency: .eur)
        #expect(totals.vat == cart.vat)
    }

    @Test("property: per rate the cart's VAT is the rate's gross split once, and the lines' shares add up to it")
    func vatSharesAddUp() throws {
        var random = SplitMix64(seed: 14)
        for _ in 0..<200 {
            var shop = try TradeShop()
            var products: [Product] = []
            for index in 0..<Int(random.next() % 5 + 1) {
                let vatClass = VATClass.allCases[Int(random.next() % UInt64(VATClass.allCases.count))]
                products.append(Product(sku: "P\(index)", title: "P\(index)", brand: "B", category: "C",
                                        price: TradeShop.euros(Int64(random.next() % 10_000 + 1)), vatClass: vatClass, stockOnHand: 100))
            }
            try shop.record([.productsUpserted(products)])
            for product in products { try shop.shop(.addToCart(sku: product.sku, quantity: Int(random.next() % 4 + 1), by: .local)) }
            let cart = try CartSummary(cart: shop.state.cart(of: .local), catalogue: shop.state.catalogue)
            for rate in cart.vatBreakdown {
                #expect(rate.vat == rate.vatClass.split(gross: rate.gross).vat)
                let lines = cart.lines.filter { $0.product.vatClass == rate.vatClass }
                #expect(lines.map(\.vat.minorUnits).reduce(0, +) == rate.vat.minorUnits)
            }
            #expect(cart.net.minorUnits + cart.vat.minorUnits == cart.subtotal.minorUnits)
        }
    }
}

@Suite("Payments: a card needs its expiry and security code")
struct CardDetailsRequiredTests {
    static let now = ShopInstant.utc(year: 2026, month: 11, day: 23)

    @Test func expiryAndCodeAreRequired() throws {
        #expect(throws: PaymentError.missingExpiry) {
            try CardDetails.given(number: "4242424242424242", expiry: nil, securityCode: "123", now: Self.now)
        }
        #expect(throws: PaymentError.missingSecurityCode(brand: .visa)) {
            try CardDetails.given(number: "4242424242424242", expiry: "12/30", securityCode: nil, now: Self.now)
        }
        #expect(throws: PaymentError.missingSecurityCode(brand: .americanExpress)) {
            try CardDetails.given(number: "378282246310005", expiry: "12/30", securityCode: " ", now: Self.now)
        }
        #expect(throws: PaymentError.cardNumberCheckDigit) {
            try CardDetails.given(number: "4242424242424241", expiry: nil, securityCode: nil, now: Self.now)
        }
        #expect(PaymentError.missingSecurityCode(brand: .americanExpress).description.contains("4 digits on the front"))
        let card = try CardDetails.given(number: "4242424242424242", expiry: "12/30", securityCode: "123", now: Self.now)
        #expect(card.summary.lastFour == "4242")
    }
}

@Suite("Time zones as data")
struct ShopTimeZoneTests {
    @Test("Paris is UTC+1 in winter, UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of October")
    func parisSummerTime() {
        let paris = ShopTimeZone.paris
        #expect(paris.offsetMinutes(at: .utc(year: 2026, month: 12, day: 8, hour: 11, minute: 12)) == 60)
        #expect(paris.dateAndTime(.utc(year: 2026, month: 12, day: 8, hour: 11, minute: 12)) == "2026-12-08 12:12")
        #expect(paris.offsetMinutes(at: .utc(year: 2026, month: 3, day: 29, hour: 0, minute: 59)) == 60)
        #expect(paris.offsetMinutes(at: .utc(year: 2026, month: 3, day: 29, hour: 1)) == 120)
        #expect(paris.offsetMinutes(at: .utc(year: 2026, month: 10, day: 25, hour: 0, minute: 59)) == 120)
        #expect(paris.offsetMinutes(at: .utc(year: 2026, month: 10, day: 25, hour: 1)) == 60)
        #expect(paris.day(of: .utc(year: 2026, month: 12, day: 8, hour: 23, minute: 30)) == CalendarDay(year: 2026, month: 12, day: 9))
        #expect(paris.instant(on: CalendarDay(year: 2026, month: 7, day: 1), hour: 9) == .utc(year: 2026, month: 7, day: 1, hour: 7))
    }

    @Test("TZ picks the customer's zone; unknown or unset is the shop's Paris; New York follows the US rule")
    func customerZone() {
        #expect(ShopTimeZone.customer(tz: nil) == .paris)
        #expect(ShopTimeZone.customer(tz: "Mars/Olympus") == .paris)
        #expect(ShopTimeZone.customer(tz: "UTC").offsetMinutes(at: .utc(year: 2026, month: 7, day: 1)) == 0)
        let newYork = ShopTimeZone.customer(tz: "America/New_York")
        #expect(newYork.offsetMinutes(at: .utc(year: 2026, month: 1, day: 10)) == -300)
        #expect(newYork.offsetMinutes(at: .utc(year: 2026, month: 3, day: 8, hour: 6, minute: 59)) == -300)
        #expect(newYork.offsetMinutes(at: .utc(year: 2026, month: 3, day: 8, hour: 7)) == -240)
        #expect(newYork.offsetMinutes(at: .utc(year: 2026, month: 11, day: 1, hour: 5, minute: 59)) == -240)
        #expect(newYork.offsetMinutes(at: .utc(year: 2026, month: 11, day: 1, hour: 6)) == -300)
        #expect(ShopTimeZone.customer(tz: ":Europe/London").numericOffset(at: .utc(year: 2026, month: 7, day: 1)) == "+0100")
    }

    @Test("mails carry Paris time with its offset, never UTC")
    func mailDates() {
        let winter = ShopInstant.utc(year: 2026, month: 11, day: 23, hour: 18, minute: 38)
        #expect(RFC5322Date.format(winter, in: MessageTime.zone) == "Mon, 23 Nov 2026 19:38:00 +0100")
        #expect(RFC5322Date.parse(RFC5322Date.format(winter, in: MessageTime.zone)) == winter)
        #expect(MessageTime.text(winter) == "2026-11-23 19:38 (Paris time)")
    }
}
