import ArgumentParser
import Foundation
import ShopCore
import ShopService
import ShopStore
import ShopTUI

/// `comptoir-bench start`: cold start of the shop in the terminal over a large data folder, as
/// `runShop` does it without the terminal: open the store, make the interface state (the search
/// mode follows the catalogue's size), start the session (which starts the index build in the
/// background for a large catalogue) and draw the first frame at 200×60. Then the wait until
/// search is ready and the first search typed after. Each run is a fresh process, so time and
/// peak resident memory are those of a cold start; medians of the runs are reported.
struct StartBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Open a big shop and draw the first frame: time to first frame, to search ready, and memory."
    )

    @Option(help: "Products in the shop.") var products = 1_000_000
    @Option(help: "Orders placed in the shop before it is measured, by synthetic customers.")
    var orders = 0
    @Option(help: "Days of shop time the orders are placed over (what is in progress at once: parcels on their way, cash not yet paid).")
    var days = 1_095
    @Option(help: "Fresh processes to run; medians are reported.") var runs = 5
    @Option(help: "Data folder to use: created with the synthetic catalogue when it has no snapshot, kept afterwards.")
    var dir: String?
    @Option(help: "Screen width in columns.") var width = 200
    @Option(help: "Screen height in rows.") var height = 60
    @Flag(help: "Print the medians, and every run, as JSON.") var json = false
    @Option(help: .hidden) var measureOnce: String?

    func run() throws {
        if let measureOnce {
            let measurement = try StartMeasurement.measure(DataFolder(path: measureOnce), width: width, height: height)
            print(String(decoding: try JSONEncoder().encode(measurement), as: UTF8.self))
            return
        }
        guard orders >= 0 else { throw ValidationError("--orders is \(orders): give 0 or more orders") }
        guard days >= 1 else { throw ValidationError("--days is \(days): give 1 or more days") }
        let name = orders == 0 ? "comptoir-bench-start-\(products)" : "comptoir-bench-start-\(products)-\(orders)-orders"
        let path = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try prepare(DataFolder(path: path))
        var measurements: [StartMeasurement] = []
        for _ in 0..<runs { measurements.append(try measureInChildProcess(path)) }
        func median(_ value: (StartMeasurement) -> Double) -> Double {
            let values = measurements.map(value).sorted()
            return values[values.count / 2]
        }
        if json {
            let summary = StartSummary(
                products: measurements.first?.products ?? 0, orders: measurements.first?.orders ?? 0, width: width, height: height, runs: runs,
                median: StartMeasurement(
                    products: measurements.first?.products ?? 0, orders: measurements.first?.orders, openSeconds: median(\.openSeconds), stateSeconds: median(\.stateSeconds),
                    drawSeconds: median(\.drawSeconds), firstFrameSeconds: median(\.firstFrameSeconds),
                    ordersReadySeconds: median { $0.ordersReadySeconds ?? 0 },
                    searchReadySeconds: median(\.searchReadySeconds), firstSearchSeconds: median(\.firstSearchSeconds),
                    residentAtFirstFrameMegabytes: median(\.residentAtFirstFrameMegabytes),
                    residentWithIndexMegabytes: median(\.residentWithIndexMegabytes), peakResidentMegabytes: median(\.peakResidentMegabytes),
                    peakResidentAtFirstFrameMegabytes: median { $0.peakResidentAtFirstFrameMegabytes ?? 0 },
                    indexMapped: measurements.allSatisfy { $0.indexMapped ?? false }),
                runsMeasured: measurements)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
            return
        }
        print("cold start at \(width)x\(height) over \(measurements.first?.products ?? 0) products and \(measurements.first?.orders ?? 0) orders, "
              + "\(runs) fresh processes, median (min–max):")
        func row(_ label: String, _ value: (StartMeasurement) -> Double, unit: String = "s", digits: Int = 3) {
            let values = measurements.map(value).sorted()
            print(label.padding(toLength: 34, withPad: " ", startingAt: 0)
                  + "\(Self.format(median(value), digits)) \(unit)  (\(Self.format(values.first!, digits))–\(Self.format(values.last!, digits)))")
        }
        row("open the store", \.openSeconds)
        row("first frame (open + state + draw)", \.firstFrameSeconds)
        row("  of which interface state", \.stateSeconds)
        row("  of which first frame drawn", \.drawSeconds)
        row("orders read (on another thread)", { $0.ordersReadySeconds ?? 0 })
        row("search ready", \.searchReadySeconds)
        row("first search typed after", \.firstSearchSeconds)
        row("resident at first frame", \.residentAtFirstFrameMegabytes, unit: "MB", digits: 0)
        row("resident with the index", \.residentWithIndexMegabytes, unit: "MB", digits: 0)
        row("peak resident at first frame", { $0.peakResidentAtFirstFrameMegabytes ?? 0 }, unit: "MB", digits: 0)
        row("peak resident", \.peakResidentMegabytes, unit: "MB", digits: 0)
        print("search index: " + (measurements.allSatisfy { $0.indexMapped ?? false } ? "mapped from the snapshot" : "built after opening"))
    }

    /// Creates the data folder with the synthetic catalogue and a snapshot, unless it has one.
    private func prepare(_ folder: DataFolder) throws {
        if FileManager.default.fileExists(atPath: folder.path + "/snapshot") { return }
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        FileHandle.standardError.write(Data("creating \(folder.path) with \(products) synthetic products…\n".utf8))
        let catalogue = SyntheticCatalogue.generate(count: products, seed: 42)
        let quiet = SnapshotPolicy(recordsBetweenSnapshots: .max, journalBytesBetweenSnapshots: .max)
        let store = try Store.open(folder, access: .readWrite, policy: quiet, seed: { catalogue })
        if orders > 0 {
            FileHandle.standardError.write(Data("placing \(orders) orders…\n".utf8))
            let now = ShopInstant(secondsSince1970: Int64(Date().timeIntervalSince1970))
            var reported = 0
            let summary = try SyntheticOrders.place(orders, overDays: days, in: store, endingAt: now, seed: 7) { placed in
                if placed >= reported + 10_000 {
                    reported = placed
                    FileHandle.standardError.write(Data("  \(placed) orders\n".utf8))
                }
            }
            FileHandle.standardError.write(Data("\(summary.orders) orders by \(summary.customers) customers, \(summary.refused) commands refused\n".utf8))
            for reason in summary.refusalExamples { FileHandle.standardError.write(Data("  such as: \(reason)\n".utf8)) }
        }
        try store.snapshot()
        try store.compact()
        try store.close()
    }

    private func measureInChildProcess(_ path: String) throws -> StartMeasurement {
        try ChildMeasurement.run(["start", "--measure-once", path, "--width", "\(width)", "--height", "\(height)"], measuring: "start")
    }

    private static func format(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}

