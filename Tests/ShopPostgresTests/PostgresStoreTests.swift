import Foundation
import ShopCore
import ShopPostgres
import ShopStore
import TestPostgres
import Testing

/// What only the PostgreSQL store has: optimistic appends between machines, its tables, its schema,
/// claims of mail, copies between kinds of store, and a server that goes away.
@Suite("The store on PostgreSQL", .serialized, .enabled(if: Server.available))
struct PostgresStoreTests {
    private func database() throws -> (ThrowAwayPostgres, String, PostgresStoreURL) {
        let server = try Server.shared()
        let text = try server.makeDatabase()
        let url = try PostgresStoreURL(parsing: text)
        return (server, url.database, url)
    }

    private func open(_ url: PostgresStoreURL, _ temp: TemporaryFolder, _ name: String, seed: [Product] = [], access: StoreAccess = .readWrite) throws -> Store {
        try Store.open(temp.dataFolder(name), log: try PostgresEventLog.open(url), access: access) { seed }
    }

    @Test func aWriterBehindTheOthersCatchesUpAndDecidesAgainSoTheLastUnitIsSoldOnce() throws {
        let (server, name, url) = try database()
        let temp = TemporaryFolder()
        let first = try open(url, temp, "one", seed: [Fixtures.product("LAST", stock: 1), Fixtures.product("A-1")])
        let second = try open(url, temp, "two")
        // Both saw the one unit; the first takes it; the second, deciding again on what the first
        // appended, is refused.
        try first.execute(.addToCart(sku: "LAST", quantity: 1, by: .local))
        #expect(throws: StoreError.rejected(.cart(.exceedsStock(sku: "LAST", title: "Product LAST", requested: 2, available: 1)))) {
            try second.execute(.addToCart(sku: "LAST", quantity: 1, by: .local))
        }
        // A second writer's commit on a stale state lands right after the first's (gapless).
        try first.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        try second.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        #expect(second.sequence == 4 && second.state.cart(of: .local).quantity(of: "A-1") == 2)
        let sequences = try server.psql(name, "SELECT string_agg(sequence::text, ',' ORDER BY sequence) FROM comptoir_events")
        #expect(sequences.trimmingCharacters(in: .whitespacesAndNewlines) == "1,2,3,4")
    }

    @Test func manyWritersOnOneDatabaseSellEachUnitOnce() throws {
        let (_, _, url) = try database()
        let temp = TemporaryFolder()
        let seeded = try open(url, temp, "seed", seed: [Fixtures.product("RARE", stock: 5)])
        try seeded.close()
        let writers = 4
        let attempts = 4
        let sold = Counter()
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: writers) { index in
            do {
                let store = try open(url, temp, "writer\(index)")
                for _ in 0..<attempts {
                    do {
                        // One cart shared by every writer: its quantity is capped by the stock.
                        try store.execute(.addToCart(sku: "RARE", quantity: 1, by: .local))
                        sold.add()
                    } catch StoreError.rejected {
                        continue
                    }
                }
                try store.close()
            } catch {
                failures.add()
            }
        }
        #expect(failures.value == 0)
        #expect(sold.value == 5)
        let reader = try open(url, temp, "reader", access: .readOnly)
        #expect(reader.state.cart(of: .local).quantity(of: "RARE") == 5)
        #expect(reader.sequence == 6)
        let report = Store.verify(log: try PostgresEventLog.open(url))
        #expect(report.isClean, "\(report)")
    }

    @Test func verifyReadsEveryRecordAndFindsADamagedOne() throws {
        let (server, name, url) = try database()
        let temp = TemporaryFolder()
        let store = try open(url, temp, "one", seed: Fixtures.seed)
        try store.execute(.addToCart(sku: "A-1", quantity: 2, by: .local))
        try store.snapshot()
        try store.execute(.addToCart(sku: "C-3", quantity: 1, by: .local))
        let clean = Store.verify(log: try PostgresEventLog.open(url))
        #expect(clean.isClean && clean.records == 3 && clean.lastSequence == 3 && clean.snapshotSequence == 2)
        #expect(clean.stateDigest == StateDigest.of(store.state))
        // One byte of record 3's payload changed under the store.
        try server.psql(name, "UPDATE comptoir_events SET record = set_byte(record, 25, (get_byte(record, 25) + 1) % 256) WHERE sequence = 3")
        let damaged = Store.verify(log: try PostgresEventLog.open(url))
        #expect(!damaged.isClean)
        #expect(damaged.damagedRecords.first?.hasPrefix("record 3: record 3 checksum mismatch") == true, "\(damaged.damagedRecords)")
        #expect(throws: (any Error).self) { try open(url, temp, "two") }
    }

    @Test func aSchemaNewerThanThisComptoirIsRefused() throws {
        let (server, name, url) = try database()
        _ = try PostgresEventLog.open(url)
        try server.psql(name, "INSERT INTO comptoir_schema (version) VALUES (99)")
        #expect(throws: StoreError.newerSchema(store: url.description, version: 99, readable: 1)) { try PostgresEventLog.open(url) }
        let migrating = try PostgresEventLog.connectForMigration(url)
        #expect(throws: StoreError.newerSchema(store: url.description, version: 99, readable: 1)) { try migrating.migrate() }
    }

    @Test func migrateBringsAnEmptyDatabaseToTheCurrentSchemaOnce() throws {
        let (_, _, url) = try database()
        let log = try PostgresEventLog.connectForMigration(url)
        #expect(try log.schemaVersion() == 0)
        #expect(try log.migrate() == (0, 1))
        #expect(try log.migrate() == (1, 1))
    }

    @Test func eachMessageIsClaimedByExactlyOneProcessAndShownEverywhere() throws {
        let (_, _, url) = try database()
        let first = try PostgresEventLog.open(url)
        let second = try PostgresEventLog.open(url)
        #expect(try first.claimMessage(key: "m1", bytes: Array("one".utf8)))
        #expect(try !second.claimMessage(key: "m1", bytes: Array("one".utf8)))
        #expect(try second.claimMessage(key: "m2", bytes: Array("two".utf8)))
        #expect(try first.messages(after: 0).map(\.key) == ["m1", "m2"])
        let temp = TemporaryFolder()
        let store = try Store.open(temp.dataFolder("machine"), log: try PostgresEventLog.open(url), access: .readWrite) { [] }
        try store.close()
        let delivered = try FileManager.default.contentsOfDirectory(atPath: temp.dataFolder("machine").path + "/mail/new").sorted()
        #expect(delivered == ["m1", "m2"])
    }

    @Test func aShopCopiedBetweenAFolderAndPostgresIsTheSameShopBothWays() throws {
        let (_, _, url) = try database()
        let temp = TemporaryFolder()
        let original = try Store.open(temp.dataFolder("original"), access: .readWrite) { Fixtures.seed }
        try original.execute(.addToCart(sku: "A-1", quantity: 2, by: .local))
        try original.compact()
        try original.execute(.addToCart(sku: "C-3", quantity: 1, by: .local))
        let digest = StateDigest.of(original.state)
        #expect(Store.verify(temp.dataFolder("original")).stateDigest == digest)

        let log = try PostgresEventLog.open(url)
        try original.copy(to: log)
        #expect(throws: (any Error).self) { try original.copy(to: log) }
        let onPostgres = Store.verify(log: log)
        #expect(onPostgres.isClean && onPostgres.stateDigest == digest && onPostgres.lastSequence == 3, "\(onPostgres)")

        // Written on PostgreSQL, then copied back into a new folder.
        let shared = try open(url, temp, "machine")
        #expect(shared.sequence == 3)
        try shared.execute(.addToCart(sku: "B-2", quantity: 1, by: .local))
        try shared.copy(toFolder: temp.dataFolder("back"))
        #expect(throws: (any Error).self) { try shared.copy(toFolder: temp.dataFolder("back")) }
        let back = Store.verify(temp.dataFolder("back"))
        #expect(back.isClean && back.stateDigest == StateDigest.of(shared.state) && back.lastSequence == 4)
        let reopened = try Store.open(temp.dataFolder("back"), access: .readWrite) { [] }
        try reopened.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        #expect(reopened.sequence == 5)
    }

    @Test func aNotificationWakesAFollowerWithinASecond() throws {
        let (_, _, url) = try database()
        let temp = TemporaryFolder()
        let writer = try open(url, temp, "one", seed: Fixtures.seed)
        let followerLog = try PostgresEventLog.open(url)
        let follower = try Store.open(temp.dataFolder("two"), log: followerLog, access: .readWrite) { [] }
        // Once the seed's notification is consumed, a quiet log costs no round trip to follow.
        #expect(try eventually { _ = try follower.refresh(); return !followerLog.mayHaveNews() })
        try writer.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        #expect(followerLog.waitForNews(seconds: 5))
        #expect(try follower.refresh().records == 1)
        #expect(follower.state == writer.state)
    }
}

