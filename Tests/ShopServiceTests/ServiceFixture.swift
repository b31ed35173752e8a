import Foundation
import ShopCore
import ShopService
import ShopStore

/// A password hasher that answers at once and counts its work, so tests see that an unknown
/// address costs a verification like a known one.
final class CountingHasher: PasswordHasher, @unchecked Sendable {
    private let lock = NSLock()
    private var verifications = 0

    var verificationCount: Int { lock.withLock { verifications } }

    func hash(_ password: String) throws -> PasswordHash { PasswordHash(encoded: "plain$" + password) }

    func verify(_ password: String, against hash: PasswordHash) -> Bool {
        lock.withLock { verifications += 1 }
        return hash.encoded == "plain$" + password
    }
}

/// A shop in a temporary folder behind the application layer, with a fixed clock, counting
/// entropy and a counting plain hasher. Closed and removed on deinit.
final class ServiceFixture {
    static let start = ShopInstant.utc(year: 2026, month: 11, day: 30, hour: 9)
    static let password = "velvet orbit lantern"
    static let kettle = Product(
        sku: "KET-SMG-1", title: "Electric kettle 1.7 l", brand: "Smeg", category: "kitchen",
        price: Money(minorUnits: 15990, currency: .eur), stockOnHand: 25)
    static let matcha = Product(
        sku: "TEA-MAT-1", title: "Matcha 30 g", brand: "Marukyu Koyamaen", category: "groceries",
        price: Money(minorUnits: 2450, currency: .eur), vatClass: .reduced, stockOnHand: 12)

    let folder: URL
    let clock = FixedClock(ServiceFixture.start)
    let hasher = CountingHasher()
    let service: ShopService

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-service-\(UUID().uuidString)")
        let store = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { [Self.kettle, Self.matcha] })
        service = ShopService(store: store, clock: clock, entropy: CountingEntropy(), hasher: hasher)
    }

    deinit {
        try? service.store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    static func registration(name: String = "Alice Martin", email: String = "alice@example.fr") throws -> AccountRegistration {
        try AccountRegistration(name: name, email: email, password: password, line1: "12 rue des Lilas",
                                postalCode: "75011", city: "Paris", countryCode: "FR")
    }

    /// Registers `email` in `session` (logged in there) and returns the account.
    @discardableResult
    func register(_ email: String = "alice@example.fr", session: String = "local") throws -> Account {
        try service.register(try Self.registration(email: email), password: Self.password, session: session).account
    }

    /// Puts `sku` in `shopper`'s cart and places an order paid by `card`; its number.
    func placeOrder(by shopper: Shopper, sku: String = "KET-SMG-1", card: String = "4242424242424242") throws -> String {
        try service.execute(.addToCart(sku: sku, quantity: 1, by: shopper))
        let details = try CardDetails(number: card, expiry: "12/30", securityCode: "123", now: service.now)
        let events = try service.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: .card(CardEntry(details))), by: shopper))
        for event in events {
            if case let .commerce(.orderPlaced(order)) = event { return order.number }
        }
        throw ServiceError.notLoggedIn
    }

    /// Moves the clock and records what shop time made due.
    func advance(days: Int) throws {
        clock.advance(seconds: Int64(days) * 86_400)
        try service.trade(.catchUp)
    }
}
