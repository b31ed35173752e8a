import ShopCore
import Testing

@Suite("Orders: fulfillment, cancel and returns")
struct OrderAfterSalesTests {
    @Test func aPaidOrderShipsIsScannedAndDelivered() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 2)])
        try shop.advance(hours: 1)
        #expect(shop.order(number).fulfillment == .preparing)
        try shop.advance(hours: 1)
        let shipped = shop.order(number)
        #expect(shipped.fulfillment == .shipped)
        #expect(shipped.shipment?.carrier == .colisRapide)
        #expect(shop.product("BOOK").stockOnHand == 8)
        #expect(shop.product("BOOK").reservedStock == 0)
        #expect(shop.state.commerce.outbox.contains { $0.kind == .shipped && $0.body.contains(shipped.shipment!.trackingNumber.value) })
        try shop.deliver(number)
        let delivered = shop.order(number)
        #expect(delivered.fulfillment == .delivered)
        #expect(delivered.state == .completed)
        #expect(delivered.scans.last?.status == .delivered)
        let statuses = delivered.scans.map(\.status)
        for (previous, next) in zip(statuses, statuses.dropFirst()) { #expect(previous.canBeFollowed(by: next)) }
        #expect(shop.state.commerce.outbox.contains { $0.kind == .delivered })
        #expect(commerceError { try shop.trade(.cancelOrder(orderNumber: number, by: .local)) }
            == .cannotCancel(orderNumber: number, fulfillment: .delivered))
    }

    @Test("a relay parcel nobody collects goes back to the shop: the order is canceled, refunded and restocked")
    func uncollectedRelayParcels() throws {
        var shop = try TradeShop()
        let numbers = try (0..<150).map { _ in try shop.order([("CARD", 1)], delivery: .relay) }
        try shop.advance(hours: 24 * 20)
        let returned = numbers.map(shop.order).filter { $0.fulfillment == .returned }
        #expect(!returned.isEmpty)
        for order in returned {
            #expect(order.scans.last?.status == .returnToSender)
            #expect(order.state == .canceled)
            #expect(order.paymentState == .refunded)
        }
        #expect(numbers.map(shop.order).allSatisfy { $0.fulfillment == .returned || $0.fulfillment == .delivered })
        #expect(shop.product("CARD").stockOnHand == 1_000 - 150 + returned.count)
    }

    @Test func cancelingBeforeShipmentRefundsInFullAndReleasesStock() throws {
        var shop = try TradeShop()
        let number = try shop.order([("LAMP", 2)])
        try shop.trade(.cancelOrder(orderNumber: number, by: .local))
        let order = shop.order(number)
        #expect(order.state == .canceled)
        #expect(order.paymentState == .refunded)
        #expect(order.refunded == order.totals.total)
        #expect(shop.product("LAMP").reservedStock == 0)
        #expect(shop.state.commerce.outbox.contains { $0.kind == .refund })
        #expect(commerceError { try shop.trade(.cancelOrder(orderNumber: number, by: .local)) } == .orderCanceled(number))
        try shop.advance(hours: 5)
        #expect(shop.order(number).fulfillment == .unfulfilled)
        #expect(shop.order(number).activePromise == nil)
        #expect(shop.order(number).shipment == nil)
    }

    @Test func cancelingAnUnpaidOrderAbandonsItsPayment() throws {
        var shop = try TradeShop()
        let number = try shop.order(payment: try TradeShop.card("4000002760003184"))
        try shop.trade(.cancelOrder(orderNumber: number, by: .local))
        #expect(shop.order(number).paymentState == .canceled)
        #expect(shop.order(number).refunds.isEmpty)
    }

    @Test func aShippedOrderCannotBeCanceled() throws {
        var shop = try TradeShop()
        let number = try shop.order()
        try shop.advance(hours: 3)
        #expect(commerceError { try shop.trade(.cancelOrder(orderNumber: number, by: .local)) }
            == .cannotCancel(orderNumber: number, fulfillment: .shipped))
        #expect(commerceError { try shop.trade(.requestReturn(orderNumber: number, lines: nil, by: .local)) } == .notDelivered(number))
    }

    @Test("a partial return is refunded at its price less its share of the discount: partially_refunded; the rest: refunded")
    func returnsAndRefunds() throws {
        var shop = try TradeShop()
        let number = try shop.order([("BOOK", 2), ("LAMP", 1)], promo: "WELCOME10")
        try shop.deliver(number)
        try shop.trade(.requestReturn(orderNumber: number, lines: [ReturnLine(sku: "BOOK", quantity: 1)], by: .local))
        #expect(shop.state.commerce.outbox.contains { $0.kind == .returnLabel })
        let label = try #require(shop.order(number).returns.first?.shipment)
        #expect(label.direction == .toShop)
        for _ in 0..<20 where shop.order(number).returns[0].receivedAt == nil { try shop.advance(hours: 12) }
        var order = shop.order(number)
        #expect(order.paymentState == .partiallyRefunded)
        #expect(order.refunded.minorUnits == 20_00 - 2_00)
        #expect(shop.product("BOOK").stockOnHand == 9)
        #expect(order.fulfillment == .delivered)
        try shop.trade(.requestReturn(orderNumber: number, lines: nil, by: .local))
        for _ in 0..<20 where shop.order(number).returns[1].receivedAt == nil { try shop.advance(hours: 12) }
        order = shop.order(number)
        #expect(order.paymentState == .refunded)
        #expect(order.refunded == order.totals.total)
        #expect(order.fulfillment == .returned)
        #expect(commerceError { try shop.trade(.requestReturn(orderNumber: number, lines: nil, by: .local)) } == .nothingToReturn(number))
    }

    @Test("a return may be asked on the 14th day after delivery, not the 15th, days of Paris")
    func withdrawalBoundary() throws {
        var onTime = try TradeShop()
        let first = try onTime.order()
        try onTime.deliver(first)
        let lastDay = try #require(onTime.order(first).withdrawalLastDay)
        let endOfLastDay = ShopTimeZone.paris.instant(on: lastDay.adding(days: 1), hour: 0).adding(seconds: -1)
        try onTime.advance(seconds: endOfLastDay.seconds(since: onTime.now))
        try onTime.trade(.requestReturn(orderNumber: first, lines: nil, by: .local))
        #expect(onTime.order(first).returns.count == 1)

        var late = try TradeShop()
        let second = try late.order()
        try late.deliver(second)
        let limit = try #require(late.order(second).withdrawalLastDay)
        // Midnight in Paris (23:00 UTC the day before): the 15th day has begun.
        try late.advance(seconds: ShopTimeZone.paris.instant(on: limit.adding(days: 1), hour: 0).seconds(since: late.now))
        #expect(commerceError { try late.trade(.requestReturn(orderNumber: second, lines: nil, by: .local)) }
            == .withdrawalPeriodOver(orderNumber: second, lastDay: limit))
    }

    @Test func perishableGroceriesAndWrongQuantitiesAreRefused() throws {
        var shop = try TradeShop()
        let number = try shop.order([("TEA", 2), ("BOOK", 1)])
        try shop.deliver(number)
        #expect(commerceError { try shop.trade(.requestReturn(orderNumber: number, lines: [ReturnLine(sku: "TEA", quantity: 1)], by: .local)) }
            == .perishable(title: "Green tea"))
        #expect(commerceError { try shop.trade(.requestReturn(orderNumber: number, lines: [ReturnLine(sku: "BOOK", quantity: 2)], by: .local)) }
            == .returnQuantity(title: "A novel", requested: 2, returnable: 1))
        #expect(commerceError { try shop.trade(.requestReturn(orderNumber: number, lines: [ReturnLine(sku: "PEN", quantity: 1)], by: .local)) }
            == .notOnOrder(sku: "PEN", orderNumber: number))
        try shop.trade(.requestReturn(orderNumber: number, lines: nil, by: .local))
        #expect(shop.order(number).returns[0].lines == [ReturnLine(sku: "BOOK", quantity: 1)])

        var groceries = try TradeShop()
        let onlyTea = try groceries.order([("TEA", 5)])
        try groceries.deliver(onlyTea)
        #expect(commerceError { try groceries.trade(.requestReturn(orderNumber: onlyTea, lines: nil, by: .local)) } == .perishable(title: "Green tea"))
    }
}