/// A server of its own, stopped and started again under an open store.
@Suite("PostgreSQL going away", .serialized, .enabled(if: Server.available))
struct PostgresFaultTests {
    @Test func anUnreachableServerIsOneLineWithoutThePasswordAndTheStoreWorksWhenItIsBack() throws {
        let server = try ThrowAwayPostgres.start()
        defer { server.stop() }
        let url = try PostgresStoreURL(parsing: try server.makeDatabase(password: "hunter2"))
        let temp = TemporaryFolder()
        let store = try Store.open(temp.dataFolder("one"), log: try PostgresEventLog.open(url), access: .readWrite) { Fixtures.seed }
        try store.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        try server.stopServer(immediate: true)
        do {
            try store.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
            Issue.record("a commit with the server down must fail")
        } catch {
            guard case .unreachable = error else { Issue.record("expected unreachable, got \(error)"); return }
            #expect(!error.description.contains("hunter2") && !error.description.contains("\n"))
            #expect(error.description.hasPrefix("cannot reach the shop's store postgres://comptoir@127.0.0.1:\(server.port)/"))
        }
        #expect(throws: (any Error).self) { try PostgresEventLog.open(url) }
        try server.startServer()
        // Back: the same open store commits again, and nothing acknowledged was lost.
        try store.execute(.addToCart(sku: "C-3", quantity: 1, by: .local))
        let reader = try Store.open(temp.dataFolder("two"), log: try PostgresEventLog.open(url), access: .readOnly) { [] }
        #expect(reader.state.cart(of: .local).quantity(of: "A-1") == 1)
        #expect(reader.state.cart(of: .local).quantity(of: "C-3") == 1)
        #expect(reader.sequence == 3)
    }

