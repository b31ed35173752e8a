import Foundation
import ShopCore
import ShopStore
import Testing
@testable import ShopTUI

/// The runtime with a real store in a temporary folder: effects are journaled, outcomes come back.
@Suite struct ShopSessionTests {
    static func withSession(_ body: (ShopSession, Store) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-session-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { Fixtures.products })
        defer { try? store.close() }
        let state = AppState(shop: store.state, shopper: .local, width: 80, height: 24, themes: ThemeCatalog.bundled().themes, locale: .enUS)
        try body(ShopSession(store: store, state: state, hasher: PlainHasher()), store)
    }

    @Test func addingJournalsTheCommandAndShowsTheOutcome() throws {
        try Self.withSession { session, store in
            session.press(.character("a"))
            #expect(store.state.cart(of: .local).quantity(of: "COF-LAV-1") == 1)
            #expect(session.state.shop.cart(of: .local).quantity(of: "COF-LAV-1") == 1)
            #expect(session.state.status == StatusMessage("Added 1 × Lavazza Qualità Oro 1 kg to the cart"))
        }
    }

    @Test func aRefusedCommandIsAnErrorLineAndChangesNothing() throws {
        try Self.withSession { session, store in
            session.press(.character("/"))
            session.type("mug")
            session.press(.enter, .character("a"))
            #expect(store.state.cart(of: .local).isEmpty)
            #expect(session.state.status?.isError == true)
            #expect(session.state.status?.text.contains("out of stock") == true)
            #expect(!session.isFinished)
        }
    }

    @Test func changingTheQuantityInTheCartGoesThroughTheStore() throws {
        try Self.withSession { session, store in
            session.press(.character("a"), .character("3"), .character("+"))
            #expect(store.state.cart(of: .local).quantity(of: "COF-LAV-1") == 2)
            session.press(.character("d"))
            #expect(store.state.cart(of: .local).isEmpty)
            #expect(session.state.shop.cart(of: .local).isEmpty)
        }
    }

    @Test func aNamedSessionHasItsOwnCartAndLogin() throws {
        try Self.withSession { local, store in
            let kiosk = Shopper.session("local:kiosk")
            let state = AppState(shop: store.state, shopper: kiosk, width: 80, height: 24, themes: ThemeCatalog.bundled().themes, locale: .enUS)
            // A second screen on the same worker, as `comptoir serve` runs one per customer.
            let session = ShopSession(worker: local.worker, state: state)
            session.press(.character("a"))
            #expect(store.state.cart(of: kiosk).quantity(of: "COF-LAV-1") == 1)
            #expect(store.state.cart(of: .local).isEmpty)
            #expect(session.state.cart.itemCount == 1)

            session.perform(testing: .register(ShopHarness.registration(), password: ShopHarness.password))
            let account = try #require(store.state.commerce.account(of: kiosk))
            #expect(store.state.commerce.account(of: .local) == nil)
            #expect(store.state.cart(of: .account(account.id)).itemCount == 1)
            #expect(session.state.customer?.id == account.id)

            // A wrong password is refused even though the account is logged in on the kiosk.
            local.perform(testing: .logIn(email: "alice@example.fr", password: "not it"))
            #expect(store.state.commerce.account(of: .local) == nil)
            #expect(local.state.status?.isError == true)
            local.perform(testing: .logIn(email: "alice@example.fr", password: ShopHarness.password))
            #expect(store.state.commerce.sessions(of: account.id) == ["local", "local:kiosk"])
        }
    }

    @Test func quitFinishesTheSession() throws {
        try Self.withSession { session, _ in
            session.send(.key(.character("q")))
            #expect(session.isFinished)
        }
    }
}
