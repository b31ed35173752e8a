import ArgumentParser
import Foundation
import ShopCore
import ShopStore
import TestPostgres

/// Measures the store against its budgets (DESIGN.md §8): journaled, fsynced command latency against
/// SQLite (WAL, synchronous=FULL, one row per transaction) in the same folder and run; snapshot write,
/// snapshot load and cold open (snapshot + journal replay) of a big shop, and resident memory after load.
struct StoreBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Journal latency vs SQLite, snapshot write/load time and size, memory after load."
    )

    @Option(help: "Journaled cart commands to time (and SQLite rows).") var commands = 2_000
    @Option(help: "Products in the big shop.") var products = 1_000_000
    @Option(help: "Cart commands journaled after the big shop's snapshot (stand-in for orders).") var cartEvents = 100_000
    @Option(help: "Folder to work in (default: a new folder under the temporary directory, removed afterwards).") var dir: String?
    @Flag(help: "Print the results as JSON.") var json = false
    @Flag(help: "After each cold open, also build the search index and report its time and memory.") var index = false
    @Option(help: .hidden) var loadOnly: String?
    @Option(help: "Writer processes on one data folder (and on one SQLite database), e.g. 1,4,16; adds commits/s, p99 and the cost of catching up.")
    var writers: String?
    @Option(help: "Commits per writers run, shared among its writers.") var writerCommits = 2_000
    @Option(help: "Records another process appends before a follower catches up.") var catchUpRecords = 10_000
    @Flag(help: "Only the writers runs and the catch-up (with --writers): skip the single-writer latency and the big shop.")
    var writersOnly = false
    @Option(help: "Where the writers also run: folder (the data folder and SQLite only) or postgres (also on a throw-away PostgreSQL started for the run, fsync on; adds commit-to-visible-elsewhere latency).")
    var backend: BenchBackend = .folder
    @Option(help: .hidden) var writerChild: String?
    @Option(help: .hidden) var childKind: WriterBenchmark.Kind = .comptoir
    @Option(help: .hidden) var childCommits = 0
    @Option(help: .hidden) var childIndex = 0

    func run() throws {
        if let writerChild {
            try WriterBenchmark.runChild(childKind, target: writerChild, commits: childCommits, index: childIndex)
            return
        }
        if let loadOnly {
            let measurement = try StoreLoadMeasurement.measure(DataFolder(path: loadOnly), buildingIndex: index)
            print(String(decoding: try JSONEncoder().encode(measurement), as: UTF8.self))
            return
        }
        let base = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-bench-store-\(getpid())").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: base) } }

        var results = StoreBenchmarkResults(commands: commands, products: products, cartEvents: cartEvents)
        if !(writersOnly && writers != nil) {
            try measureLatency(in: base, into: &results)
            try measureBigShop(in: base, into: &results)
        }
        if let writers {
            let counts = writers.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }
            guard !counts.isEmpty else { throw ValidationError("--writers wants counts such as 1,4,16") }
            var server: ThrowAwayPostgres?
            defer { server?.stop() }
            if backend == .postgres { server = try ThrowAwayPostgres.start(durable: true) }
            let makeDatabase: (() throws -> String)? = server.map { server in { try server.makeDatabase() } }
            results.writers = try WriterBenchmark.measure(writers: counts, commits: writerCommits, in: base, postgres: makeDatabase)
            if let makeDatabase { results.visibility = try PostgresVisibility.measure(url: try makeDatabase(), commits: 300, in: base) }
            results.catchUp = try WriterBenchmark.measureCatchUp(records: catchUpRecords, in: base)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            print(results.table)
        }
    }

    /// Journaled `setCartQuantity` commands and SQLite single-row transactions, interleaved so that
    /// both see the same disk and the same background load.
    private func measureLatency(in base: String, into results: inout StoreBenchmarkResults) throws {
        let folder = DataFolder(path: base + "/latency-shop")
        let catalogue = SyntheticCatalogue.generate(count: 1_000, seed: 7)
        let skus = catalogue.filter { $0.leadTime == nil && $0.availableStock >= 3 }.map(\.sku)
        let store = try Store.open(folder, access: .readWrite, seed: { catalogue })
        let sqlite = try SQLiteRowPeer(path: base + "/latency-shop/peer.sqlite")
        var ours: [UInt64] = []
        var theirs: [UInt64] = []
        for index in 0..<(commands + 50) {
            let sku = skus[index % skus.count]
            let quantity = 1 + (index / skus.count) % 3
            let start = StoreBenchClock.nanoseconds()
            try store.execute(.setCartQuantity(sku: sku, quantity: quantity, by: .local))
            let middle = StoreBenchClock.nanoseconds()
            try sqlite.insertRow(sku: sku, quantity: quantity)
            let end = StoreBenchClock.nanoseconds()
            if index >= 50 {
                ours.append(middle - start)
                theirs.append(end - middle)
            }
        }
        try store.close()
        results.journal = StoreLatencySummary(ours)
        results.sqlite = StoreLatencySummary(theirs)
    }

    private func measureBigShop(in base: String, into results: inout StoreBenchmarkResults) throws {
        let folder = DataFolder(path: base + "/big-shop")
        let manual = SnapshotPolicy(recordsBetweenSnapshots: .max, journalBytesBetweenSnapshots: .max, smallShopProducts: 0)
        do {
            var start = StoreBenchClock.nanoseconds()
            let catalogue = SyntheticCatalogue.generate(count: products, seed: 42)
            results.generateSeconds = StoreBenchClock.seconds(since: start)
            let skus = Array(catalogue.lazy.filter { $0.leadTime == nil && $0.availableStock >= 3 }.prefix(50).map(\.sku))
            start = StoreBenchClock.nanoseconds()
            let store = try Store.open(folder, access: .readWrite, policy: manual, seed: { catalogue })
            results.seedJournalSeconds = StoreBenchClock.seconds(since: start)

            start = StoreBenchClock.nanoseconds()
            let cpuStart = StoreBenchClock.cpuNanoseconds()
            try store.snapshot()
            results.snapshotWriteSeconds = StoreBenchClock.seconds(since: start)
            results.snapshotWriteCPUSeconds = StoreBenchClock.cpuSeconds(since: cpuStart)
            results.snapshotBytes = Self.size(of: folder.path + "/snapshot")
            // Drop the seed's import record from the journal, as the automatic snapshots would.
            try store.compact()

            let batch = 1_000
            var commandsLeft = cartEvents
            var index = 0
            start = StoreBenchClock.nanoseconds()
            while commandsLeft > 0 {
                let count = min(batch, commandsLeft)
                let commands = (0..<count).map { offset -> ShopCommand in
                    let number = index + offset
                    return .setCartQuantity(sku: skus[number % skus.count], quantity: 1 + (number / skus.count) % 3, by: .local)
                }
                let outcomes = try store.executeAll(commands)
                results.cartEventsAccepted += outcomes.filter { (try? $0.get()) != nil }.count
                index += count
                commandsLeft -= count
            }
            results.cartEventsJournalSeconds = StoreBenchClock.seconds(since: start)
            results.journalBytes = Self.size(of: folder.path + "/journal")
            // Dropped without close(), as after a crash: the next open replays the journal after the snapshot.
        }
        results.openWithReplay = try Self.measureInChildProcess(folder, buildingIndex: index)

        let store = try Store.open(folder, access: .readWrite, policy: manual, seed: { [] })
        let start = StoreBenchClock.nanoseconds()
        try store.compact()
        results.compactSeconds = StoreBenchClock.seconds(since: start)
        try store.close()
        results.openSnapshotOnly = try Self.measureInChildProcess(folder, buildingIndex: index)
    }

    /// Loads the shop in a fresh process so that time and resident memory are those of a cold start.
    private static func measureInChildProcess(_ folder: DataFolder, buildingIndex: Bool) throws -> StoreLoadMeasurement {
        try ChildMeasurement.run(["store", "--load-only", folder.path] + (buildingIndex ? ["--index"] : []), measuring: "load")
    }

    private static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

enum StoreBenchClock {
    static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    static func seconds(since start: UInt64) -> Double { Double(nanoseconds() - start) / 1e9 }

    /// CPU time (user + system) this process has used: on a shared, busy machine the wall clock
    /// also counts time spent waiting for a core.
    static func cpuNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    static func cpuSeconds(since start: UInt64) -> Double { Double(cpuNanoseconds() - start) / 1e9 }

    /// CPU time of the calling thread only: for work split over threads, the main thread's share is
    /// what the wall clock would show on otherwise idle cores.
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
