import ShopPostgres
import Testing

@Suite("PostgreSQL store URLs")
struct PostgresStoreURLTests {
    @Test func partsAreReadAndThePasswordIsNeverShown() throws {
        let url = try PostgresStoreURL(parsing: "postgres://shop:s3cr%40t@db.example:6543/comptoir?sslmode=require")
        #expect(url.user == "shop" && url.password == "s3cr@t" && url.host == "db.example" && url.port == 6543)
        #expect(url.database == "comptoir" && url.requiresTLS)
        #expect(url.description == "postgres://shop@db.example:6543/comptoir?sslmode=require")
        #expect(!url.description.contains("s3cr"))
    }

    @Test func defaultsAndIPv6() throws {
        let url = try PostgresStoreURL(parsing: "postgresql://me@[::1]/shop")
        #expect(url.host == "::1" && url.port == 5432 && url.password == nil && !url.requiresTLS)
        #expect(url.description == "postgres://me@[::1]:5432/shop")
    }

    @Test(arguments: [
        ("postgres://u:hunter2@host/", "the store URL lacks the database (postgres://USER@HOST:PORT/DB)"),
        ("postgres://host:5432/db", "the store URL lacks the user (postgres://USER@HOST:PORT/DB)"),
        ("postgres://u:hunter2@host:99999/db", "the store URL's port '99999' is not a number from 1 to 65535"),
        ("postgres://u:hunter2@host/db?sslmode=prefer", "sslmode 'prefer' is unknown: use sslmode=disable or sslmode=require"),
        ("postgres://u:hunter2@host/db?user=x", "the store URL's parameter 'user' is unknown (only sslmode=disable|require)"),
        ("postgres://u:hun%zzter2@host/db", "the store URL's password has a malformed %-escape (write %40 for @, %3A for :, %2F for /)"),
        ("postgres://u:hunter2?x@host:5x/db", "the store URL's port '5x' is not a number from 1 to 65535"),
    ])
    func aMalformedURLIsRefusedWithoutRepeatingThePassword(_ text: String, _ message: String) {
        #expect(throws: (any Error).self) { try PostgresStoreURL(parsing: text) }
        do {
            _ = try PostgresStoreURL(parsing: text)
        } catch {
            #expect(error.description == message)
            #expect(!error.description.contains("hunter2") && !error.description.contains("hun"))
        }
    }
}
