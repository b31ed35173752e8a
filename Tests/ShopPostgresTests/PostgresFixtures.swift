import Foundation
import ShopCore
import ShopPostgres
import ShopStore
import TestPostgres
import Testing

enum Fixtures {
    static func product(_ sku: String, stock: Int = 50, price: Int64 = 1_250) -> Product {
        Product(sku: sku, title: "Product \(sku)", brand: "Brand", category: "groceries",
                price: Money(minorUnits: price, currency: .eur), stockOnHand: stock)
    }

    static let seed: [Product] = [product("A-1"), product("B-2", stock: 3), product("C-3")]
}

/// The throw-away server of this test process, or why a test cannot run: a skip where PostgreSQL
/// cannot be started, a failure under CI=true (CI must not skip).
enum Server {
    static func shared() throws -> ThrowAwayPostgres {
        do {
            return try ThrowAwayPostgres.shared()
        } catch {
            if postgresIsRequired { throw error }
            print("skipping: \(error)")
            throw SkipPostgres()
        }
    }

    /// Whether the PostgreSQL tests can run here (they are disabled with the printed reason otherwise).
    static var available: Bool {
        do {
            _ = try ThrowAwayPostgres.shared()
            return true
        } catch {
            if postgresIsRequired { return true }
            print("skipping the PostgreSQL tests: \(error)")
            return false
        }
    }
}

struct SkipPostgres: Error {}

/// A fresh folder under the system temporary directory, removed when the value is released.
final class TemporaryFolder: Sendable {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-pg-tests-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func dataFolder(_ name: String = "shop") -> DataFolder { DataFolder(path: path + "/" + name) }
}

/// Where a test's shop lives: a data folder's journal, or a database on the throw-away server (each
/// store on it with a data folder of its own, as two machines have).
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case folder, postgres

    var testDescription: String { rawValue }

    /// A new empty shop location, and a way to open stores on it.
    func makeShop() throws -> ShopLocation {
        let temp = TemporaryFolder()
        switch self {
        case .folder:
            return ShopLocation(temp: temp, url: nil)
        case .postgres:
            let server = try Server.shared()
            return ShopLocation(temp: temp, url: try PostgresStoreURL(parsing: try server.makeDatabase()))
        }
    }
}

final class ShopLocation {
    let temp: TemporaryFolder
    let url: PostgresStoreURL?
    private var opened = 0

    init(temp: TemporaryFolder, url: PostgresStoreURL?) {
        self.temp = temp
        self.url = url
    }

    func open(_ access: StoreAccess = .readWrite, policy: SnapshotPolicy = .standard, seed: [Product] = []) throws -> Store {
        guard let url else { return try Store.open(temp.dataFolder(), access: access, policy: policy) { seed } }
        opened += 1
        let log = try PostgresEventLog.open(url)
        return try Store.open(temp.dataFolder("machine\(opened)"), log: log, access: access, policy: policy) { seed }
    }
}

/// Polls `condition` until it holds or `seconds` pass (no sleep stands in for a wait).
func eventually(within seconds: Double = 5, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(10_000)
    }
    return try condition()
}
