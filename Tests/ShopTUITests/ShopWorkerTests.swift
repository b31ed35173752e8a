import Dispatch
import Foundation
import ShopCore
import ShopService
import ShopStore
import Testing
@testable import ShopTUI

/// The shop worker with its real queue: every store operation runs there, the screen draws and
/// takes keys meanwhile, and sessions sharing one worker get their own outcomes and each other's
/// commits.
@Suite struct ShopWorkerTests {
    static let kiosk = Shopper.session("local:kiosk")

    /// A worker over a shop in a temporary folder, with `hasher`, and a session on it for each of `shoppers`.
    static func withSessions(
        _ shoppers: [Shopper], hasher: any PasswordHasher = PlainHasher(), clock: any ShopClock = WallClock(),
        _ body: ([ShopSession], ShopWorker, Store) throws -> Void
    ) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-worker-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { Fixtures.products })
        let worker = ShopWorker(service: ShopService(store: store, clock: clock, hasher: hasher))
        defer { try? worker.close() }
        let sessions = shoppers.map { shopper in
            ShopSession(worker: worker, state: AppState(
                shop: worker.snapshot.state, shopper: shopper, width: 80, height: 24, themes: ThemeCatalog.bundled().themes, locale: .enUS))
        }
        try body(sessions, worker, store)
    }

    /// Holds the worker's queue until `release` is called (at most 10 s), as a long fsync would.
    final class Blocker: @unchecked Sendable {
        private let gate = DispatchSemaphore(value: 0)
        private let entered = DispatchSemaphore(value: 0)

        init(_ worker: ShopWorker) {
            DispatchQueue.global().async {
                worker.sync { _ in
                    self.entered.signal()
                    _ = self.gate.wait(timeout: .now() + 10)
                }
            }
            _ = entered.wait(timeout: .now() + 10)
        }

        func release() { gate.signal() }
    }

    @Test func theScreenDrawsWhileACommitWaitsAndKeysTypedMeanwhileActOnTheShopItMakes() throws {
        try Self.withSessions([.local]) { sessions, worker, store in
            let session = sessions[0]
            session.inputHoldLimit = .seconds(30)
            let blocker = Blocker(worker)
            session.send(.key(.character("a")))
            // `send` came back while the worker is busy: nothing is said or shown before it is saved.
            #expect(session.hasBackgroundWork)
            #expect(session.backgroundPollMilliseconds == 10)
            #expect(session.state.cart.isEmpty)
            #expect(session.state.status == nil)
            // `c` typed within the fsync waits for the item it follows, and so does the key after it.
            session.send(.key(.character("c")))
            session.send(.key(.down))
            #expect(session.state.status == nil, "checkout did not look at the cart before the item was saved")
            #expect(session.state.catalogueCursor.selected == 0)
            session.send(.resized(width: 100, height: 30))
            #expect(ShopView.render(session.state).width == 100)
            #expect(!session.collectBackgroundWork(), "nothing finished while the store is held")

            blocker.release()
            session.settle()
            #expect(store.state.cart(of: .local).quantity(of: "COF-LAV-1") == 1)
            #expect(session.state.cart.quantity(of: "COF-LAV-1") == 1)
            #expect(session.state.status?.text.contains("cart is empty") != true)
            // Nobody is logged in: `c` asked for a login, as it does with items in the cart.
            #expect(session.state.accountForm != nil)
            #expect(!session.hasBackgroundWork)
        }
    }

    @Test func pastTheHoldLimitKeysActOnTheShopAsShown() throws {
        try Self.withSessions([.local]) { sessions, worker, store in
            let session = sessions[0]
            session.inputHoldLimit = .zero
            let blocker = Blocker(worker)
            session.send(.key(.character("a")))
            // A store held for long (another process's lock) does not freeze the keyboard.
            session.send(.key(.down))
            #expect(session.state.catalogueCursor.selected == 1)
            #expect(session.state.cart.isEmpty)
            blocker.release()
            session.settle()
            #expect(store.state.cart(of: .local).quantity(of: "COF-LAV-1") == 1)
            #expect(session.state.cart.quantity(of: "COF-LAV-1") == 1)
            #expect(!session.hasBackgroundWork)
        }
    }

    @Test func twoSessionsOnOneWorkerGetTheirOwnOutcomesAndSeeEachOthersCommits() throws {
        try Self.withSessions([.local, Self.kiosk]) { sessions, _, store in
            let (local, kiosk) = (sessions[0], sessions[1])
            local.send(.key(.character("a")))
            kiosk.send(.key(.down))
            kiosk.send(.key(.character("a")))
            kiosk.settle()
            local.settle()
            #expect(store.state.cart(of: .local).itemCount == 1)
            #expect(store.state.cart(of: Self.kiosk).itemCount == 1)
            #expect(local.state.status?.text == "Added 1 × Lavazza Qualità Oro 1 kg to the cart")
            let kioskNote = try #require(kiosk.state.status?.text)
            #expect(kioskNote.hasPrefix("Added 1 × ") && kioskNote != local.state.status?.text)
            // Each sees the other's commit: the same shop, each with its own cart.
            #expect(local.state.shop.cart(of: Self.kiosk) == store.state.cart(of: Self.kiosk))
            #expect(kiosk.state.shop.cart(of: .local) == store.state.cart(of: .local))
            #expect(local.state.cart.itemCount == 1 && kiosk.state.cart.itemCount == 1)

            // A refusal goes to the session that asked only.
            let kioskStatus = kiosk.state.status
            local.press(.character("/"))
            local.type("mug")
            local.press(.enter, .character("a"))
            #expect(local.state.status?.isError == true)
            #expect(local.state.status?.text.contains("out of stock") == true)
            kiosk.settle()
            #expect(kiosk.state.status == kioskStatus)

            // A registration on one screen: the other shows the account's cart moved, not the note.
            local.perform(testing: .register(ShopHarness.registration(), password: ShopHarness.password))
            #expect(local.state.customer?.email.value == "alice@example.fr")
            kiosk.settle()
            #expect(kiosk.state.customer == nil)
            #expect(kiosk.state.status == kioskStatus)
            #expect(kiosk.state.shop.commerce.account(email: "alice@example.fr") != nil)
            #expect(kiosk.state.mailbox.contains { $0.isAddressed(to: "alice@example.fr") }, "the mailbox follows too")
        }
    }

    /// A login's scrypt runs on the password queue: meanwhile the worker commits for the others.
    @Test func aLoginHashingHoldsUpNoOtherSessionsCommit() throws {
        let hasher = GatedHasher()
        try Self.withSessions([.local, Self.kiosk], hasher: hasher) { sessions, worker, store in
            let (local, kiosk) = (sessions[0], sessions[1])
            worker.sync { service in
                _ = try? service.register(ShopHarness.registration(), password: ShopHarness.password, session: nil)
            }
            local.settle()
            local.press(.character("l"))
            local.type("alice@example.fr")
            local.press(.tab)
            local.type(ShopHarness.password)
            local.send(.key(.enter))
            #expect(hasher.waitUntilVerifying(seconds: 10))
            #expect(local.state.status?.text == "Logging in…")

            kiosk.press(.character("a"))
            #expect(store.state.cart(of: Self.kiosk).itemCount == 1)
            #expect(kiosk.state.cart.itemCount == 1)
            #expect(local.state.customer == nil, "the login still hashes")
            local.send(.key(.enter))
            #expect(local.state.accountForm?.isWaiting == true, "one login at a time")

            hasher.open()
            local.settle()
            #expect(local.state.customer?.email.value == "alice@example.fr")
            #expect(local.state.status == StatusMessage("Logged in as Alice Martin"))
            #expect(store.state.commerce.account(email: "alice@example.fr")?.failedLoginCount == 0)
            kiosk.settle()
            #expect(kiosk.state.customer == nil)
            #expect(kiosk.state.shop.commerce.account(of: .local)?.email.value == "alice@example.fr")
        }
    }

    /// A tick's catch-up is nobody's command: what it journals reaches every screen as the shop's
    /// change, and no screen takes it for the answer to something it asked.
    @Test func aCatchUpIsTheShopsChangeNotASessionsOutcome() throws {
        let clock = FixedClock(WallClock().now)
        try Self.withSessions([.local, Self.kiosk], clock: clock) { sessions, worker, store in
            let (local, kiosk) = (sessions[0], sessions[1])
            let number = try worker.sync { service -> String in
                try service.register(ShopHarness.registration(), password: ShopHarness.password, session: "local")
                try service.execute(.addToCart(sku: "KET-SMG-1", quantity: 1, by: .local))
                let card = try CardDetails(number: "4242424242424242", expiry: "12/30", securityCode: "123", now: service.now)
                try service.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: .card(CardEntry(card))), by: .local))
                return try #require(service.commerce.orderNumbers.last)
            }
            local.settle()
            kiosk.settle()
            #expect(local.state.shop.commerce.orders[number] != nil)
            let (localStatus, kioskStatus) = (local.state.status, kiosk.state.status)
            clock.advance(seconds: 3 * 86_400)
            kiosk.tick(elapsedWallSeconds: 1)
            kiosk.settle()
            local.settle()
            let scans = try #require(store.state.commerce.orders[number]?.scans)
            #expect(!scans.isEmpty, "three days: the parcel moved")
            #expect(local.state.shop.commerce.orders[number]?.scans == scans, "the screen that did not tick shows it too")
            #expect(kiosk.state.shop.commerce.orders[number]?.scans == scans)
            #expect(kiosk.state.status == kioskStatus)
            #expect(local.state.status == localStatus || local.state.status?.text.hasPrefix("New message: ") == true)
            #expect(kiosk.state.now == clock.now)
        }
    }

    /// What the store warns about (a torn record cut at a commit) shows on every screen, once.
    @Test func aWarningOfTheStoreReachesEveryScreenOnce() throws {
        try Self.withSessions([.local, Self.kiosk]) { sessions, _, store in
            let (local, kiosk) = (sessions[0], sessions[1])
            let journal = try FileHandle(forWritingTo: URL(fileURLWithPath: store.folder.path + "/journal"))
            journal.seekToEndOfFile()
            journal.write(Data([0x01, 0x02, 0x03, 0x04, 0x05]))
            try journal.close()
            local.press(.character("a"))
            #expect(store.state.cart(of: .local).itemCount == 1)
            #expect(local.state.status?.text.contains("cut off an incomplete last record") == true)
            kiosk.settle()
            #expect(kiosk.state.status?.isError == true)
            #expect(kiosk.state.status?.text.contains("cut off an incomplete last record") == true)
            kiosk.send(.notice("Theme: mono", isError: false))
            kiosk.follow()
            kiosk.settle()
            #expect(kiosk.state.status == StatusMessage("Theme: mono"), "said once")
        }
    }
}
