import ArgumentParser
import Foundation
import ShopCore
import ShopPostgres
import ShopStore

/// N writer *processes* on one data folder, each committing small commands (its own cart line set
/// again and again), against N processes on one SQLite database (WAL, synchronous=FULL, a busy
/// timeout) each inserting one row per transaction, in the same run. The children are this program
/// again; they start together (each says it is ready, then waits for "go") and report the latency of
/// every commit and when they began and ended on the monotonic clock, which all processes share.
enum WriterBenchmark {
    enum Kind: String, Codable, ExpressibleByArgument { case comptoir, sqlite, postgres }

    /// What one child measured.
    struct ChildReport: Codable {
        var startNanoseconds: UInt64
        var endNanoseconds: UInt64
        var latencies: [UInt64]
    }

    static let catalogueSize = 1_000

    /// Runs every writer count for both peers; `commits` is the total per run, shared among the writers.
    /// With `postgres` (a maker of empty databases), the same writers also run on PostgreSQL.
    static func measure(writers counts: [Int], commits: Int, in base: String, postgres: (() throws -> String)? = nil) throws -> [WriterRun] {
        var runs: [WriterRun] = []
        for count in counts {
            let each = max(1, commits / count)
            let folder = DataFolder(path: "\(base)/writers-\(count)")
            let catalogue = SyntheticCatalogue.generate(count: catalogueSize, seed: 7)
            try Store.open(folder, access: .readWrite) { catalogue }.close()
            let ours = try runChildren(.comptoir, count: count, commits: each, target: folder.path)
            let sequence = try Store.open(folder, access: .readOnly) { [] }.sequence
            guard sequence == UInt64(1 + count * each) else {
                throw ValidationError("\(count) writers: the journal holds \(sequence - 1) commits, \(count * each) were acknowledged")
            }
            let database = "\(base)/writers-\(count).sqlite"
            _ = try SQLiteRowPeer(path: database)
            let theirs = try runChildren(.sqlite, count: count, commits: each, target: database)
            var run = WriterRun(writers: count, commitsPerWriter: each, comptoir: ours, sqlite: theirs)
            if let postgres {
                let url = try postgres()
                let log = try PostgresEventLog.open(try PostgresStoreURL(parsing: url))
                try Store.open(DataFolder(path: "\(base)/pg-seed-\(count)"), log: log, access: .readWrite) { catalogue }.close()
                run.postgres = try runChildren(.postgres, count: count, commits: each, target: url)
                let check = try PostgresEventLog.open(try PostgresStoreURL(parsing: url))
                let last = try Store.open(DataFolder(path: "\(base)/pg-check-\(count)"), log: check, access: .readOnly) { [] }.sequence
                guard last == UInt64(1 + count * each) else {
                    throw ValidationError("\(count) writers on PostgreSQL: the log holds \(last - 1) commits, \(count * each) were acknowledged")
                }
            }
            runs.append(run)
        }
        return runs
    }

