import Foundation
import ShopCore
import ShopStore

struct StoreLatencySummary: Codable {
    var count: Int
    var medianMicroseconds: Double
    var p99Microseconds: Double
    var maxMicroseconds: Double

    init(_ samples: [UInt64]) {
        let sorted = samples.sorted()
        count = sorted.count
        func at(_ fraction: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))
            return Double(sorted[index]) / 1_000
        }
        medianMicroseconds = at(0.5)
        p99Microseconds = at(0.99)
        maxMicroseconds = Double(sorted.last ?? 0) / 1_000
    }
}

/// Time and memory of opening a shop in a fresh process.
struct StoreLoadMeasurement: Codable {
    var seconds: Double
    var cpuSeconds: Double
    var mainThreadCPUSeconds: Double
    var products: Int
    var sequence: UInt64
    var residentMegabytes: Double
    var peakResidentMegabytes: Double
    /// Building the search index over the loaded catalogue, the rest of a cold start's work (`--index`).
    var indexSeconds: Double?
    var indexCPUSeconds: Double?
    var residentMegabytesWithIndex: Double?

    static func measure(_ folder: DataFolder, buildingIndex: Bool) throws -> StoreLoadMeasurement {
        let start = StoreBenchClock.nanoseconds()
        let cpuStart = StoreBenchClock.cpuNanoseconds()
        let threadStart = StoreBenchClock.threadCPUNanoseconds()
        let store = try Store.open(folder, access: .readWrite, seed: { [] })
        let seconds = StoreBenchClock.seconds(since: start)
        let cpuSeconds = StoreBenchClock.cpuSeconds(since: cpuStart)
        let mainThreadCPUSeconds = Double(StoreBenchClock.threadCPUNanoseconds() - threadStart) / 1e9
        func kilobytes(_ key: String) -> Double {
            let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix(key + ":") } ?? ""
            return Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        var measurement = StoreLoadMeasurement(
            seconds: seconds, cpuSeconds: cpuSeconds, mainThreadCPUSeconds: mainThreadCPUSeconds, products: store.state.catalogue.count, sequence: store.sequence,
            residentMegabytes: kilobytes("VmRSS") / 1024, peakResidentMegabytes: kilobytes("VmHWM") / 1024
        )
        guard buildingIndex else { return measurement }
        let indexStart = StoreBenchClock.nanoseconds()
        let indexCPUStart = StoreBenchClock.cpuNanoseconds()
        let index = SearchIndex(catalogue: store.state.catalogue)
        measurement.indexSeconds = StoreBenchClock.seconds(since: indexStart)
        measurement.indexCPUSeconds = StoreBenchClock.cpuSeconds(since: indexCPUStart)
        withExtendedLifetime(index) { measurement.residentMegabytesWithIndex = kilobytes("VmRSS") / 1024 }
        return measurement
    }
}

struct StoreBenchmarkResults: Codable {
    var commands: Int
    var products: Int
    var cartEvents: Int
    var journal = StoreLatencySummary([])
    var sqlite = StoreLatencySummary([])
    var generateSeconds = 0.0
    var seedJournalSeconds = 0.0
    var snapshotWriteSeconds = 0.0
    var snapshotWriteCPUSeconds = 0.0
    var snapshotBytes = 0
    var cartEventsJournalSeconds = 0.0
    var cartEventsAccepted = 0
    var journalBytes = 0
    var compactSeconds = 0.0
    var openWithReplay: StoreLoadMeasurement?
    var openSnapshotOnly: StoreLoadMeasurement?
    /// Bytes of one `Product` value in the catalogue's array, before its heap-allocated strings.
    var productStride = MemoryLayout<Product>.stride
    /// N writer processes on one folder against N processes on one SQLite database (`--writers`).
    var writers: [WriterRun]?
    /// A follower reading what another process appended (`--writers`).
    var catchUp: CatchUpMeasurement?
    /// Commit acknowledged on one PostgreSQL store to visible on another (`--backend postgres`).
    var visibility: StoreLatencySummary?

