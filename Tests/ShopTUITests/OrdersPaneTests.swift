import Foundation
import ShopCore
import Testing
@testable import ShopTUI

/// Pane 4: the customer's orders with badges and progress, moving, opening, cancelling.
@Suite struct OrdersPaneTests {
    static func screen(_ state: AppState) -> String { ShopView.render(state).text() }

    @Test func loggedOutThePaneSaysHowToSeeOrdersAndTheKeysExplain() {
        var state = Fixtures.state(width: 120, height: 40)
        Fixtures.press(&state, .character("4"))
        #expect(Self.screen(state).contains("Log in (l) to see your orders"))
        for key in [Key.enter, .character("x"), .character("r"), .character("s")] {
            state.status = nil
            #expect(Fixtures.press(&state, key).isEmpty)
            #expect(state.status == StatusMessage("Log in (l) to see your orders", isError: true))
            #expect(state.orderScreen == nil)
        }
    }

    @Test func ordersShowNewestFirstWithBadgesAndProgress() throws {
        var shop = try AfterSalesShop()
        let first = try shop.order()
        try shop.deliver(first)
        let second = try shop.order([("FLT-HAR-1", 1)])
        var state = shop.appState(width: 120, height: 40)
        Fixtures.press(&state, .character("4"))
        let text = Self.screen(state)
        let lines = text.split(separator: "\n").map(String.init)
        let firstRow = try #require(lines.firstIndex { $0.contains(first) })
        let secondRow = try #require(lines.firstIndex { $0.contains(second) })
        #expect(secondRow < firstRow, "newest first")
        #expect(text.contains("4 Orders · 2"))
        #expect(lines[firstRow + 1].contains("completed · paid · delivered"))
        #expect(lines[secondRow + 1].contains("placed · paid · preparing"))
        #expect(lines[firstRow + 2].contains("▰▰▰▰▰ delivered"))
        #expect(lines[secondRow + 2].contains("▰▰▱▱▱ paid"))
        #expect(lines[secondRow].contains(state.money.format(shop.order(second).totals.total)))
    }

    /// Orders a shop is still reading on another thread (a big snapshot, see `ShopState`).
    final class OrdersOnTheirWay: @unchecked Sendable {
        private let lock = NSLock()
        private var read = false
        private(set) var waits = 0
        let commerce: Commerce

        init(_ commerce: Commerce) { self.commerce = commerce }

        var isRead: Bool {
            get { lock.withLock { read } }
            set { lock.withLock { read = newValue } }
        }

        func wait() -> Commerce {
            lock.withLock { waits += 1 }
            return commerce
        }
    }