    /// kill -9 of the backend serving a writer that commits without pause: whatever the backend was
    /// doing (most likely inside the append's transaction or its COMMIT), every acknowledged commit is
    /// there after the server's crash recovery, the one cut at most is there or not as a whole, and
    /// the same open store commits again.
    @Test func aBackendKilledMidCommitLosesNoAcknowledgedWriteAndTheNextCommitWorks() throws {
        let server = try ThrowAwayPostgres.start(durable: true)
        defer { server.stop() }
        let url = try PostgresStoreURL(parsing: try server.makeDatabase())
        let temp = TemporaryFolder()
        let store = Unchecked(try Store.open(temp.dataFolder("one"), log: try PostgresEventLog.open(url), access: .readWrite) { Fixtures.seed + [Fixtures.product("LOTS", stock: 100_000)] })
        let acknowledged = Counter()
        let failure = Unchecked<StoreError?>(nil)
        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            for _ in 0..<20_000 {
                do throws(StoreError) {
                    try store.value.execute(.addToCart(sku: "LOTS", quantity: 1, by: .local))
                    acknowledged.add()
                } catch {
                    failure.value = error
                    break
                }
            }
            stopped.signal()
        }
        #expect(eventually(within: 20) { acknowledged.value >= 50 })
        let serving = try server.psql(url.database, """
            SELECT pid || ' ' || state || ': ' || query FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND query NOT LIKE 'LISTEN%'
            """).split(separator: "\n").first.map(String.init)
        let pid = try #require(serving.flatMap { pid_t($0.prefix { $0 != " " }) }, "no backend serves the writer")
        #expect(kill(pid, SIGKILL) == 0)
        print("killed the backend serving the writer (\(serving ?? "")) after \(acknowledged.value) acknowledged commits")
        #expect(stopped.wait(timeout: .now() + 30) == .success, "the writer stops at its first failed commit")
        guard case .unreachable? = failure.value else {
            Issue.record("the cut commit fails as unreachable, not \(String(describing: failure.value))")
            return
        }
        let acknowledgedCommits = acknowledged.value
        // The server recovers from the crash; the same open store commits again (bounded wait).
        #expect(eventually(within: 30) { (try? store.value.execute(.addToCart(sku: "C-3", quantity: 1, by: .local))) != nil })
        let reader = try Store.open(temp.dataFolder("two"), log: try PostgresEventLog.open(url), access: .readOnly) { [] }
        let kept = reader.state.cart(of: .local).quantity(of: "LOTS")
        #expect(kept == acknowledgedCommits || kept == acknowledgedCommits + 1, "\(kept) kept of \(acknowledgedCommits) acknowledged")
        #expect(reader.state.cart(of: .local).quantity(of: "C-3") == 1)
        #expect(reader.sequence == UInt64(1 + kept + 1), "the seed, the LOTS commits kept, the commit after")
        #expect(reader.state == store.value.state)
    }
}

/// Hands a value to a thread of the test (the test waits for that thread before reading it).
final class Unchecked<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