@Suite("Orders: accounts and support")
struct OrderAccountSupportTests {
    @Test func registeringLogsInAndRefusesATakenEmail() throws {
        var shop = try TradeShop()
        #expect(shop.state.commerce.account(of: .local)?.email.value == "zoe@example.fr")
        #expect(shop.state.commerce.outbox.contains { $0.kind == .accountCreated })
        #expect(commerceError { try shop.register(email: "ZOE@example.fr") } == .emailTaken("zoe@example.fr"))
    }

    @Test func theGuestCartJoinsTheAccountsCartAtLoginAndStaysWithItAtLogout() throws {
        var shop = try TradeShop()
        try shop.shop(.addToCart(sku: "BOOK", quantity: 1, by: .local))
        try shop.trade(.logOut(by: .local))
        #expect(shop.state.cart(of: .local).isEmpty)
        try shop.shop(.addToCart(sku: "BOOK", quantity: 2, by: .local))
        try shop.shop(.addToCart(sku: "PEN", quantity: 1, by: .local))
        try shop.trade(.logIn(email: "zoe@example.fr", passwordVerified: true, session: "local"))
        #expect(shop.state.cart(of: .local).quantity(of: "BOOK") == 3)
        #expect(shop.state.cart(of: .local).quantity(of: "PEN") == 1)
        #expect(commerceError { try shop.trade(.logOut(by: .local)); try shop.trade(.logOut(by: .local)) } == .notLoggedIn)
    }

