import Foundation
import TestPostgres
import Testing

/// `--store URL` and `COMPTOIR_STORE` through the real binary, on the throw-away PostgreSQL server:
/// two machines (two data folders) on one database see one shop, `store copy` moves a shop both
/// ways with equal digests, and a server that cannot be reached is one line, exit 69, no password.
@Suite("comptoir on PostgreSQL", .serialized, .enabled(if: PostgresForCLI.available))
struct PostgresStoreCommandTests {
    private func run(_ arguments: [String], _ environment: [String: String]) throws -> ComptoirProcess.Outcome {
        try ComptoirProcess.run(arguments, environment: environment)
    }

    private func firstSKU(_ environment: [String: String]) throws -> String {
        let json = try parseJSON(run(["search", "in:stock", "--json", "--limit", "1"], environment).stdout)
        let results = try #require(json["results"] as? [[String: Any]])
        return try #require(results.first?["sku"] as? String)
    }

    @Test func twoDataFoldersOnOneDatabaseSeeOneShop() throws {
        let url = try ThrowAwayPostgres.shared().makeDatabase()
        let first = try TemporaryFolder(), second = try TemporaryFolder()
        let one = ["COMPTOIR_HOME": first.path, "COMPTOIR_STORE": url]
        let two = ["COMPTOIR_HOME": second.path]
        let sku = try firstSKU(one)
        let added = try run(["cart", "add", sku, "2", "--session", "shared"], one)
        #expect(added.status == 0, "\(added.stderr)")
        let shown = try run(["cart", "show", "--json", "--session", "shared", "--store", url], two)
        #expect(shown.status == 0, "\(shown.stderr)")
        let lines = try #require(try parseJSON(shown.stdout)["lines"] as? [[String: Any]])
        #expect(lines.first?["sku"] as? String == sku && lines.first?["quantity"] as? Int == 2)
        // The journal stays out of the data folders: only this machine's things are there.
        #expect(!FileManager.default.fileExists(atPath: first.path + "/journal"))
        let verified = try run(["store", "verify", "--json", "--store", url], two)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(try parseJSON(verified.stdout)["last_sequence"] as? Int == 2)
    }

    @Test func storeCopyMovesAShopBothWaysAndVerifyShowsTheSameDigest() throws {
        let url = try ThrowAwayPostgres.shared().makeDatabase(password: "hunter2")
        let original = try TemporaryFolder(), back = try TemporaryFolder()
        let sku = try firstSKU(["COMPTOIR_HOME": original.path])
        #expect(try run(["cart", "add", sku, "1"], ["COMPTOIR_HOME": original.path]).status == 0)
        let copied = try run(["store", "copy", "--from", original.path, "--to", url], [:])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(!copied.stdout.contains("hunter2"))
        let again = try run(["store", "copy", "--from", original.path, "--to", url], [:])
        #expect(again.status != 0 && again.stderr.contains("already holds a shop") && !again.stderr.contains("hunter2"))
        let target = back.path + "/shop"
        #expect(try run(["store", "copy", "--from", url, "--to", target], [:]).status == 0)
        func digest(_ arguments: [String]) throws -> String? {
            let outcome = try run(["store", "verify", "--json"] + arguments, [:])
            #expect(outcome.status == 0, "\(outcome.stdout)")
            return try parseJSON(outcome.stdout)["state_digest"] as? String
        }
        let digests = try [digest(["--data", original.path]), digest(["--store", url]), digest(["--data", target])]
        #expect(digests[0] != nil && Set(digests.map { $0 ?? "" }).count == 1, "\(digests)")
    }

    @Test func concurrentProcessesOnOneDatabaseLoseNoUpdate() throws {
        let url = try ThrowAwayPostgres.shared().makeDatabase()
        let seeding = try TemporaryFolder()
        let json = try parseJSON(run(["search", "in:stock", "--json", "--limit", "300"], ["COMPTOIR_HOME": seeding.path, "COMPTOIR_STORE": url]).stdout)
        let results = try #require(json["results"] as? [[String: Any]])
        let sku = try #require(results.first { ($0["available"] as? Int ?? 0) >= 20 }?["sku"] as? String)
        let writers = 6
        let folders = try (0..<writers).map { _ in try TemporaryFolder() }
        let paths = folders.map(\.path)
        let statuses = StatusList()
        DispatchQueue.concurrentPerform(iterations: writers) { index in
            let outcome = try? ComptoirProcess.run(["cart", "add", sku, "1", "--session", "race"],
                                                   environment: ["COMPTOIR_HOME": paths[index], "COMPTOIR_STORE": url])
            statuses.append(outcome.map { "\($0.status) \($0.stderr)" } ?? "did not run")
        }
        #expect(statuses.values.allSatisfy { $0.hasPrefix("0 ") }, "\(statuses.values)")
        let shown = try parseJSON(run(["cart", "show", "--json", "--session", "race"], ["COMPTOIR_HOME": seeding.path, "COMPTOIR_STORE": url]).stdout)
        let lines = try #require(shown["lines"] as? [[String: Any]])
        #expect(lines.first?["quantity"] as? Int == writers)
        let verified = try run(["store", "verify", "--json", "--store", url], ["COMPTOIR_HOME": seeding.path])
        #expect(try parseJSON(verified.stdout)["last_sequence"] as? Int == 1 + writers, "\(verified.stdout)")
    }

    @Test func anUnreachableServerIsOneLineWithExit69AndNoPassword() throws {
        let data = try TemporaryFolder()
        let port = try ThrowAwayPostgres.freePort()
        let outcome = try run(["search", "coffee", "--store", "postgres://shop:hunter2@127.0.0.1:\(port)/shop"], ["COMPTOIR_HOME": data.path])
        #expect(outcome.status == 69)
        #expect(outcome.stderr.hasPrefix("comptoir: cannot reach the shop's store postgres://shop@127.0.0.1:\(port)/shop: "), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(!outcome.stderr.contains("hunter2") && !outcome.stdout.contains("hunter2"))
        let malformed = try run(["search", "coffee"], ["COMPTOIR_HOME": data.path, "COMPTOIR_STORE": "postgres://shop:hunter2@127.0.0.1:99999/shop"])
        #expect(malformed.status == 64 && !malformed.stderr.contains("hunter2"))
        #expect(malformed.stderr == "comptoir: COMPTOIR_STORE: the store URL's port '99999' is not a number from 1 to 65535\n")
    }
}

enum PostgresForCLI {
    /// The tests run where PostgreSQL can be started, and always under CI=true (where they fail instead).
    static var available: Bool {
        do {
            _ = try ThrowAwayPostgres.shared()
            return true
        } catch {
            if postgresIsRequired { return true }
            print("skipping the PostgreSQL command tests: \(error)")
            return false
        }
    }
}

final class StatusList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func append(_ value: String) { lock.lock(); list.append(value); lock.unlock() }
    var values: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
