import ArgumentParser
import Foundation
import ShopCore
import ShopPostgres
import ShopStore

enum BenchBackend: String, ExpressibleByArgument { case folder, postgres }

/// Commit-to-visible-elsewhere on PostgreSQL: one store commits (a few milliseconds apart), another
/// (its own connections, as another machine has) waits for the notification and refreshes; the time
/// from the commit's acknowledgement to the follower having applied it, on the monotonic clock.
enum PostgresVisibility {
    static func measure(url text: String, commits: Int, in base: String) throws -> StoreLatencySummary {
        let url = try PostgresStoreURL(parsing: text)
        let catalogue = SyntheticCatalogue.generate(count: 200, seed: 5)
        let writer = try Store.open(DataFolder(path: "\(base)/visible-writer"), log: try PostgresEventLog.open(url), access: .readWrite) { catalogue }
        let skus = writer.state.catalogue.products.filter { $0.leadTime == nil && $0.availableStock >= 3 }.map(\.sku)
        let acknowledged = Timestamps(count: commits)
        let visible = Timestamps(count: commits)
        let first = writer.sequence + 1
        let followerFailed = Timestamps(count: 1)
        let follower = Thread {
            do {
                let log = try PostgresEventLog.open(url)
                let store = try Store.open(DataFolder(path: "\(base)/visible-follower"), log: log, access: .readOnly) { [] }
                let deadline = StoreBenchClock.nanoseconds() + 60_000_000_000
                // Bounded by the deadline: each turn waits for a notification at most 100 ms.
                while store.sequence < first + UInt64(commits) - 1 && StoreBenchClock.nanoseconds() < deadline {
                    _ = log.waitForNews(seconds: 0.1)
                    let before = store.sequence
                    try store.refresh()
                    let now = StoreBenchClock.nanoseconds()
                    if store.sequence > before {
                        for sequence in max(before + 1, first)...store.sequence { visible.set(Int(sequence - first), now) }
                    }
                }
                try store.close()
            } catch {
                followerFailed.set(0, 1)
            }
        }
        follower.start()
        usleep(300_000)
        for index in 0..<commits {
            try writer.execute(.setCartQuantity(sku: skus[index % skus.count], quantity: 1 + index % 3, by: .session("visible")))
            acknowledged.set(Int(writer.sequence - first), StoreBenchClock.nanoseconds())
            usleep(2_000)
        }
        try writer.close()
        let deadline = Date(timeIntervalSinceNow: 30)
        while !visible.isComplete && Date() < deadline && followerFailed.value(0) == 0 { usleep(10_000) }
        guard followerFailed.value(0) == 0, visible.isComplete else { throw ValidationError("the follower did not see every commit") }
        // A commit seen before its acknowledgement was timed (the writer thread had not yet read the clock) counts as 0.
        return StoreLatencySummary((0..<commits).map { index in
            let seen = visible.value(index), done = acknowledged.value(index)
            return seen > done ? seen - done : 0
        })
    }
}

/// Per-commit times written by two threads.
final class Timestamps: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [UInt64]

    init(count: Int) { values = Array(repeating: 0, count: count) }

    func set(_ index: Int, _ value: UInt64) {
        lock.lock()
        if values.indices.contains(index), values[index] == 0 { values[index] = value }
        lock.unlock()
    }

    func value(_ index: Int) -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }

    var isComplete: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !values.contains(0)
    }
}
