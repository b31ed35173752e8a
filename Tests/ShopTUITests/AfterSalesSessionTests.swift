import Foundation
import ShopCore
import ShopService
import ShopStore
import Testing
@testable import ShopTUI

/// After-sales through the runtime with a real store: an order placed by trade commands, shop
/// time advanced by the runtime's ticks (an accelerated clock, what it made due journaled), the scans on the order
/// screen, a return and a support ticket journaled, the mail announced and read.
@Suite struct AfterSalesSessionTests {
    /// A store in a fresh folder with Zoë registered and logged in, and a paid order of `lines`.
    static func withPaidOrder(_ lines: [(String, Int)], _ body: (Store, String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-aftersales-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { Fixtures.products })
        defer { try? store.close() }
        let registration = try AccountRegistration(
            name: "Zoë Martin", email: AfterSalesShop.email, password: "Tilleul-et-verveine-42", line1: "12 rue des Lilas",
            postalCode: "75011", city: "Paris", countryCode: "FR")
        try store.trade(.register(registration, passwordHash: PasswordHash(encoded: "plain$Tilleul-et-verveine-42"), session: "local"))
        for (sku, quantity) in lines { try store.execute(.addToCart(sku: sku, quantity: quantity, by: .local)) }
        let card = try CardDetails(number: "4242424242424242", expiry: "12/30", securityCode: "123", now: store.shopTime)
        try store.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: .card(CardEntry(card))), by: .local))
        try body(store, try #require(store.state.commerce.orderNumbers.last))
    }

    /// The shop on an accelerated clock whose wall seconds the test moves (`tick`).
    static func withShop(_ body: (ShopSession, Store, String) throws -> Void) throws {
        try withPaidOrder([("KET-SMG-1", 1), ("FLT-HAR-1", 2)]) { store, number in
            let state = AppState(shop: store.state, shopper: .local, width: 80, height: 24, themes: ThemeCatalog.bundled().themes, locale: .enUS)
            // An hour of shop time a wall second: each tick journals what that hour made due.
            let clock = AcceleratedClock(speed: 3_600, start: WallClock().now, source: ManualMonotonic())
            let session = ShopSession(service: ShopService(store: store, clock: clock, hasher: PlainHasher()), state: state)
            try body(session, store, number)
        }
    }

    static func screen(_ session: ShopSession) -> String { ShopView.render(session.state).text() }

    /// Ticks (an hour of shop time each) until `done`, at most `limit` times.
    static func tick(_ session: ShopSession, until done: () -> Bool, limit: Int = 200) {
        let source = (session.worker.clock as? AcceleratedClock)?.source as? ManualMonotonic
        for _ in 0..<limit where !done() {
            source?.advance(seconds: 1)
            session.tick(elapsedWallSeconds: 1)
            session.settle()
        }
    }

    @Test func scansArriveOnTheOrderScreenThenAReturnAndATicketAreJournaled() throws {
        try Self.withShop { session, store, number in
            session.press(.character("4"))
            session.press(.enter)
            #expect(Self.screen(session).contains("Order \(number)"))
            #expect(Self.screen(session).contains("Not shipped yet"))
            Self.tick(session) { !(store.state.commerce.orders[number]?.scans.isEmpty ?? true) }
            let scans = try #require(store.state.commerce.orders[number]?.scans)
            #expect(!scans.isEmpty)
            #expect(session.state.shop.commerce.orders[number]?.scans == scans, "the tick's scans reach the interface")
            #expect(Self.screen(session).contains(String(scans.last!.message.prefix(30))))
            #expect(session.state.now == session.worker.now || session.worker.now.seconds(since: session.state.now) <= 1)
            #expect(session.state.mailbox.contains { $0.subject.hasPrefix("Order \(number) has shipped") })

            session.press(.character("x"))
            #expect(session.state.status?.isError == true)
            #expect(session.state.status?.text.contains("too late to cancel") == true)
            #expect(store.state.commerce.orders[number]?.state == .placed)

            session.press(.character("r"))
            #expect(session.state.status?.text.contains("has not been delivered yet") == true)

            Self.tick(session) { store.state.commerce.orders[number]?.fulfillment == .delivered }
            #expect(Self.screen(session).contains("Delivered on"))
            #expect(session.state.status?.text.hasPrefix("New message: ") == true)

            for key in [Key.character("r"), .down, .character("+"), .enter] { session.press(key) }
            let request = try #require(store.state.commerce.orders[number]?.returns.first)
            #expect(request.lines == [ReturnLine(sku: "FLT-HAR-1", quantity: 1)])
            #expect(Self.screen(session).contains("Return label: \(request.shipment.trackingNumber)"))
            #expect(Self.screen(session).contains("Refund: €5.90"))

            session.press(.escape)
            session.press(.character("s"))
            // The topic first: a refund.
            for _ in SupportTopic.allCases where session.state.orderScreen?.supportDraft?.topic != .refund { session.press(.character("j")) }
            session.press(.enter)
            session.press(.enter)
            #expect(store.state.commerce.tickets.isEmpty, "an empty message is not sent")
            session.type("When will my refund arrive?")
            session.press(.enter)
            let ticket = try #require(store.state.commerce.tickets.values.first)
            #expect(ticket.messages.map(\.author) == [.customer, .shop])
            let text = Self.screen(session)
            #expect(text.contains("When will my refund arrive?"))
            #expect(text.contains("Comptoir · "))
            // The return is on its way back: the answer says so rather than how to return.
            #expect(ticket.topic == .refund)
            #expect(text.contains("is on its way back to us"))
            #expect(ticket.messages.last?.text.contains("is on its way back to us: about €5.90 is refunded when it reaches us") == true)
            #expect(session.state.orderScreen?.supportDraft?.text == "")
        }
    }

    /// At real speed (one shop second a wall second) the tick's catch-up records a scan as soon
    /// as shop time reaches it: the clock is moved to just before the next planned scan, then
    /// the test ticks until it shows (polling, at most 10 seconds).
    @Test func atRealSpeedATickRecordsTheScanThatFellDue() throws {
        try Self.withPaidOrder([("FLT-HAR-1", 1)]) { store, number in
            try store.trade(.advanceClock(seconds: 3 * 3_600))
            let shipment = try #require(store.state.commerce.orders[number]?.shipment)
            let recorded = store.state.commerce.orders[number]?.scans.count ?? 0
            let next = CourierSimulator(shipment: shipment).plannedScans[recorded]
            try store.trade(.advanceClock(seconds: next.time.seconds(since: store.shopTime) - 1))
            let state = AppState(shop: store.state, shopper: .local, width: 80, height: 24, themes: ThemeCatalog.bundled().themes, locale: .enUS)
            let session = ShopSession(store: store, state: state, hasher: PlainHasher())
            session.press(.character("4"))
            session.press(.enter)
            #expect(!ShopView.render(session.state).text().contains(String(next.message.prefix(30))))
            let deadline = Date().addingTimeInterval(10)
            while (session.state.shop.commerce.orders[number]?.scans.count ?? 0) <= recorded, Date() < deadline {
                session.tick(elapsedWallSeconds: 0.2)
                Thread.sleep(forTimeInterval: 0.2)
            }
            #expect((session.state.shop.commerce.orders[number]?.scans.count ?? 0) > recorded)
            #expect(ShopView.render(session.state).text().contains(String(next.message.prefix(30))))
        }
    }

    @Test func messagesAreCountedReadAndMarkedInTheMailbox() throws {
        try Self.withShop { session, store, _ in
            let unread = session.state.unreadCount
            #expect(unread >= 1)
            session.press(.character("5"))
            #expect(Self.screen(session).contains("5 Messages (\(unread))"))
            session.press(.enter)
            let key = try #require(session.state.reader?.key)
            #expect(session.state.mailbox.first { $0.key == key }?.isRead == true)
            #expect(try Maildir(dataFolder: store.folder.path).messages().first { $0.key == key }?.isRead == true)
            #expect(session.state.unreadCount == unread - 1)
            let subject = try #require(session.state.readerMessage?.subject)
            #expect(Self.screen(session).contains(String(subject.prefix(40))))
            session.press(.escape)
            #expect(session.state.reader == nil)
        }
    }
}