    private static func runChildren(_ kind: Kind, count: Int, commits: Int, target: String) throws -> WriterSummary {
        let children = try (0..<count).map { index -> (Process, Pipe, Pipe) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            process.arguments = ["store", "--writer-child", target, "--child-kind", kind.rawValue,
                                 "--child-commits", String(commits), "--child-index", String(index)]
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            return (process, input, output)
        }
        // Everyone ready (store or database open), then all start at once.
        for (_, _, output) in children {
            guard readLine(output.fileHandleForReading) == "ready" else { throw ValidationError("a \(kind) writer did not start") }
        }
        for (_, input, _) in children { input.fileHandleForWriting.write(Data("go\n".utf8)) }
        var reports: [ChildReport] = []
        for (process, _, output) in children {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw ValidationError("a \(kind) writer failed with status \(process.terminationStatus)") }
            reports.append(try JSONDecoder().decode(ChildReport.self, from: data))
        }
        return WriterSummary(reports)
    }

    /// One line from `handle`, read byte by byte so nothing after it is consumed.
    private static func readLine(_ handle: FileHandle) -> String {
        var bytes: [UInt8] = []
        while let byte = try? handle.read(upToCount: 1), let first = byte.first, first != UInt8(ascii: "\n") {
            bytes.append(first)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The child's side: opens, says ready, waits for go, commits, prints its report.
    static func runChild(_ kind: Kind, target: String, commits: Int, index: Int) throws {
        var commit: (Int) throws -> Void
        var close: () throws -> Void = {}
        switch kind {
        case .comptoir:
            let store = try Store.open(DataFolder(path: target), access: .readWrite) { [] }
            let skus = store.state.catalogue.products.filter { $0.leadTime == nil && $0.availableStock >= 3 }.map(\.sku)
            let sku = skus[index % skus.count]
            let writer = Shopper.session("bench:\(index)")
            commit = { step in try store.execute(.setCartQuantity(sku: sku, quantity: 1 + step % 3, by: writer)) }
            close = { try store.close() }
        case .postgres:
            let log = try PostgresEventLog.open(try PostgresStoreURL(parsing: target))
            let local = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-bench-machine-\(getpid())").path
            let store = try Store.open(DataFolder(path: local), log: log, access: .readWrite) { [] }
            let skus = store.state.catalogue.products.filter { $0.leadTime == nil && $0.availableStock >= 3 }.map(\.sku)
            let sku = skus[index % skus.count]
            let writer = Shopper.session("bench:\(index)")
            commit = { step in try store.execute(.setCartQuantity(sku: sku, quantity: 1 + step % 3, by: writer)) }
            close = {
                try store.close()
                try? FileManager.default.removeItem(atPath: local)
            }
        case .sqlite:
            let database = try SQLiteRowPeer(path: target)
            commit = { step in try database.insertRow(sku: "W-\(index)", quantity: 1 + step % 3) }
        }
        FileHandle.standardOutput.write(Data("ready\n".utf8))
        _ = Swift.readLine()
        var latencies: [UInt64] = []
        latencies.reserveCapacity(commits)
        let start = StoreBenchClock.nanoseconds()
        for step in 0..<commits {
            let before = StoreBenchClock.nanoseconds()
            try commit(step)
            latencies.append(StoreBenchClock.nanoseconds() - before)
        }
        let end = StoreBenchClock.nanoseconds()
        try close()
        let report = ChildReport(startNanoseconds: start, endNanoseconds: end, latencies: latencies)
        FileHandle.standardOutput.write(try JSONEncoder().encode(report))
    }

    /// Following: a store opened before another appends `records` records (one command each, in
    /// batches), then the time its `refresh()` takes to read and apply them all.
    static func measureCatchUp(records: Int, in base: String) throws -> CatchUpMeasurement {
        let folder = DataFolder(path: "\(base)/catch-up")
        let catalogue = SyntheticCatalogue.generate(count: catalogueSize, seed: 11)
        let skus = catalogue.filter { $0.leadTime == nil && $0.availableStock >= 3 }.map(\.sku)
        let policy = SnapshotPolicy(recordsBetweenSnapshots: .max, journalBytesBetweenSnapshots: .max, smallShopProducts: 0)
        let writer = try Store.open(folder, access: .readWrite, policy: policy) { catalogue }
        var samples: [Double] = []
        var journalBytes = 0
        for round in 0..<3 {
            let follower = try Store.open(folder, access: .readOnly) { [] }
            let before = follower.sequence
            var index = 0
            while index < records {
                let batch = min(1_000, records - index)
                let commands = (0..<batch).map { offset -> ShopCommand in
                    let number = index + offset + round
                    return .setCartQuantity(sku: skus[number % skus.count], quantity: 1 + (number / skus.count) % 3, by: .local)
                }
                try writer.executeAll(commands)
                index += batch
            }
            let start = StoreBenchClock.nanoseconds()
            let refresh = try follower.refresh()
            samples.append(StoreBenchClock.seconds(since: start))
            guard refresh.records == records, follower.sequence == before + UInt64(records), follower.state == writer.state else {
                throw ValidationError("catching up read \(refresh.records) records, \(records) were appended")
            }
            journalBytes = Int(((try? FileManager.default.attributesOfItem(atPath: folder.path + "/journal"))?[.size] as? NSNumber)?.intValue ?? 0)
        }
        try writer.close()
        return CatchUpMeasurement(records: records, medianSeconds: samples.sorted()[samples.count / 2],
                                  bestSeconds: samples.min() ?? 0, journalBytes: journalBytes)
    }
}

/// Commits per second and latency of N writer processes, summed over all of them.
struct WriterSummary: Codable {
    var commits: Int
    var seconds: Double
    var commitsPerSecond: Double
    var latency: StoreLatencySummary

    init(_ reports: [WriterBenchmark.ChildReport]) {
        let start = reports.map(\.startNanoseconds).min() ?? 0
        let end = reports.map(\.endNanoseconds).max() ?? 0
        let latencies = reports.flatMap(\.latencies)
        commits = latencies.count
        seconds = Double(end - start) / 1e9
        commitsPerSecond = seconds > 0 ? Double(commits) / seconds : 0
        latency = StoreLatencySummary(latencies)
    }
}

struct WriterRun: Codable {
    var writers: Int
    var commitsPerWriter: Int
    var comptoir: WriterSummary
    var sqlite: WriterSummary
    /// The same writers on PostgreSQL (`--backend postgres`).
    var postgres: WriterSummary?
}

struct CatchUpMeasurement: Codable {
    var records: Int
    var medianSeconds: Double
    var bestSeconds: Double
    var journalBytes: Int
}
