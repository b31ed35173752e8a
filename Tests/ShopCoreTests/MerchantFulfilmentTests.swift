import ShopCore
import Testing

@Suite("Back office: manual fulfilment, returns received and goodwill refunds")
struct MerchantFulfilmentTests {
    @Test func automaticFulfilmentIsTheDefaultAndShipsByItself() throws {
        var shop = try TradeShop()
        #expect(shop.state.commerce.backOffice.fulfilment == .automatic)
        let number = try shop.order()
        #expect(OrderQueue(shop.order(number)) == .toShip)
        try shop.advance(hours: 3)
        #expect(OrderQueue(shop.order(number)) == .shipped)
    }

    @Test func manuallyAPaidOrderWaitsToShipUntilStaffHandItToTheCourier() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        try shop.merchant(.setFulfilment(.manual))
        let number = try shop.order([("BOOK", 2)])
        try shop.advance(hours: 48)
        #expect(shop.order(number).fulfillment == .preparing)
        #expect(OrderQueue(shop.order(number)) == .toShip)
        try shop.merchant(.ship(orderNumber: number.lowercased(), carrier: .pelicanExpress), as: TradeShop.clerk)
        let shipped = shop.order(number)
        #expect(shipped.fulfillment == .shipped)
        #expect(shipped.shipment?.carrier == .pelicanExpress)
        #expect(shipped.shipment?.shippedAt == shop.now)
        #expect(shop.product("BOOK").stockOnHand == 8)
        #expect(shop.state.commerce.outbox.contains { $0.kind == .shipped && $0.body.contains(shipped.shipment!.trackingNumber.value) })
        #expect(shop.state.commerce.backOffice.audit.last?.action.hasPrefix("shipped \(number) with Pélican Express") == true)
        try shop.deliver(number)
        #expect(shop.order(number).fulfillment == .delivered)
        #expect(merchantError { try shop.merchant(.ship(orderNumber: number, carrier: nil)) }
            == .notToShip(orderNumber: number, why: "it is completed"))
    }

    @Test func anUnpaidOrUnknownOrderCannotBeShipped() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        let number = try shop.order(payment: .cash)
        #expect(OrderQueue(shop.order(number)) == .unpaid)
        let error = merchantError { try shop.merchant(.ship(orderNumber: number, carrier: nil)) }
        #expect(error == .notToShip(orderNumber: number, why: "it is not paid yet (awaiting payment)"))
        #expect(merchantError { try shop.merchant(.ship(orderNumber: "C-1999-000009", carrier: nil)) } == .unknownOrder("C-1999-000009"))
    }

    @Test func manuallyAReturnParcelWaitsUntilStaffRecordItReceivedThenIsRefunded() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        let number = try shop.order([("BOOK", 1), ("PEN", 1)])
        try shop.deliver(number)
        try shop.merchant(.setFulfilment(.manual))
        try shop.trade(.requestReturn(orderNumber: number, lines: [ReturnLine(sku: "PEN", quantity: 1)], by: .local))
        try shop.advance(hours: 24 * 10)
        #expect(shop.order(number).returns[0].receivedAt == nil)
        #expect(shop.order(number).returns[0].scans.last?.status == .delivered)
        #expect(OrderQueue(shop.order(number)) == .returns)
        try shop.merchant(.receiveReturn(orderNumber: number), as: TradeShop.clerk)
        let received = shop.order(number)
        #expect(received.returns[0].receivedAt == shop.now)
        #expect(received.refunded == TradeShop.euros(10_00))
        #expect(shop.product("PEN").stockOnHand == 20)
        #expect(merchantError { try shop.merchant(.receiveReturn(orderNumber: number)) } == .noReturnAwaiting(number))
    }

    @Test func aGoodwillRefundIsNeverAboveWhatWasPaidLessWhatWasRefunded() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        let number = try shop.order([("PEN", 3)])
        let paid = shop.order(number).totals.total
        try shop.merchant(.refund(orderNumber: number, amount: TradeShop.euros(5_00), reason: "late parcel"))
        #expect(shop.order(number).refunded == TradeShop.euros(5_00))
        #expect(shop.order(number).paymentState == .partiallyRefunded)
        #expect(shop.state.commerce.outbox.last?.kind == .refund)
        #expect(shop.state.commerce.outbox.last?.body.contains("late parcel") == true)
        let remaining = TradeShop.euros(paid.minorUnits - 5_00)
        let tooMuch = TradeShop.euros(remaining.minorUnits + 1)
        #expect(merchantError { try shop.merchant(.refund(orderNumber: number, amount: tooMuch, reason: "x")) }
            == .refundTooLarge(orderNumber: number, requested: tooMuch, remaining: remaining))
        #expect(merchantError { try shop.merchant(.refund(orderNumber: number, amount: TradeShop.euros(0), reason: "x")) } == .refundNotPositive)
        #expect(merchantError { try shop.merchant(.refund(orderNumber: number, amount: TradeShop.euros(1_00), reason: "  ")) } == .emptyReason)
        try shop.merchant(.refund(orderNumber: number, amount: remaining, reason: "everything"))
        #expect(shop.order(number).paymentState == .refunded)
        #expect(shop.order(number).refundable.isZero)
        let unpaid = try shop.order([("CARD", 1)], payment: .cash)
        #expect(merchantError { try shop.merchant(.refund(orderNumber: unpaid, amount: TradeShop.euros(1_00), reason: "x")) } == .notPaid(unpaid))
    }
}

@Suite("Back office: back to automatic fulfilment")
struct MerchantFulfilmentSwitchTests {
    @Test func ordersThatWaitedLeaveWhenFulfilmentTurnsAutomaticNotBackDated() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        try shop.merchant(.setFulfilment(.manual))
        let number = try shop.order()
        try shop.advance(hours: 24 * 6)
        #expect(shop.order(number).shipment == nil)
        try shop.merchant(.setFulfilment(.automatic))
        let shipped = shop.order(number)
        #expect(shipped.shipment?.shippedAt == shop.now)
        #expect(shipped.fulfillment == .shipped)
        #expect(merchantError { try shop.merchant(.setFulfilment(.automatic)) } == .sameFulfilment(.automatic))
    }
}