    var table: String {
        func ms(_ seconds: Double) -> String { String(format: "%.0f ms", seconds * 1_000) }
        func us(_ value: Double) -> String { String(format: "%.0f µs", value) }
        func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        var lines = ["wall-clock times, with the CPU time of the process in brackets where a shared machine makes them differ:"]
        if journal.count > 0 { lines += singleWriterLines(ms: ms, us: us, mb: mb) }
        if let writers {
            lines.append("writer processes on one data folder (cart commands) vs on one SQLite database (one row per transaction):")
            for run in writers {
                for (name, summary) in [("comptoir", run.comptoir), ("SQLite  ", run.sqlite), ("postgres", run.postgres)].compactMap({ pair in pair.1.map { (pair.0, $0) } }) {
                    let rate = String(format: "%6.0f", summary.commitsPerSecond)
                    lines.append("  \(run.writers) writers  \(name)  \(rate) commits/s   median \(us(summary.latency.medianMicroseconds))   p99 \(us(summary.latency.p99Microseconds))   max \(us(summary.latency.maxMicroseconds))")
                }
            }
        }
        if let visibility {
            lines.append("a commit on PostgreSQL visible to another store (LISTEN/NOTIFY, then refresh), \(visibility.count) commits: median \(us(visibility.medianMicroseconds))   p99 \(us(visibility.p99Microseconds))   max \(us(visibility.maxMicroseconds))")
        }
        if let catchUp {
            lines.append("catching up \(catchUp.records) records another process appended: median \(ms(catchUp.medianSeconds)), best \(ms(catchUp.bestSeconds))")
        }
        return lines.joined(separator: "\n")
    }

    private func singleWriterLines(ms: (Double) -> String, us: (Double) -> String, mb: (Int) -> String) -> [String] {
        var lines = [
            "journaled command (\(journal.count) setCartQuantity, written + fsynced before returning):",
            "  comptoir journal   median \(us(journal.medianMicroseconds))   p99 \(us(journal.p99Microseconds))   max \(us(journal.maxMicroseconds))",
            "  SQLite WAL FULL    median \(us(sqlite.medianMicroseconds))   p99 \(us(sqlite.p99Microseconds))   max \(us(sqlite.maxMicroseconds))",
            "big shop: \(products) products, then \(cartEvents) cart commands journaled after the snapshot (stand-in for orders):",
            "  snapshot write     \(ms(snapshotWriteSeconds)) (CPU \(ms(snapshotWriteCPUSeconds)))   size \(mb(snapshotBytes))",
            "  cart commands      \(cartEventsAccepted) accepted in \(ms(cartEventsJournalSeconds)), batches of 1000 (group commit), journal \(mb(journalBytes))",
            "  compact            \(ms(compactSeconds))",
        ]
        if let open = openWithReplay {
            lines.append("  open = snapshot + \(cartEvents) records replayed   \(ms(open.seconds)) (CPU \(ms(open.cpuSeconds)), main thread \(ms(open.mainThreadCPUSeconds)))   RSS \(String(format: "%.0f", open.residentMegabytes)) MB (peak \(String(format: "%.0f", open.peakResidentMegabytes)) MB)")
        }
        if let open = openSnapshotOnly {
            lines.append("  open = snapshot only   \(ms(open.seconds)) (CPU \(ms(open.cpuSeconds)), main thread \(ms(open.mainThreadCPUSeconds)))   RSS \(String(format: "%.0f", open.residentMegabytes)) MB (peak \(String(format: "%.0f", open.peakResidentMegabytes)) MB)")
        }
        if let open = openWithReplay, let seconds = open.indexSeconds, let cpu = open.indexCPUSeconds, let resident = open.residentMegabytesWithIndex {
            lines.append("  then search index  \(ms(seconds)) (CPU \(ms(cpu)))   RSS with index \(String(format: "%.0f", resident)) MB")
        }
        lines.append("  (one Product value is \(productStride) bytes before its strings; \(products) of them: \(mb(productStride * products)))")
        return lines
    }
}
