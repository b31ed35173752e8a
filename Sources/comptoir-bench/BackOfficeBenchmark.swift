import ArgumentParser
import Foundation
import ShopCore
import ShopStore
import ShopTUI

/// `comptoir-bench backoffice`: the merchant's back office over a data folder with many orders.
/// A frame is `update` + the whole back office drawn into the canvas, as the terminal loop does
/// per key; the terminal itself is not involved. For each pane and screen size: opening it (its
/// digit key), the first frame after the shop changed (what following another process's commit
/// costs), moving the selection (j/k) and opening and closing the selected row's details (Enter,
/// Esc); then Tab through the panes. Then the customer's side: a customer's Orders pane in the
/// shop (`4`, j/k, Enter/Esc on an order). Resident memory after opening the folder and at the end.
///
/// The folder is made by `comptoir-bench start --products P --orders N --runs 1 --dir DIR` when it
/// has no snapshot yet (its synthetic customers, orders, parcels, returns and tickets).
struct BackOfficeBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backoffice",
        abstract: "Open each back-office pane and draw a frame per key over a shop with many orders, at 200x60 and 80x24."
    )

    @Option(help: "Data folder; created through 'comptoir-bench start' when it has no snapshot.")
    var dir: String

    @Option(help: "Products, when the folder is created.")
    var products = 10_000

    @Option(help: "Orders, when the folder is created.")
    var orders = 100_000

    @Option(help: "Shows the folder's trade history this many times over (new numbers and customers), for more orders than the commands place in the time at hand.")
    var replicate = 1

    @Option(help: "Key presses measured per pane for movement; a fifth as many (at least 3) for opening, shop changes and details.")
    var keys = 100

    @Option(help: "Screen sizes, as WIDTHxHEIGHT separated by commas.")
    var sizes = "200x60,80x24"

    @Option(help: "wall: elapsed time; cpu: CPU time of the benchmark thread.")
    var clock = LatencySamples.Clock.wall

    @Flag(help: "Print the results as JSON.")
    var json = false

    private func say(_ line: String) {
        if !json { print(line) }
    }

    func run() throws {
        guard keys > 0 else { throw ValidationError("--keys is \(keys): give 1 or more key presses") }
        guard (1...100).contains(replicate) else { throw ValidationError("--replicate is \(replicate): give 1 to 100 copies") }
        let screens = try parsedSizes()
        try prepare()
        let started = LatencySamples.wallMilliseconds()
        let store = try Store.open(DataFolder(path: dir), access: .readOnly, seed: { [] })
        let openMilliseconds = LatencySamples.wallMilliseconds() - started
        let shop = ReplicatedTrade.replicate(store.state, times: replicate)
        let residentOpen = StartMeasurement.residentMegabytes("VmRSS")
        var results = BackOfficeResults(
            orders: shop.commerce.orderNumbers.count, customers: shop.commerce.accounts.count, tickets: shop.commerce.ticketIDs.count,
            products: shop.catalogue.count, replicated: replicate, keys: keys, clock: clock.rawValue, openStoreMilliseconds: openMilliseconds,
            residentAfterOpenMegabytes: residentOpen)
        say("back office over \(results.orders) orders, \(results.customers) customers, \(results.tickets) threads, \(results.products) products"
            + (replicate > 1 ? " (the folder's \(store.state.commerce.orderNumbers.count) orders \(replicate) times over) " : " ")
            + "(store opened in \(format(openMilliseconds)) ms, \(format(residentOpen)) MB resident)")
        say("frame = update + the whole back office into the canvas (\(clock.rawValue) clock)")
        say("size".padded(8) + "pane".padded(19) + "action".padded(16) + "samples".padded(9, left: true)
            + "median ms".padded(11, left: true) + "p99 ms".padded(10, left: true) + "max ms".padded(10, left: true))
        for (width, height) in screens {
            var state = loggedIn(shop, width: width, height: height)
            var canvas = Canvas(width: width, height: height)
            let first = LatencySamples.wallMilliseconds()
            BackOfficeView.draw(state, into: &canvas)
            results.firstFrameMilliseconds["\(width)x\(height)"] = LatencySamples.wallMilliseconds() - first
            for pane in BackOfficePane.allCases {
                for (action, samples) in measure(pane, state: &state, shop: shop, canvas: &canvas) {
                    results.scenarios.append(report(width, height, pane.title, action, samples))
                }
            }
            var tab = LatencySamples(clock: clock)
            for _ in 0..<max(3, keys / 5) * BackOfficePane.allCases.count { frame(.key(.tab), &state, &canvas, into: &tab) }
            results.scenarios.append(report(width, height, "all", "Tab", tab))
            for (action, samples) in measureCustomerOrders(shop, width: width, height: height) {
                results.scenarios.append(report(width, height, "shop Orders", action, samples))
            }
        }
        results.residentAtEndMegabytes = StartMeasurement.residentMegabytes("VmRSS")
        results.peakResidentMegabytes = StartMeasurement.residentMegabytes("VmHWM")
        say("resident at the end \(format(results.residentAtEndMegabytes)) MB, peak \(format(results.peakResidentMegabytes)) MB")
        withExtendedLifetime(store) {}
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        }
    }

    /// Creates the folder through `comptoir-bench start` (in a child process) unless it has a snapshot.
    private func prepare() throws {
        if FileManager.default.fileExists(atPath: dir + "/snapshot") { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["start", "--products", "\(products)", "--orders", "\(orders)", "--runs", "1", "--dir", dir, "--json"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("making \(dir) with 'comptoir-bench start' failed with status \(process.terminationStatus)")
        }
    }

    private func parsedSizes() throws -> [(Int, Int)] {
        try sizes.split(separator: ",").map { size in
            let parts = size.split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, parts[0] >= 20, parts[1] >= 10 else {
                throw ValidationError("--sizes has '\(size)': give WIDTHxHEIGHT such as 200x60, separated by commas")
            }
            return (parts[0], parts[1])
        }
    }

    /// The back office with a member of staff logged in (the login itself is not measured).
    private func loggedIn(_ shop: ShopState, width: Int, height: Int) -> BackOfficeState {
        let now = shop.commerce.shopTime(wallClock: ShopInstant(secondsSince1970: Int64(Date().timeIntervalSince1970)))
        var state = BackOfficeState(shop: shop, width: width, height: height, themes: ThemeCatalog.bundled().themes, now: now)
        state.staff = StaffMember(email: "bench@example.org", name: "Bench", role: .owner, passwordHash: PasswordHash(encoded: "scrypt$bench"),
                                  addedAt: now)
        state.screens.close(.login)
        return state
    }

    /// One frame: the message through `update`, then the whole back office drawn.
    private func frame(_ message: Message, _ state: inout BackOfficeState, _ canvas: inout Canvas, into samples: inout LatencySamples) {
        samples.measure {
            _ = BackOfficeUpdate.update(&state, message)
            BackOfficeView.draw(state, into: &canvas)
        }
    }

    /// Opening the pane, the frame after a shop change, movement, and the details of the selection.
    private func measure(_ pane: BackOfficePane, state: inout BackOfficeState, shop: ShopState,
                         canvas: inout Canvas) -> [(String, LatencySamples)] {
        let repeats = max(3, keys / 5)
        let digit = Key.character(Character(String(pane.rawValue)))
        let other = Key.character(Character(String(pane.rawValue % BackOfficePane.allCases.count + 1)))
        var open = LatencySamples(clock: clock), changed = LatencySamples(clock: clock), moves = LatencySamples(clock: clock)
        var details = LatencySamples(clock: clock), queues = LatencySamples(clock: clock)
        var unmeasured = LatencySamples(clock: clock)
        for _ in 0..<repeats {
            frame(.key(other), &state, &canvas, into: &unmeasured)
            frame(.key(digit), &state, &canvas, into: &open)
        }
        // The worst queue to move in: every order.
        if pane == .orders { state.orderFilter = .all }
        for _ in 0..<repeats { frame(.shopChanged(shop, catalogueChanged: false), &state, &canvas, into: &changed) }
        var movement: [Key] = []
        while movement.count < keys { movement += Array(repeating: .character("j"), count: 30) + Array(repeating: .character("k"), count: 10) }
        for key in movement.prefix(keys) { frame(.key(key), &state, &canvas, into: &moves) }
        var measured = [("open (\(pane.rawValue))", open), ("shop changed", changed), ("j/k", moves)]
        if [.orders, .support, .customers].contains(pane) {
            for _ in 0..<repeats {
                frame(.key(.enter), &state, &canvas, into: &details)
                frame(.key(.escape), &state, &canvas, into: &details)
            }
            measured.append(("Enter/Esc", details))
        }
        if pane == .orders {
            for step in 0..<repeats * 2 { frame(.key(step % 8 < 4 ? .left : .right), &state, &canvas, into: &queues) }
            measured.append(("queue ←→", queues))
            state.orderFilter = .toShip
        }
        return measured
    }

    /// The shop as the first customer sees it: their Orders pane opened, moved in, an order opened and closed.
    private func measureCustomerOrders(_ shop: ShopState, width: Int, height: Int) -> [(String, LatencySamples)] {
        guard let customer = shop.commerce.accountsInOrder.first else { return [] }
        var state = AppState(shop: shop, shopper: .account(customer.id), index: nil, width: width, height: height,
                             themes: ThemeCatalog.bundled().themes, locale: .enUS, searchMode: .automatic(productCount: shop.catalogue.count))
        var canvas = Canvas(width: width, height: height)
        let repeats = max(3, keys / 5)
        var open = LatencySamples(clock: clock), moves = LatencySamples(clock: clock), details = LatencySamples(clock: clock)
        var unmeasured = LatencySamples(clock: clock)
        func frame(_ key: Key, into samples: inout LatencySamples) {
            samples.measure {
                _ = update(&state, .key(key))
                ShopView.draw(state, into: &canvas)
            }
        }
        for _ in 0..<repeats {
            frame(.character("3"), into: &unmeasured)
            frame(.character("4"), into: &open)
        }
        for step in 0..<keys { frame(step % 4 < 2 ? .character("j") : .character("k"), into: &moves) }
        for _ in 0..<repeats {
            frame(.enter, into: &details)
            frame(.escape, into: &details)
        }
        return [("open (4)", open), ("j/k", moves), ("Enter/Esc", details)]
    }

    private func report(_ width: Int, _ height: Int, _ pane: String, _ action: String, _ samples: LatencySamples) -> BackOfficeResults.Scenario {
        say("\(width)x\(height)".padded(8) + pane.padded(19) + action.padded(16) + "\(samples.milliseconds.count)".padded(9, left: true)
            + format(samples.median).padded(11, left: true) + format(samples.p99).padded(10, left: true)
            + format(samples.percentile(100)).padded(10, left: true))
        return BackOfficeResults.Scenario(
            width: width, height: height, pane: pane, action: action, samples: samples.milliseconds.count,
            medianMilliseconds: samples.median, p99Milliseconds: samples.p99, maxMilliseconds: samples.percentile(100))
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// `backoffice --json`.
struct BackOfficeResults: Codable {
    struct Scenario: Codable {
        var width: Int
        var height: Int
        var pane: String
        var action: String
        var samples: Int
        var medianMilliseconds: Double
        var p99Milliseconds: Double
        var maxMilliseconds: Double
    }

    var orders: Int
    var customers: Int
    var tickets: Int
    var products: Int
    /// How many times over the folder's trade history was shown.
    var replicated: Int
    var keys: Int
    var clock: String
    var openStoreMilliseconds: Double
    var residentAfterOpenMegabytes: Double
    /// The first frame drawn at each size ("200x60"), on the Orders pane.
    var firstFrameMilliseconds: [String: Double] = [:]
    var scenarios: [Scenario] = []
    var residentAtEndMegabytes: Double = 0
    var peakResidentMegabytes: Double = 0
}

extension String {
    fileprivate func padded(_ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - count))
        return left ? padding + self : self + padding
    }
}
