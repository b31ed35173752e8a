import Foundation
import ShopCore
import ShopService
import ShopStore
import Testing
@testable import ShopTUI

/// The runtime's own work: accounts through the password hasher, trade commands, shop time
/// that ticks (faster in demo mode) and the mailbox it reads after mail was sent.
@Suite struct ShopSessionRuntimeTests {
    static let password = "correct horse battery"

    static func withSession(clockSpeed: Int64 = 1, _ body: (ShopSession, Store) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-runtime-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { Fixtures.products })
        defer { try? store.close() }
        let state = AppState(shop: store.state, shopper: .local, width: 80, height: 24, themes: ThemeCatalog.bundled().themes, locale: .enUS)
        try body(ShopSession(store: store, state: state, hasher: PlainHasher(), clockSpeed: clockSpeed), store)
    }

    static func registration() throws -> AccountRegistration {
        try AccountRegistration(
            name: "Zoë Martin", email: "zoe@example.fr", password: password, line1: "12 rue des Lilas",
            postalCode: "75011", city: "Paris", countryCode: "FR")
    }

    @Test func registeringHashesThePasswordLogsInAndSendsTheWelcomeMail() throws {
        try Self.withSession { session, store in
            session.send(.key(.character("a")))
            let effects = [Effect.register(try Self.registration(), password: Self.password)]
            for effect in effects { session.perform(testing: effect) }
            #expect(store.state.commerce.account(of: .local)?.passwordHash == PasswordHash(encoded: "plain$" + Self.password))
            #expect(session.state.customer?.name == "Zoë Martin")
            #expect(session.state.status?.text.hasPrefix("Account created for zoe@example.fr: you are logged in · New message: Welcome") == true)
            #expect(session.state.customerMessages.contains { $0.kind == MessageKind.accountCreated.rawValue })
            #expect(session.state.shop.cart(of: .local).quantity(of: "COF-LAV-1") == 1, "the guest cart stays with the new account")
        }
    }

    @Test func aSecondAccountWithTheSameEmailIsRefused() throws {
        try Self.withSession { session, store in
            session.perform(testing: .register(try Self.registration(), password: Self.password))
            session.perform(testing: .trade(.logOut(by: .local), note: "Logged out"))
            session.perform(testing: .register(try Self.registration(), password: Self.password))
            #expect(session.state.status?.isError == true)
            #expect(session.state.status?.text.contains("zoe@example.fr") == true)
            #expect(store.state.commerce.accountsInOrder.count == 1)
        }
    }

    @Test func logInChecksThePasswordAndSaysWhyNot() throws {
        try Self.withSession { session, store in
            session.perform(testing: .register(try Self.registration(), password: Self.password))
            session.perform(testing: .trade(.logOut(by: .local), note: "Logged out"))
            #expect(session.state.customer == nil)
            session.perform(testing: .logIn(email: "zoe@example.fr", password: "wrong password"))
            #expect(session.state.customer == nil)
            #expect(session.state.status == StatusMessage(LoginError.wrongEmailOrPassword.description, isError: true))
            session.perform(testing: .logIn(email: "nobody@example.fr", password: Self.password))
            #expect(session.state.status == StatusMessage(LoginError.wrongEmailOrPassword.description, isError: true))
            session.perform(testing: .logIn(email: "ZOE@example.fr", password: Self.password))
            #expect(store.state.commerce.account(of: .local)?.email.value == "zoe@example.fr")
            #expect(session.state.status == StatusMessage("Logged in as Zoë Martin"))
        }
    }

    @Test func demoSpeedMovesShopTimeAndTicksTellTheInterface() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-runtime-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { Fixtures.products })
        defer { try? store.close() }
        let state = AppState(shop: store.state, shopper: .local, width: 80, height: 24, themes: ThemeCatalog.bundled().themes, locale: .enUS)
        let source = ManualMonotonic()
        let clock = AcceleratedClock(speed: 3_600, start: WallClock().now, source: source)
        let session = ShopSession(service: ShopService(store: store, clock: clock, hasher: PlainHasher()), state: state)
        #expect(session.clockSpeed == 3_600)
        let before = session.state.now
        source.advance(seconds: 1)
        session.tick(elapsedWallSeconds: 1)
        #expect(session.state.now.seconds(since: before) == 3_600)
        source.advance(seconds: 0.5)
        session.tick(elapsedWallSeconds: 0.5)
        session.settle()
        #expect(session.state.now.seconds(since: before) == 5_400)
        #expect(store.state.commerce.clockOffsetSeconds == 0, "the demo's time is its clock's: nothing journaled for it")
    }

    @Test func aRealShopTicksWithoutJournalingWhenNothingIsDue() throws {
        try Self.withSession { session, store in
            let sequence = store.state
            session.tick(elapsedWallSeconds: 1)
            session.settle()
            #expect(store.state.commerce == sequence.commerce)
            #expect(session.state.status == nil)
        }
    }
}
