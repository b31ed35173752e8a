import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import ShopCore
import ShopStore
import Synchronization

/// `comptoir-bench ssh`: many customers at once on `comptoir serve`, over loopback. The benchmark
/// starts the server (this build's `comptoir`, a free port, a temporary data folder with the demo
/// catalogue or `--products` synthetic ones), reads its resident memory idle, then opens
/// `--sessions` SSH connections (swift-nio-ssh clients, an ed25519 key each, `--connect-at-once`
/// handshakes in flight), each asking for a pty and the shop. Once every shop drew its first
/// screen, every customer searches (`/`, the word, Enter) and moves (j/k), waiting a think time
/// between keys; each key's time to the first byte of the shop's redraw is recorded. Memory is
/// read again after the sessions opened and after the keys. `--churn M` then opens and drops M
/// more sessions one batch after another, to show what an ended session leaves behind.
struct SSHBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssh",
        abstract: "Customers at once on comptoir serve: handshake, keystroke to redraw, server memory per session."
    )

    @Option(help: "Customers connected at once.") var sessions = 100
    @Option(help: "Synthetic products instead of the demo catalogue.") var products: Int?
    @Option(help: "Data folder for --products: made when it has no snapshot, kept afterwards (a large catalogue is slow to make).")
    var dir: String?
    @Option(help: "The comptoir binary to serve with (default: the one next to this benchmark).") var comptoir: String?
    @Option(help: "Terminal width of every customer.") var width = 120
    @Option(help: "Terminal height of every customer.") var height = 40
    @Option(help: "The word each customer searches for.") var word = "co"
    @Option(help: "Milliseconds each customer waits between a redraw and its next key (a random wait up to twice this).")
    var thinkMilliseconds = 300
    @Option(help: "How many of the customers type (the others stay connected and idle); all when not given.") var typists: Int?
    @Option(help: "SSH handshakes in flight at once while the customers connect.") var connectAtOnce = 16
    @Option(help: "Sessions opened and dropped after the measurement, to measure what an ended session leaves.") var churn = 0
    @Flag(help: "Print one JSON object instead of text.") var json = false

    func validate() throws {
        guard (1...20_000).contains(sessions) else { throw ValidationError("--sessions \(sessions) is out of range: give 1 to 20000") }
        if let products, products < 1 { throw ValidationError("--products \(products) is out of range: give 1 or more") }
        if let typists, !(1...sessions).contains(typists) { throw ValidationError("--typists \(typists) is out of range: give 1 to --sessions") }
        guard (0...100_000).contains(churn) else { throw ValidationError("--churn \(churn) is out of range: give 0 to 100000") }
        guard (20...1_000).contains(width), (10...500).contains(height) else {
            throw ValidationError("--width/--height \(width)x\(height) are out of range: give 20-1000 by 10-500")
        }
        guard !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw ValidationError("--word '\(word)' must be letters or digits")
        }
        guard (0...60_000).contains(thinkMilliseconds), (1...1_000).contains(connectAtOnce) else {
            throw ValidationError("--think-milliseconds 0-60000 and --connect-at-once 1-1000, please")
        }
    }

    func run() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-bench-ssh-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = dir ?? scratch.appendingPathComponent("data").path
        if let products { try Self.prepare(DataFolder(path: data), products: products, say: progress) }
        let binary = try comptoir ?? Self.siblingComptoir()

        progress("starting \(binary) serve…")
        let server = try ServeProcess(binary: binary, folder: data, sessions: sessions + churn,
                                      logPath: scratch.appendingPathComponent("serve.log").path)
        defer { server.stop() }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        defer { try? group.syncShutdownGracefully() }
        server.waitUntilIdle()
        var results = SSHBenchmarkResults(sessions: sessions, products: products, width: width, height: height,
                                          thinkMilliseconds: thinkMilliseconds)
        results.typists = min(typists ?? sessions, sessions)
        results.serverResidentMegabytes.idle = server.residentKilobytes() / 1024

        progress("opening \(sessions) sessions…")
        let opened = openSessions(sessions, on: group, port: server.port)
        results.opened = opened.customers.count
        results.failures = opened.failures
        results.screensDrawn = opened.customers.filter { $0.firstScreenMilliseconds != nil }.count
        results.handshakeMilliseconds = Percentiles(opened.customers.compactMap(\.handshakeMilliseconds))
        results.firstScreenMilliseconds = Percentiles(opened.customers.compactMap(\.firstScreenMilliseconds))
        server.waitUntilIdle(timeout: 30)
        results.serverResidentMegabytes.afterOpening = server.residentKilobytes() / 1024

        progress("searching '\(word)' and moving in every session…")
        let cpuBefore = server.cpuSeconds()
        let keys = measureKeys(Array(opened.customers.prefix(typists ?? sessions)))
        results.serverCPUSecondsDuringKeys = server.cpuSeconds() - cpuBefore
        results.keystrokeToRedrawMilliseconds = Percentiles(keys.latencies)
        results.keysWithoutRedraw = keys.missed
        server.waitUntilIdle(timeout: 30)
        results.serverResidentMegabytes.afterKeys = server.residentKilobytes() / 1024
        let added = results.serverResidentMegabytes.afterKeys - results.serverResidentMegabytes.idle
        results.residentKilobytesPerSession = opened.customers.isEmpty ? 0 : added * 1024 / Double(opened.customers.count)

        if churn > 0 {
            progress("opening and dropping \(churn) more sessions…")
            let ended = server.connectionsClosed()
            let churned = openSessions(churn, on: group, port: server.port, closingEach: true)
            // Every dropped session's screen closed on the server (its log line written).
            let deadline = Date().addingTimeInterval(60)
            while server.connectionsClosed() < ended + churned.customers.count, Date() < deadline {
                Thread.sleep(forTimeInterval: 0.1)
            }
            Thread.sleep(forTimeInterval: 1)
            let after = server.residentKilobytes() / 1024
            results.churn = SSHChurnResults(
                sessions: churned.customers.count, closedOnServer: server.connectionsClosed() - ended, residentMegabytesAfter: after,
                residentKilobytesPerEndedSession: churned.customers.isEmpty
                    ? 0 : (after - results.serverResidentMegabytes.afterKeys) * 1024 / Double(churned.customers.count))
        }
        for customer in opened.customers { _ = try? customer.close().wait() }
        results.serverExitStatus = server.stop()
        report(results)
    }

    /// `count` customers connected and shown their first screen, `connectAtOnce` handshakes at a
    /// time; those that failed are counted. With `closingEach`, each connection is closed once its
    /// first screen came.
    private func openSessions(_ count: Int, on group: EventLoopGroup, port: Int, closingEach: Bool = false)
        -> (customers: [SSHLoadCustomer], failures: Int)
    {
        let slots = DispatchSemaphore(value: connectAtOnce)
        let finished = DispatchGroup()
        let outcome = Mutex<(customers: [SSHLoadCustomer], failures: Int)>(([], 0))
        for _ in 0..<count {
            slots.wait()
            finished.enter()
            let customer = SSHLoadCustomer(eventLoop: group.next())
            customer.open(host: "127.0.0.1", port: port, width: width, height: height, marker: "Comptoir")
                .flatMap { closingEach ? customer.close() : customer.eventLoop.makeSucceededVoidFuture() }
                .whenComplete { result in
                    outcome.withLock { outcome in
                        if case .success = result { outcome.customers.append(customer) } else { outcome.failures += 1 }
                    }
                    slots.signal()
                    finished.leave()
                }
        }
        finished.wait()
        return outcome.withLock { $0 }
    }

    /// Every customer types `/`, the word and Enter, then j j j k k j, a think time between keys,
    /// all customers at once (each starting at a random moment within its first think time).
    private func measureKeys(_ customers: [SSHLoadCustomer]) -> (latencies: [Double], missed: Int) {
        let keys = [Array("/".utf8)] + word.map { Array(String($0).utf8) } + [[13]] + "jjjkkj".map { Array(String($0).utf8) }
        let recorder = KeyRecorder()
        let finished = DispatchGroup()
        for customer in customers {
            finished.enter()
            Self.press(keys[...], on: customer, think: thinkMilliseconds, into: recorder).whenComplete { _ in finished.leave() }
        }
        finished.wait()
        return recorder.results
    }

    private static func press(_ keys: ArraySlice<[UInt8]>, on customer: SSHLoadCustomer, think: Int, into recorder: KeyRecorder)
        -> EventLoopFuture<Void>
    {
        guard let key = keys.first else { return customer.eventLoop.makeSucceededVoidFuture() }
        let wait = think == 0 ? 0 : Int64.random(in: 0...Int64(2 * think))
        return customer.eventLoop.scheduleTask(in: .milliseconds(wait)) {}.futureResult
            .flatMap { customer.press(key, timeout: .seconds(10)) }
            .flatMap { latency in
                recorder.record(latency)
                return press(keys.dropFirst(), on: customer, think: think, into: recorder)
            }
    }

    /// Makes the data folder with `products` synthetic products and a snapshot, unless it has one.
    static func prepare(_ folder: DataFolder, products: Int, say: (String) -> Void) throws {
        if FileManager.default.fileExists(atPath: folder.path + "/snapshot") { return }
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        say("creating \(folder.path) with \(products) synthetic products…")
        let catalogue = SyntheticCatalogue.generate(count: products, seed: 42)
        let store = try Store.open(folder, access: .readWrite, seed: { catalogue })
        try store.snapshot()
        try store.compact()
        try store.close()
    }

    /// The `comptoir` built next to this benchmark.
    static func siblingComptoir() throws -> String {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let path = me.deletingLastPathComponent().appendingPathComponent("comptoir").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ValidationError("no comptoir binary next to this benchmark (\(path)): build it, or give --comptoir PATH")
        }
        return path
    }

    private func progress(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    private func report(_ results: SSHBenchmarkResults) {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: (try? encoder.encode(results)) ?? Data("{}".utf8), as: UTF8.self))
            return
        }
        print(results.table)
    }
}

/// Each key's time to its redraw, from every customer's event loop.
private final class KeyRecorder: Sendable {
    private let samples = Mutex<(latencies: [Double], missed: Int)>(([], 0))

    /// A key's latency in ms; nil: no redraw came.
    func record(_ latency: Double?) {
        samples.withLock { samples in
            if let latency { samples.latencies.append(latency) } else { samples.missed += 1 }
        }
    }

    var results: (latencies: [Double], missed: Int) { samples.withLock { $0 } }
}
