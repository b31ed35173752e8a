import Dispatch
import Foundation
import ShopCore
import ShopService
import ShopStore
import Testing
@testable import ShopTUI

/// A hasher whose verifications wait until the test opens the gate (at most 10 s), like a slow
/// scrypt: the test sees the screen while a login is in flight.
final class GatedHasher: PasswordHasher, @unchecked Sendable {
    private let gate = DispatchSemaphore(value: 0)
    private let started = DispatchSemaphore(value: 0)

    func hash(_ password: String) throws -> PasswordHash { PasswordHash(encoded: "plain$" + password) }

    func verify(_ password: String, against hash: PasswordHash) -> Bool {
        started.signal()
        _ = gate.wait(timeout: .now() + 10)
        return hash.encoded == "plain$" + password
    }

    /// Waits until a verification has started, at most `seconds`.
    func waitUntilVerifying(seconds: Double) -> Bool {
        started.wait(timeout: .now() + seconds) == .success
    }

    func open() { gate.signal() }
}

/// The terminal runtime checks passwords on a worker: the screen draws and keys work meanwhile,
/// and the outcome lands on the login that asked.
@Suite struct LoginOffTheUIThreadTests {
    static let password = "quiet harbour window"

    static func withGatedSession(_ body: (ShopSession, Store, GatedHasher) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-gated-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { Fixtures.products })
        defer { try? store.close() }
        let registration = try AccountRegistration(
            name: "Zoë Martin", email: "zoe@example.fr", password: password, line1: "12 rue des Lilas",
            postalCode: "75011", city: "Paris", countryCode: "FR")
        try ShopService(store: store, hasher: PlainHasher()).register(registration, password: password, session: nil)
        let hasher = GatedHasher()
        let state = AppState(shop: store.state, shopper: .local, width: 80, height: 24, themes: ThemeCatalog.bundled().themes, locale: .enUS)
        try body(ShopSession(service: ShopService(store: store, hasher: hasher), state: state), store, hasher)
    }

    static func logIn(_ session: ShopSession, password: String) {
        session.send(.key(.character("l")))
        for character in "zoe@example.fr" { session.send(.key(.character(character))) }
        session.send(.key(.tab))
        for character in password { session.send(.key(.character(character))) }
        session.send(.key(.enter))
    }

    @Test func theScreenDrawsAndKeysWorkWhileTheLoginHashes() throws {
        try Self.withGatedSession { session, store, hasher in
            Self.logIn(session, password: Self.password)
            // `send` came back while the hasher is still at work on the worker.
            #expect(hasher.waitUntilVerifying(seconds: 10))
            #expect(session.hasBackgroundWork)
            #expect(session.state.status?.text == "Logging in…")
            #expect(ShopView.render(session.state).text().contains("Logging in…"))
            #expect(session.state.customer == nil)
            session.send(.resized(width: 100, height: 30))
            #expect(session.state.width == 100)
            #expect(ShopView.render(session.state).width == 100)
            #expect(store.state.commerce.account(of: .local) == nil, "nothing journaled before the check ends")

            hasher.open()
            #expect(session.waitForBackgroundWork(timeout: 10))
            #expect(session.state.customer?.email.value == "zoe@example.fr")
            #expect(store.state.commerce.account(of: .local)?.email.value == "zoe@example.fr")
            #expect(session.state.status == StatusMessage("Logged in as Zoë Martin"))
            #expect(session.state.accountForm == nil)
        }
    }

    @Test func aWrongPasswordComesBackToTheFormThatAsked() throws {
        try Self.withGatedSession { session, store, hasher in
            Self.logIn(session, password: "not the password")
            #expect(hasher.waitUntilVerifying(seconds: 10))
            #expect(session.state.accountForm?.isWaiting == true)
            hasher.open()
            #expect(session.waitForBackgroundWork(timeout: 10))
            #expect(session.state.customer == nil)
            #expect(session.state.accountForm?.isWaiting == false)
            #expect(session.state.accountForm?.login.error?.contains("Wrong email or password") == true)
            #expect(session.state.status?.isError == true)
            #expect(store.state.commerce.account(email: "zoe@example.fr")?.failedLoginCount == 1)
        }
    }

    @Test func aResultNoRequestWaitsForChangesNothing() throws {
        try Self.withGatedSession { session, _, _ in
            let before = session.state.status
            session.send(.passwordWorkFinished(request: 42, .verified(true)))
            #expect(session.state.customer == nil)
            #expect(session.state.status == before)
            #expect(!session.hasBackgroundWork)
        }
    }
}