/// One cold start, measured in its own process.
struct StartMeasurement: Codable {
    var products: Int
    /// Orders in the shop (absent: older runs).
    var orders: Int?
    var openSeconds: Double
    var stateSeconds: Double
    var drawSeconds: Double
    var firstFrameSeconds: Double
    /// When the orders and tickets were known to be read: asked after the first search, so at the latest
    /// then (absent: older runs).
    var ordersReadySeconds: Double?
    var searchReadySeconds: Double
    var firstSearchSeconds: Double
    var residentAtFirstFrameMegabytes: Double
    var residentWithIndexMegabytes: Double
    var peakResidentMegabytes: Double
    /// The peak so far when the first frame is drawn: opening's own peak, before any search.
    var peakResidentAtFirstFrameMegabytes: Double?
    /// Whether the search index came mapped from the snapshot rather than built (absent: older runs).
    var indexMapped: Bool?

    static func measure(_ folder: DataFolder, width: Int, height: Int) throws -> StartMeasurement {
        let start = StoreBenchClock.nanoseconds()
        // As the shop opens it (`runShop`): trade records after the snapshot are left to the first catch-up.
        let store = try Store.open(folder, access: .readWrite, policy: .following, seed: { [] })
        let opened = StoreBenchClock.nanoseconds()
        let index = store.currentSearchIndex()
        let state = AppState(
            shop: store.state, shopper: .local, index: index, width: width, height: height, themes: ThemeCatalog.bundled().themes,
            locale: .enUS, searchMode: .automatic(productCount: store.state.catalogue.count))
        let session = ShopSession(service: ShopService(store: store, hasher: NoPasswordHasher()), state: state)
        let stateReady = StoreBenchClock.nanoseconds()
        let canvas = ShopView.render(session.state)
        let drawn = StoreBenchClock.nanoseconds()
        let residentAtFirstFrame = residentMegabytes("VmRSS")
        let peakAtFirstFrame = residentMegabytes("VmHWM")
        guard session.waitForBackgroundWork(timeout: 300), !session.state.isIndexing else {
            throw ValidationError("the search index was not ready after 5 minutes")
        }
        let searchReady = StoreBenchClock.nanoseconds()
        let residentWithIndex = residentMegabytes("VmRSS")
        session.send(.key(.character("/")))
        for character in "ca" { session.send(.key(.character(character))) }
        guard session.waitForBackgroundWork(timeout: 60) else { throw ValidationError("the first search did not finish") }
        let searched = StoreBenchClock.nanoseconds()
        // A big snapshot's orders are read on another thread while the first frame is made and the
        // first search runs: the first command that needs them (an order, a checkout) waits until here.
        let orderCount = store.state.commerce.orderNumbers.count
        let ordersReady = StoreBenchClock.nanoseconds()
        withExtendedLifetime(canvas) {}
        try store.close()
        func seconds(_ from: UInt64, _ to: UInt64) -> Double { Double(to - from) / 1e9 }
        return StartMeasurement(
            products: session.state.shop.catalogue.count, orders: orderCount, openSeconds: seconds(start, opened), stateSeconds: seconds(opened, stateReady),
            drawSeconds: seconds(stateReady, drawn), firstFrameSeconds: seconds(start, drawn), ordersReadySeconds: seconds(start, ordersReady),
            searchReadySeconds: seconds(start, searchReady), firstSearchSeconds: seconds(searchReady, searched),
            residentAtFirstFrameMegabytes: residentAtFirstFrame, residentWithIndexMegabytes: residentWithIndex,
            peakResidentMegabytes: residentMegabytes("VmHWM"), peakResidentAtFirstFrameMegabytes: peakAtFirstFrame, indexMapped: index?.readsInPlace ?? false)
    }

    /// A line of /proc/self/status in megabytes (VmRSS now, VmHWM the peak).
    static func residentMegabytes(_ key: String) -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix(key + ":") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }
}

/// `start --json`: the medians of the runs, and each run.
struct StartSummary: Codable {
    var products: Int
    var orders: Int
    var width: Int
    var height: Int
    var runs: Int
    var median: StartMeasurement
    var runsMeasured: [StartMeasurement]
}

/// The start benchmark logs nobody in: a hasher that hashes nothing and verifies nothing.
struct NoPasswordHasher: PasswordHasher {
    struct Refused: Error {}
    func hash(_ password: String) throws -> PasswordHash { throw Refused() }
    func verify(_ password: String, against hash: PasswordHash) -> Bool { false }
    func verifyWithoutAccount(_ password: String) -> Bool { false }
}