    @Test func whileTheShopsOrdersAreReadThePaneSaysSoWithoutWaiting() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        let full = shop.state.commerce
        let before = Commerce(
            clockOffsetSeconds: full.clockOffsetSeconds, accounts: full.accountsInOrder, sessions: full.sessions.map { ($0.key, $0.value) },
            orders: [], tickets: [], outbox: full.outbox, lastMessageSequence: full.lastMessageSequence, backOffice: full.backOffice)
        let orders = OrdersOnTheirWay(full)
        shop.state = ShopState(catalogue: shop.state.catalogue, carts: shop.state.carts, commerceBeforeOrders: before,
                               pending: PendingCommerce(waitingOn: { orders.wait() }, isReady: { orders.isRead }))
        var state = shop.appState(width: 200, height: 60)
        let reading = Self.screen(state)
        #expect(reading.contains("Reading the shop's orders…"), "\(reading)")
        #expect(reading.contains("Zoë"), "the customer shows as logged in")
        #expect(!reading.contains(number))
        #expect(orders.waits == 0, "the frame did not wait for the orders")
        orders.isRead = true
        Fixtures.press(&state, .character("4"))
        let read = Self.screen(state)
        #expect(read.contains(number) && read.contains("4 Orders · 1"), "\(read)")
        #expect(!read.contains("Reading the shop's orders"))
    }

    @Test func aCanceledOrderSaysSoInsteadOfProgress() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        try shop.trade(.cancelOrder(orderNumber: number, by: .local))
        var state = shop.appState(width: 120, height: 40)
        Fixtures.press(&state, .character("4"))
        let text = Self.screen(state)
        #expect(text.contains("canceled · refunded · unfulfilled"))
        #expect(text.contains("✗ canceled · at your request"))
        Fixtures.press(&state, .enter)
        #expect(Self.screen(state).contains("Canceled: canceled at the customer's request"))
        #expect(Self.screen(state).contains("Refunded \(state.money.format(shop.order(number).totals.total)) to card Visa •••• 4242"))
        Fixtures.press(&state, .character("x"))
        #expect(state.status == StatusMessage("Order \(number) is already canceled", isError: true))
    }

    @Test func theWholeProgressInWordsWhenThePaneIsWide() throws {
        var shop = try AfterSalesShop()
        try shop.order()
        var state = shop.appState(width: 70, height: 24)
        Fixtures.press(&state, .character("4"))
        #expect(Self.screen(state).contains("placed › paid › shipped › out for delivery › delivered"))
    }

    @Test func movingOpeningAndTheMouse() throws {
        var shop = try AfterSalesShop()
        let numbers = try (0..<3).map { _ in try shop.order([("FLT-HAR-1", 1)]) }
        var state = shop.appState(width: 80, height: 24)
        Fixtures.press(&state, .character("4"))
        #expect(state.selectedOrder?.number == numbers[2])
        Fixtures.press(&state, .down, .character("j"))
        #expect(state.selectedOrder?.number == numbers[0])
        Fixtures.press(&state, .down)
        #expect(state.selectedOrder?.number == numbers[0], "stays on the last")
        Fixtures.press(&state, .home)
        #expect(state.selectedOrder?.number == numbers[2])
        let pane = try #require(state.layout.rect(of: .orders))
        _ = update(&state, .mouse(MouseEvent(.click, x: pane.x + 4, y: pane.y + 1 + OrdersPaneView.rowsPerOrder + 1)))
        #expect(state.selectedOrder?.number == numbers[1])
        _ = update(&state, .mouse(MouseEvent(.wheelDown, x: pane.x + 4, y: pane.y + 2)))
        #expect(state.selectedOrder?.number == numbers[0])
        Fixtures.press(&state, .enter)
        #expect(state.orderScreen == OrderScreen(number: numbers[0]))
        #expect(Self.screen(state).contains("Order \(numbers[0])"))
        Fixtures.press(&state, .escape)
        #expect(state.orderScreen == nil)
        #expect(state.focus == .orders)
    }

    @Test func cancelAsksYesOrNoThenTradesTheCancel() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        var state = shop.appState()
        Fixtures.press(&state, .character("4"))
        #expect(Fixtures.press(&state, .character("x")).isEmpty)
        #expect(state.status == StatusMessage("Cancel order \(number)? y/n"))
        #expect(Self.screen(state).contains("Cancel order \(number)? y/n"))
        #expect(Fixtures.press(&state, .character("n")).isEmpty)
        #expect(state.pendingCancel == nil)
        #expect(state.status == StatusMessage("Order \(number) is kept"))
        Fixtures.press(&state, .character("x"))
        #expect(Fixtures.press(&state, .character("q")).isEmpty, "q does not quit while the question waits")
        #expect(Fixtures.press(&state, .character("y")) == [.trade(.cancelOrder(orderNumber: number, by: .local), note: "Order \(number) canceled")])
        #expect(state.pendingCancel == nil)
    }

    @Test func aShippedOrderIsNotCanceledAndTheRefusalSaysWhy() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        try shop.advance(hours: 3)
        #expect(shop.order(number).fulfillment == .shipped)
        var state = shop.appState()
        Fixtures.press(&state, .character("4"))
        #expect(Fixtures.press(&state, .character("x")).isEmpty)
        #expect(state.pendingCancel == nil)
        #expect(state.status == StatusMessage(
            "Order \(number) has shipped: too late to cancel, return it once delivered", isError: true))
    }

    @Test func theDomainsRefusalOfACancelShowsInTheStatusLine() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        try shop.advance(hours: 3)
        var state = shop.appState()
        let reason = try #require(refusal { try shop.trade(.cancelOrder(orderNumber: number, by: .local)) })
        _ = update(&state, .commandFailed(reason))
        #expect(state.status == StatusMessage(
            "order \(number) has shipped, so it cannot be canceled: return it once delivered with 'comptoir return \(number)'", isError: true))
    }
}

/// The description of the refusal `body` throws, nil when it succeeds.
func refusal(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let ShopError.commerce(error) {
        return error.description
    } catch {
        return "\(error)"
    }
}