    @Test("five wrong passwords lock the account for a minute; a locked login is refused without counting")
    func throttle() throws {
        var shop = try TradeShop()
        try shop.trade(.logOut(by: .local))
        for _ in 0..<5 { try shop.trade(.logIn(email: "zoe@example.fr", passwordVerified: false, session: "local")) }
        #expect(shop.state.commerce.sessions["local"] == nil)
        let locked = commerceError { try shop.trade(.logIn(email: "zoe@example.fr", passwordVerified: true, session: "local")) }
        #expect(locked == .login(.locked(remainingSeconds: 60)))
        try shop.advance(seconds: 60)
        try shop.trade(.logIn(email: "zoe@example.fr", passwordVerified: true, session: "local"))
        #expect(shop.state.commerce.sessions["local"] != nil)
        #expect(commerceError { try shop.trade(.logIn(email: "nobody@example.fr", passwordVerified: true, session: "local")) }
            == .login(.wrongEmailOrPassword))
    }

    /// Verifies `password` against the hash `plain$password`.
    struct PlainHasher: PasswordHasher {
        func hash(_ password: String) throws -> PasswordHash { PasswordHash(encoded: "plain$" + password) }
        func verify(_ password: String, against hash: PasswordHash) -> Bool { hash.encoded == "plain$" + password }
    }

    @Test func loginCommandsVerifyThePasswordAndExplainRefusals() throws {
        var shop = try TradeShop(loggedIn: false)
        let registration = try AccountRegistration(
            name: "Zoë Martin", email: "zoe@example.fr", password: TradeShop.password, line1: "12 rue des Lilas",
            postalCode: "75011", city: "Paris", countryCode: "FR")
        try shop.trade(.register(registration, passwordHash: try PlainHasher().hash(TradeShop.password), session: "local"))
        try shop.trade(.logOut(by: .local))
        let commerce = { shop.state.commerce }
        let wrong = { commerce().logInCommand(email: "ZOE@example.fr", password: "nope", hasher: PlainHasher(), at: shop.now, session: "local") }
        #expect(wrong() == .logIn(email: "ZOE@example.fr", passwordVerified: false, session: "local"))
        for _ in 0..<5 {
            try shop.trade(wrong())
        }
        #expect(commerce().loginRefusal(after: wrong(), at: shop.now) == .locked(remainingSeconds: 60))
        #expect(commerce().logInCommand(email: "zoe@example.fr", password: TradeShop.password, hasher: PlainHasher(), at: shop.now, session: "local")
            == .logIn(email: "zoe@example.fr", passwordVerified: false, session: "local"))
        try shop.advance(seconds: 60)
        let right = commerce().logInCommand(email: "zoe@example.fr", password: TradeShop.password, hasher: PlainHasher(), at: shop.now, session: "local")
        try shop.trade(right)
        #expect(commerce().loginRefusal(after: right, at: shop.now) == nil)
        #expect(commerce().loginRefusal(after: .logIn(email: "nobody@example.fr", passwordVerified: false, session: "local"), at: shop.now) == .wrongEmailOrPassword)
    }

    @Test func deliveryQuestionsAreAnsweredAtOnceAndTicketsMoveBetweenStates() throws {
        var shop = try TradeShop()
        let number = try shop.order()
        try shop.trade(.openTicket(orderNumber: number, topic: nil, text: "Where is my parcel?", by: .local))
        var ticket = try #require(shop.state.commerce.tickets["T-0001"])
        #expect(ticket.topic == .delivery)
        #expect(ticket.status == .answered)
        #expect(ticket.messages.map(\.author) == [.customer, .shop])
        #expect(shop.state.commerce.outbox.contains { $0.kind == .supportAnswer })
        try shop.trade(.replyToTicket(ticketID: "t-0001", text: "Thanks, and can I pay by cheque?", by: .local))
        ticket = try #require(shop.state.commerce.tickets["T-0001"])
        #expect(ticket.status == .open)
        try shop.trade(.closeTicket(ticketID: "T-0001", by: .local))
        #expect(shop.state.commerce.tickets["T-0001"]?.status == .closed)
        #expect(commerceError { try shop.trade(.replyToTicket(ticketID: "T-0001", text: "again", by: .local)) } == .ticketClosed("T-0001"))
        #expect(commerceError { try shop.trade(.replyToTicket(ticketID: "T-0099", text: "hello", by: .local)) } == .unknownTicket("T-0099"))
        #expect(commerceError { try shop.trade(.openTicket(orderNumber: number, topic: nil, text: "   ", by: .local)) } == .emptyText)

        try shop.trade(.openTicket(orderNumber: number, topic: nil, text: "I would like a matching bookmark", by: .local))
        #expect(shop.state.commerce.tickets["T-0002"]?.status == .open)
        #expect(shop.state.commerce.tickets["T-0002"]?.topic == .other)
        try shop.trade(.openTicket(orderNumber: number, topic: .returns, text: "How do I send it back?", by: .local))
        // Not delivered yet: the answer says so, and what can be done instead.
        #expect(shop.state.commerce.tickets["T-0003"]?.messages.last?.text.contains("has not been delivered yet") == true)
        #expect(shop.state.commerce.tickets["T-0003"]?.messages.last?.text.contains("comptoir cancel \(number)") == true)
        try shop.trade(.openTicket(orderNumber: number, topic: .payment, text: "Was I charged?", by: .local))
        #expect(shop.state.commerce.tickets["T-0004"]?.status == .answered)
    }

    @Test func messagesAreQueuedWithRisingSequencesAndDropOnceDelivered() throws {
        var shop = try TradeShop()
        try shop.order()
        let sequences = shop.state.commerce.outbox.map(\.sequence)
        #expect(sequences == Array(1...sequences.count))
        for message in shop.state.commerce.outbox { #expect(message.shopMessage != nil) }
        try shop.trade(.markMessagesDelivered(upTo: sequences.last!))
        #expect(shop.state.commerce.outbox.isEmpty)
        #expect(try shop.trade(.markMessagesDelivered(upTo: sequences.last!)).isEmpty)
    }

    @Test func shopTimeOnlyMovesForward() throws {
        var shop = try TradeShop()
        #expect(commerceError { try shop.trade(.advanceClock(seconds: 0)) } == .clockNotForward(0))
        try shop.advance(hours: 2)
        #expect(shop.state.commerce.clockOffsetSeconds == 7_200)
    }
}
