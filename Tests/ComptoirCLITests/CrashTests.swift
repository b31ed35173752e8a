import Foundation
import ShopCore
import Testing

/// Kills `comptoir` with SIGKILL at random moments while it performs acknowledged writes, and checks
/// after every kill that each acknowledged write survived and the store still verifies.
/// `COMPTOIR_CRASH_KILLS=1000 swift test --filter CrashTests` runs the long version.
@Suite("Crash safety")
struct CrashTests {
    static let productCount = 12

    func catalogueFile(in data: TemporaryFolder, titles: [String: String]) throws -> String {
        let products = (0..<Self.productCount).map { index -> String in
            let sku = "CR-\(index)"
            let title = titles[sku] ?? "Crash test item \(index)"
            return #"{"id": \#(index + 1), "sku": "\#(sku)", "title": "\#(title)", "price": 4.2, "stock": 100000, "category": "test"}"#
        }
        return try data.write("catalogue-\(UUID().uuidString).json", "[" + products.joined(separator: ",") + "]")
    }

    enum Operation {
        case setQuantity(sku: String, quantity: Int)
        case retitle(sku: String, title: String)
    }

    struct Observed {
        var quantities: [String: Int]
        var titles: [String: String]
    }

    func observe(_ data: TemporaryFolder) throws -> Observed {
        let cart = try ComptoirProcess.run(["cart", "show", "--json", "--data", data.path])
        #expect(cart.status == 0, "cart show after a crash: \(cart.stderr)")
        var quantities: [String: Int] = [:]
        for line in try parseJSON(cart.stdout)["lines"] as? [[String: Any]] ?? [] {
            quantities[line["sku"] as? String ?? ""] = line["quantity"] as? Int
        }
        let search = try ComptoirProcess.run(["search", "cat:test", "--json", "--limit", "100", "--data", data.path])
        var titles: [String: String] = [:]
        for result in try parseJSON(search.stdout)["results"] as? [[String: Any]] ?? [] {
            titles[result["sku"] as? String ?? ""] = result["title"] as? String
        }
        return Observed(quantities: quantities, titles: titles)
    }

    @Test func acknowledgedWritesSurviveSIGKILL() throws {
        let kills = Int(ProcessInfo.processInfo.environment["COMPTOIR_CRASH_KILLS"] ?? "") ?? 50
        let data = try TemporaryFolder()
        var random = SplitMix64(seed: 20_261_123)
        #expect(try ComptoirProcess.run(["import", catalogueFile(in: data, titles: [:]), "--data", data.path]).status == 0)

        var quantities: [String: Int] = [:]
        var titles: [String: String] = Dictionary(uniqueKeysWithValues: (0..<Self.productCount).map { ("CR-\($0)", "Crash test item \($0)") })
        var killed = 0
        var acknowledged = 0
        var landedDespiteKill = 0
        var iteration = 0
        while killed < kills && iteration < kills * 40 {
            iteration += 1
            let sku = "CR-\(random.next() % UInt64(Self.productCount))"
            let operation: Operation = iteration % 5 == 0
                ? .retitle(sku: sku, title: "Retitled \(iteration)")
                : .setQuantity(sku: sku, quantity: Int(random.next() % 500) + 1)
            let arguments: [String]
            switch operation {
            case let .setQuantity(sku, quantity):
                arguments = ["cart", "set", sku, "\(quantity)", "--data", data.path]
            case let .retitle(sku, title):
                var changed = titles
                changed[sku] = title
                arguments = ["import", try catalogueFile(in: data, titles: changed), "--data", data.path]
            }
            let delay = UInt32(random.next() % 160_000)
            let outcome = try ChildProcess.runKilling(arguments, afterMicroseconds: delay)
            switch outcome {
            case .exited(0):
                acknowledged += 1
                switch operation {
                case let .setQuantity(sku, quantity): quantities[sku] = quantity
                case let .retitle(sku, title): titles[sku] = title
                }
            case let .exited(status):
                Issue.record("comptoir \(arguments.joined(separator: " ")) failed with status \(status)")
            case .killed:
                killed += 1
                let observed = try observe(data)
                // Every acknowledged write is there; the killed one is either wholly there or not at all.
                for index in 0..<Self.productCount {
                    let key = "CR-\(index)"
                    var allowedQuantities: Set<Int?> = [quantities[key]]
                    var allowedTitles: Set<String?> = [titles[key]]
                    switch operation {
                    case let .setQuantity(sku, quantity) where sku == key: allowedQuantities.insert(quantity)
                    case let .retitle(sku, title) where sku == key: allowedTitles.insert(title)
                    default: break
                    }
                    #expect(allowedQuantities.contains(observed.quantities[key]), "\(key) quantity \(String(describing: observed.quantities[key])) after kill \(killed)")
                    #expect(allowedTitles.contains(observed.titles[key]), "\(key) title \(String(describing: observed.titles[key])) after kill \(killed)")
                }
                if observed.quantities != quantities || observed.titles != titles { landedDespiteKill += 1 }
                quantities = observed.quantities
                titles = observed.titles.isEmpty ? titles : observed.titles
                let verify = try ComptoirProcess.run(["store", "verify", "--json", "--data", data.path])
                let report = try parseJSON(verify.stdout)
                #expect(report["problem"] is NSNull, "store verify after kill \(killed): \(verify.stdout)")
            }
        }
        #expect(killed == kills)
        // A clean writable open cuts any torn tail; then the store verifies clean.
        #expect(try ComptoirProcess.run(["store", "snapshot", "--data", data.path]).status == 0)
        let final = try ComptoirProcess.run(["store", "verify", "--data", data.path])
        #expect(final.status == 0, "\(final.stdout)")
        let observed = try observe(data)
        #expect(observed.quantities == quantities)
        #expect(observed.titles == titles)
        print("crash test: \(killed) kills, \(acknowledged) acknowledged writes, \(landedDespiteKill) unacknowledged writes that landed, 0 acknowledged writes lost")
    }
}

/// Runs `comptoir` and sends it SIGKILL after a delay unless it has finished by then.
enum ChildProcess {
    enum Outcome: Equatable {
        case exited(Int32)
        case killed
    }

    static func runKilling(_ arguments: [String], afterMicroseconds delay: UInt32) throws -> Outcome {
        let process = Process()
        process.executableURL = ComptoirProcess.binary
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(delay)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? .killed : .exited(process.terminationStatus)
    }
}

