import ShopCore
import Testing
@testable import ShopTUI

/// The order screen: lines, totals, payment, the timeline refreshed by ticks, scrolling, and
/// the return step.
@Suite struct OrderScreenTests {
    static func screen(_ state: AppState) -> String { ShopView.render(state).text() }

    static func opened(_ shop: AfterSalesShop, width: Int = 120, height: Int = 40) -> AppState {
        var state = shop.appState(width: width, height: height)
        Fixtures.press(&state, .character("4"), .enter)
        return state
    }

    @Test func linesTotalsPaymentAndTheEstimate() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        let order = shop.order(number)
        let state = Self.opened(shop)
        let text = Self.screen(state)
        #expect(text.contains("Order \(number)"))
        #expect(text.contains("1 × Electric kettle 1.7 l"))
        #expect(text.contains("2 × Hario V60 paper filters ×100"))
        #expect(text.contains(state.money.format(order.totals.total)))
        #expect(text.contains("Payment: Visa •••• 4242 · paid"))
        #expect(!text.contains("4242424242424242"))
        #expect(text.contains("Estimated delivery: between \(order.promise.lowerBound) and \(order.promise.upperBound)"))
        #expect(text.contains("Not shipped yet"))
    }

    @Test func aCashOrderShowsItsReferenceAndDeadline() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order(payment: .cash)
        guard case let .cash(cash)? = shop.order(number).currentPayment else {
            Issue.record("the order is not paid in cash")
            return
        }
        let state = Self.opened(shop)
        let text = Self.screen(state)
        #expect(text.contains("Payment: cash at an agent, reference \(cash.reference) · awaiting payment"))
        #expect(text.contains("Pay \(state.money.format(cash.amount)) at any agent before \(OrderScreenView.time(cash.expiresAt, in: state.timeZone))"))
        #expect(text.contains("placed · awaiting payment · unfulfilled"))
    }

    @Test func theTimelineShowsScansNewestFirstAndRefreshesWhenTimePasses() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        try shop.advance(hours: 3)
        var state = Self.opened(shop)
        let before = shop.order(number).scans.count
        try shop.advance(hours: 24)
        let scans = shop.order(number).scans
        #expect(scans.count > before)
        #expect(!Self.screen(state).contains(scans.last!.message), "not shown before the runtime reports it")
        _ = update(&state, .commandSucceeded(events: [], state: shop.state, note: ""))
        _ = update(&state, .tick(shop.now))
        let text = Self.screen(state)
        let newest = try #require(text.range(of: OrderScreenView.time(scans.last!.time, in: state.timeZone) + "  " + scans.last!.place.description))
        let oldest = try #require(text.range(of: OrderScreenView.time(scans.first!.time, in: state.timeZone) + "  " + scans.first!.place.description))
        #expect(newest.lowerBound < oldest.lowerBound, "newest first")
        #expect(text.contains(scans.last!.message))
        if let estimate = shop.order(number).estimatedDelivery(now: shop.now) {
            #expect(text.contains("Estimated delivery: \(estimate)"))
        }
        try shop.deliver(number)
        _ = update(&state, .commandSucceeded(events: [], state: shop.state, note: ""))
        let delivered = try #require(shop.order(number).deliveredAt)
        #expect(Self.screen(state).contains("Delivered on \(OrderScreenView.time(delivered, in: state.timeZone))"))
    }

    @Test func aLongScreenScrollsAndStopsAtItsEnd() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        try shop.deliver(number)
        var state = Self.opened(shop, width: 80, height: 24)
        let maxScroll = AfterSalesView.maxScroll(state)
        #expect(maxScroll > 0)
        #expect(Self.screen(state).contains("↑↓ 1–19 of"))
        Fixtures.press(&state, .down, .down)
        #expect(state.orderScreen?.scroll == 2)
        Fixtures.press(&state, .end)
        #expect(state.orderScreen?.scroll == maxScroll)
        Fixtures.press(&state, .pageDown)
        #expect(state.orderScreen?.scroll == maxScroll)
        #expect(Self.screen(state).contains("Total"))
        Fixtures.press(&state, .home)
        #expect(state.orderScreen?.scroll == 0)
    }

    @Test func aReturnBeforeDeliveryIsRefusedInPlainWords() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        var state = Self.opened(shop)
        #expect(Fixtures.press(&state, .character("r")).isEmpty)
        #expect(state.orderScreen?.mode == .details)
        #expect(state.status == StatusMessage(
            "Order \(number) has not been delivered yet: a return starts after delivery (x cancels it while unshipped)", isError: true))
    }

    @Test func aReturnAfterFourteenDaysIsRefused() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        try shop.deliver(number)
        try shop.advance(hours: 24 * 15)
        var state = Self.opened(shop)
        Fixtures.press(&state, .character("r"))
        let lastDay = try #require(shop.order(number).withdrawalLastDay)
        #expect(state.status == StatusMessage("The 14 days to return order \(number) ended on \(lastDay): write to support (s)", isError: true))
    }

    @Test func choosingItemsShowsTheRefundLiveAndConfirmingShowsTheLabel() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order([("KET-SMG-1", 1), ("FLT-HAR-1", 2), ("COF-LAV-1", 1)])
        try shop.deliver(number)
        var state = Self.opened(shop)
        Fixtures.press(&state, .character("r"))
        #expect(state.orderScreen?.returnDraft?.skus == ["KET-SMG-1", "FLT-HAR-1"], "perishable coffee is not offered")
        var text = Self.screen(state)
        #expect(text.contains("Return items · Order \(number)"))
        #expect(text.contains("Refund: \(state.money.format(Fixtures.eur(0)))"))
        #expect(text.contains("Not returnable (perishable groceries): Lavazza"))
        #expect(Fixtures.press(&state, .enter).isEmpty)
        #expect(Self.screen(state).contains("Nothing chosen: pick a line with ↑↓ and add items with +"))
        Fixtures.press(&state, .down, .character("+"), .character("+"), .character("+"))
        #expect(state.orderScreen?.returnDraft?.quantities == [0, 2], "no more than bought")
        let lines = [ReturnLine(sku: "FLT-HAR-1", quantity: 2)]
        let refund = shop.order(number).refundValue(of: lines)
        #expect(refund == Fixtures.eur(1180))
        text = Self.screen(state)
        #expect(text.contains("Refund: €11.80"))
        #expect(text.contains("Nothing chosen") == false)
        Fixtures.press(&state, .left)
        #expect(Self.screen(state).contains("Refund: €5.90"))
        Fixtures.press(&state, .right)
        let effects = Fixtures.press(&state, .enter)
        #expect(Fixtures.unaddressed(effects) == [.trade(.requestReturn(orderNumber: number, lines: lines, by: .local), note: "Return requested for order \(number)")])
        let request = try #require(Fixtures.request(effects))
        #expect(request.screen == .order)
        let events = try shop.trade(.requestReturn(orderNumber: number, lines: lines, by: .local))
        _ = update(&state, .answered(request, .commandSucceeded(events: events, state: shop.state, note: "Return requested for order \(number)")))
        let label = try #require(shop.order(number).returns.first?.shipment.trackingNumber.value)
        text = Self.screen(state)
        #expect(text.contains("Return label: \(label)"))
        #expect(text.contains("Refund: €11.80"))
        Fixtures.press(&state, .escape)
        #expect(state.orderScreen?.mode == .details)
        Fixtures.press(&state, .end)
        #expect(Self.screen(state).contains("Return label: \(label)"))
    }

    @Test func aRefusedReturnShowsUnderTheChoice() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        try shop.deliver(number)
        var state = Self.opened(shop)
        Fixtures.press(&state, .character("r"), .character("+"))
        _ = update(&state, .commandFailed("another screen's refusal"))
        #expect(state.orderScreen?.returnDraft?.problem == nil, "a refusal addressed to no screen stays on the status line")
        let request = try #require(Fixtures.request(Fixtures.press(&state, .enter)))
        _ = update(&state, .answered(request, .commandFailed("the 14 days to return order \(number) ended")))
        #expect(state.orderScreen?.returnDraft?.problem == "the 14 days to return order \(number) ended")
        #expect(Self.screen(state).contains("the 14 days to return order \(number) ended"))
    }

    @Test func escClosesAndPaneKeysLeaveTheScreen() throws {
        var shop = try AfterSalesShop()
        try shop.order()
        var state = Self.opened(shop)
        Fixtures.press(&state, .character("?"))
        #expect(state.showsHelp && state.orderScreen != nil)
        Fixtures.press(&state, .character("?"), .character("1"))
        #expect(state.orderScreen == nil)
        #expect(state.focus == .catalogue)
        #expect(Fixtures.press(&state, .character("4"), .enter, .character("q")) == [.quit])
        Fixtures.press(&state, .enter, .character("/"))
        #expect(state.orderScreen == nil && state.search.isEditing, "/ searches")
    }
}
