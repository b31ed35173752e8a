import Foundation
import ShopCore
import ShopService
import ShopStore
import Testing
@testable import ShopTUI

/// The demo's script and player against a real store: the whole purchase plays to a delivered,
/// returned order; a step that cannot reach its goal is reported, never waited on forever.
@Suite struct DemoScriptTests {
    /// A new shop with the demo catalogue and the demo account logged in, like `comptoir demo`, on
    /// the demo's accelerated clock paced by a source the test moves (`play`).
    static func withDemoShop(clockSpeed: Int64, _ body: (ShopSession, Store) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { DemoCatalogue.products })
        defer { try? store.close() }
        try store.trade(.register(try DemoAccount.registration(), passwordHash: try PlainHasher().hash(DemoAccount.password), session: "local"))
        let state = AppState(shop: store.state, shopper: .local, width: 80, height: 24, themes: ThemeCatalog.bundled().themes, locale: .enUS)
        let clock = AcceleratedClock(speed: clockSpeed, start: WallClock().now, source: ManualMonotonic())
        try body(ShopSession(service: ShopService(store: store, clock: clock, hasher: PlainHasher()), state: state), store)
    }

    /// The source pacing the session's clock, moved by the test.
    static func source(_ session: ShopSession) -> ManualMonotonic {
        (session.worker.clock as! AcceleratedClock).source as! ManualMonotonic
    }

    /// Plays `player` against `session` on simulated time: 20 ms a turn, a shop tick every second,
    /// each key's and each tick's outcome shown before the next turn.
    /// Returns the last action and the simulated seconds it took.
    static func play(_ player: inout DemoPlayer, _ session: ShopSession, limit: Double = 600,
                     observe: (AppState) -> Void = { _ in }) -> (DemoPlayer.Action, Double) {
        let source = Self.source(session)
        var time = 0.0, lastTick = 0.0
        while time < limit {
            observe(session.state)
            let action = player.next(session.state, at: time)
            switch action {
            case let .press(key):
                session.press(key)
            case .wait:
                time += 0.02
                source.advance(seconds: 0.02)
                if time - lastTick >= 1 {
                    session.tick(elapsedWallSeconds: time - lastTick)
                    session.settle()
                    lastTick = time
                }
            case .finished, .failed:
                return (action, time)
            }
        }
        return (.wait, time)
    }

    @Test func theWholeJourneyEndsWithTheOrderDeliveredAndReturned() throws {
        try Self.withDemoShop(clockSpeed: DemoPace.fast.clockSpeed) { session, store in
            var player = DemoPlayer(script: .journey(clockSpeed: DemoPace.fast.clockSpeed), pace: .fast)
            let (outcome, seconds) = Self.play(&player, session)
            #expect(outcome == .finished, "\(outcome)\n\(ShopView.render(session.state).text())")
            let customer = try #require(session.state.customer)
            let order = try #require(store.state.commerce.orders(of: customer.id).last)
            #expect(order.deliveredAt != nil)
            #expect(order.isPaid)
            #expect(order.returns.count == 1)
            #expect(store.state.commerce.clockOffsetSeconds == 0, "the demo's time is its clock's, never journaled")
            #expect(DemoScript.finishedLine(session.state) == "Demo finished: order \(order.number) delivered and returned.")
            #expect(seconds < 60, "the fast pace took \(seconds) s of demo time")
            #expect(player.caption == "Demo finished — q ends")
        }
    }

    /// Issue 14 item 6: on the fast demo's clock (12 shop hours a wall second) the delivery dates
    /// the Delivery step shows for the chosen method are the ones the order is placed, paid and
    /// confirmed with, however long the presenter stays on a step: shop time does not run fast
    /// while the customer checks out.
    @Test func theFastDemosDeliveryPromiseIsTheOneConfirmed() throws {
        try Self.withDemoShop(clockSpeed: DemoPace.fast.clockSpeed) { session, store in
            var player = DemoPlayer(script: .journey(clockSpeed: DemoPace.fast.clockSpeed), pace: .fast)
            var shownAtDelivery: String?
            var shownAtConfirmation: String?
            let (outcome, _) = Self.play(&player, session) { state in
                guard let wizard = state.checkout else { return }
                if wizard.step == .delivery, let item = wizard.delivery.item("method"), case let .choice(options, selected) = item.kind {
                    // A presenter who talks over the Delivery step for 4 seconds: 2 shop days at full speed.
                    if shownAtDelivery == nil { Self.source(session).advance(seconds: 4) }
                    shownAtDelivery = options[selected].detail
                }
                if wizard.step == .confirmation, shownAtConfirmation == nil {
                    shownAtConfirmation = ShopView.render(state).text()
                }
            }
            #expect(outcome == .finished, "\(outcome)")
            let customer = try #require(session.state.customer)
            let order = try #require(store.state.commerce.orders(of: customer.id).last)
            let shown = try #require(shownAtDelivery)
            let confirmed = DayFormat.range(order.promise)
            #expect(shown.hasSuffix("  " + confirmed), "Delivery showed \(shown), the order was confirmed for \(confirmed)")
            #expect(shownAtConfirmation?.contains(confirmed) == true, "\(shownAtConfirmation ?? "no confirmation screen")")
        }
    }

    /// The after-sales chapters alone, on an order paid through the service: the timeline, the
    /// return and the messages work whatever the checkout screens do.
    @Test func fromAPaidOrderTheParcelArrivesAndIsReturned() throws {
        try Self.withDemoShop(clockSpeed: DemoPace.fast.clockSpeed) { session, _ in
            let product = try #require(DemoCatalogue.products.first { DemoScript.isGoodToShow($0) })
            try session.worker.sync { service in
                try service.execute(.addToCart(sku: product.sku, quantity: 1, by: .local))
                let card = try CardDetails(number: "4242 4242 4242 4242", expiry: "12/30", securityCode: "123", now: service.now)
                try service.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: .card(CardEntry(card))), by: .local))
            }
            session.settle()
            let script = DemoScript(chapters: ["following", "returning", "reading"], steps:
                Array(DemoScript.following(chapter: 1, timeout: 30).dropFirst())
                + DemoScript.returning(chapter: 2) + DemoScript.readingMessages(chapter: 3))
            var player = DemoPlayer(script: script, pace: .fast)
            let (outcome, _) = Self.play(&player, session)
            #expect(outcome == .finished, "\(outcome)\n\(ShopView.render(session.state).text())")
            #expect(DemoScript.finishedLine(session.state) != nil)
            #expect(session.state.focus == .messages)
        }
    }

    /// At 7 200 shop seconds a second the five-minute 3-D Secure code would expire before anyone
    /// typed it: the accelerated clock holds at the wall's pace while a card payment waits, and
    /// runs fast again once it is paid.
    @Test func fastTimeHoldsWhileACodeWaitsAndRunsAgainOncePaid() throws {
        try Self.withDemoShop(clockSpeed: 7_200) { session, store in
            let source = Self.source(session)
            let product = try #require(DemoCatalogue.products.first { DemoScript.isGoodToShow($0) })
            source.advance(seconds: 1)
            let number = try session.worker.sync { service -> String in
                try service.execute(.addToCart(sku: product.sku, quantity: 1, by: .local))
                let card = try CardDetails(number: DemoScript.threeDSecureCard, expiry: "12/30", securityCode: "123", now: service.now)
                try service.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: .card(CardEntry(card))), by: .local))
                return try #require(service.commerce.orderNumbers.last)
            }
            session.settle()
            let before = session.worker.now
            for _ in 0..<20 {
                source.advance(seconds: 1)
                session.tick(elapsedWallSeconds: 1)
                session.settle()
            }
            #expect(session.worker.now.seconds(since: before) == 20, "shop time ran at the wall's pace")
            #expect(session.state.now == session.worker.now)
            let code = try #require(DemoScript.threeDSecureCode(session.state))
            try session.worker.sync { service in try service.confirmCode(orderNumber: number, code: code, by: .local) }
            #expect(store.state.commerce.orders[number]?.isPaid == true, "the code had not expired")
            let paid = session.worker.now
            source.advance(seconds: 1)
            #expect(session.worker.now.seconds(since: paid) == 7_200)
            #expect(store.state.commerce.clockOffsetSeconds == 0)
        }
    }

    @Test func aStepWhoseConditionNeverHoldsIsReportedWithItsName() throws {
        try Self.withDemoShop(clockSpeed: 1) { session, _ in
            let script = DemoScript(chapters: ["opening a door that is not there"], steps: [
                DemoStep(chapter: 1, goal: "the secret screen", keys: DemoKey.press(.character("1")), timeout: 3) { _ in false },
            ])
            var player = DemoPlayer(script: script, pace: .fast)
            let (outcome, seconds) = Self.play(&player, session)
            #expect(outcome == .failed(
                "Demo stopped at step 1 of 1 (opening a door that is not there): did not reach the secret screen within 3 s"))
            #expect(seconds > 3 && seconds < 3.2)
            // Once stopped, it stays stopped.
            #expect(player.next(session.state, at: seconds + 10) == outcome)
        }
    }

    @Test func aMissingThreeDSecureCodeStopsTheStepAtOnce() throws {
        try Self.withDemoShop(clockSpeed: 1) { session, _ in
            let script = DemoScript(chapters: ["typing the code"], steps: DemoScript.typingTheCode(chapter: 1))
            var player = DemoPlayer(script: script, pace: .fast)
            #expect(player.next(session.state, at: 0) == .failed(
                "Demo stopped at step 1 of 1 (typing the code): no 3-D Secure code in Messages"))
        }
    }

    @Test func keysComeOneAtATimeAtThePaceAndThenTheOutcomeDwells() throws {
        try Self.withDemoShop(clockSpeed: 1) { session, _ in
            var player = DemoPlayer(script: DemoScript(chapters: ["searching the catalogue"], steps: DemoScript.searching("tea", chapter: 1)),
                                    pace: .normal)
            #expect(player.caption == "Step 1 of 1: searching the catalogue")
            #expect(player.next(session.state, at: 0) == .press(.character("/")))
            session.send(.key(.character("/")))
            #expect(player.next(session.state, at: 0.1) == .wait)
            #expect(player.next(session.state, at: DemoPace.normal.keyDelay) == .press(.character("t")))
            session.send(.key(.character("t")))
            let typed = DemoPace.normal.keyDelay + DemoPace.normal.typingDelay
            #expect(player.next(session.state, at: typed - 0.01) == .wait)
            #expect(player.next(session.state, at: typed) == .press(.character("e")))
            session.send(.key(.character("e")))
            #expect(player.next(session.state, at: typed + DemoPace.normal.typingDelay) == .press(.character("a")))
            session.send(.key(.character("a")))
            #expect(player.next(session.state, at: 5) == .press(.enter))
            session.send(.key(.enter))
            #expect(player.next(session.state, at: 5.1) == .wait)
            #expect(player.next(session.state, at: 5.1 + DemoPace.normal.dwell) == .finished)
            #expect(player.isFinished)
        }
    }

    @Test func theHeaderShowsDemoAndShopTimeAndTheStatusLineTheCaption() {
        var state = Fixtures.state(width: 80, height: 24)
        state.now = ShopInstant.utc(year: 2026, month: 11, day: 30, hour: 9, minute: 5)
        #expect(DemoBanner.clock(state.now) == "DEMO 30 Nov 09:05")
        #expect(!ShopView.render(state).text().contains("DEMO"))
        _ = update(&state, .demoBanner(DemoBanner(caption: "Step 4 of 9: paying with a 3-D Secure card")))
        let lines = ShopView.render(state).text().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].contains("DEMO 30 Nov 09:05"))
        #expect(lines[0].contains("Cart empty"))
        #expect(lines[state.layout.status.y].contains("▶ Step 4 of 9: paying with a 3-D Secure card"))
        _ = update(&state, .tick(state.now.adding(hours: 26)))
        #expect(ShopView.render(state).text().contains("DEMO 1 Dec 11:05"))
    }

    @Test(arguments: [80, 120, 200])
    func theAccountNameAndTheDemoClockShareTheHeader(width: Int) throws {
        try Self.withDemoShop(clockSpeed: 7_200) { session, _ in
            session.send(.resized(width: width, height: 24))
            session.send(.demoBanner(DemoBanner()))
            let header = String(ShopView.render(session.state).text().split(separator: "\n")[0])
            #expect(header.contains(DemoBanner.clock(session.state.now)), "\(header)")
            #expect(header.contains(width >= 120 ? "Logged in as Camille Demo" : "Camille Demo"), "\(header)")
            #expect(header.contains("Cart empty"))
        }
    }
}
