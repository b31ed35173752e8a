import ArgumentParser
import Foundation
import ShopCore
import ShopTUI

/// `comptoir-bench frame`: one key press = `update` + the whole screen drawn into the canvas, at
/// 200×60 over the synthetic catalogue, for list movement, typing in the search box and filter
/// toggles. The terminal itself is not involved: this is the interface's own cost per frame.
///
/// With `--search background` (what the shop does from 100,000 products) a key's frame only asks
/// for the search; the search runs on the runtime's queue (`SearchWorker`) while the frame is
/// drawn, and the results are shown by a second frame when they come. Each key waits for its
/// results before the next (a fast typist is ~100 ms apart), and besides the key's frame the
/// benchmark reports that results frame and the time from the key press to the results on screen.
struct FrameBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frame",
        abstract: "Update and draw one frame per key press at 200x60 over a large catalogue."
    )

    @Option(help: "Number of synthetic products.")
    var products = 1_000_000

    @Option(help: "Screen width in columns.")
    var width = 200

    @Option(help: "Screen height in rows.")
    var height = 60

    @Option(help: "Key presses measured per scenario.")
    var keys = 2_000

    @Option(help: "wall: elapsed time; cpu: CPU time of the benchmark thread.")
    var clock = LatencySamples.Clock.wall

    @Option(help: "inline: search in update, before the frame (small catalogues); background: off the frame, as the shop does from 100,000 products.")
    var search = SearchModeChoice.background

    @Option(help: "Path of a built comptoir binary: also count the bytes it writes to a pty per list move (demo catalogue).")
    var ptyBinary: String?

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Flag(help: "Search the index as a snapshot holds it: written out as its image and used in place.")
    var image = false

    /// A line of the table; nothing with `--json`.
    private func say(_ line: String) {
        if !json { print(line) }
    }

    func run() throws {
        let wallClock = ContinuousClock()
        var started = wallClock.now
        let synthetic = SyntheticCatalogue(products: products, seed: 2026)
        let catalogue = Catalogue(products: synthetic.products)
        say("catalogue of \(catalogue.count) products built in \(wallClock.now - started)")
        started = wallClock.now
        var index = SearchIndex(catalogue: catalogue)
        say("search index built in \(wallClock.now - started)")
        if image { index = try IndexImageMemory.inPlace(index) }
        started = wallClock.now
        let initial = AppState(shop: ShopState(catalogue: catalogue), shopper: .local, index: index, width: width, height: height,
                               themes: ThemeCatalog.bundled().themes, colourDepth: .indexed256, locale: .enUS,
                               searchMode: search.mode)
        var canvas = Canvas(width: width, height: height)
        ShopView.draw(initial, into: &canvas)
        let firstFrame = wallClock.now - started
        say("first frame in \(firstFrame)")
        say("frame = update + full view into the canvas at \(width)x\(height), \(keys) keys per scenario (\(clock.rawValue) clock), search \(search.rawValue)")
        say("scenario".padded(18) + "median ms".padded(12, left: true) + "p99 ms".padded(12, left: true) + "max ms".padded(12, left: true)
              + "view p50".padded(12, left: true) + "view p99".padded(12, left: true)
              + "results p50".padded(13, left: true) + "results p99".padded(13, left: true) + "res.frame p99".padded(15, left: true))

        var results = FrameResults(
            products: catalogue.count, width: width, height: height, keys: keys, clock: clock.rawValue, search: search.rawValue,
            firstFrameMilliseconds: Double(firstFrame.components.attoseconds) / 1e15 + Double(firstFrame.components.seconds) * 1000)
        results.scenarios.append(report("list movement", measure(initial, canvas: &canvas, keys: listKeys())))
        results.scenarios.append(report("typing in search", measure(initial, canvas: &canvas, keys: typingKeys(vocabulary: synthetic.vocabulary))))
        results.scenarios.append(report("filter toggles", measure(initial, canvas: &canvas, keys: filterKeys())))
        if search == .background {
            say("results = key press to its results drawn (search on the background queue + the results frame);")
            say("res.frame = the frame that shows them (update with .searchFinished + view)")
        }

        if let ptyBinary {
            let bytes = try FrameBytesThroughPty(binary: ptyBinary, width: width, height: height, moves: 50).measure()
            let sorted = bytes.perMove.sorted()
            let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
            results.ptyBytes = FrameResults.PtyBytes(firstFrame: bytes.firstFrame, perMoveMedian: median, perMoveMax: sorted.last ?? 0)
            say("bytes to the terminal at \(width)x\(height): first frame \(bytes.firstFrame), per list move median \(median), max \(sorted.last ?? 0)")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        }
    }

    /// Down most of the time, a page now and then, and back to the top at the end of each cycle.
    private func listKeys() -> [Key] {
        var keys: [Key] = []
        while keys.count < self.keys {
            keys += Array(repeating: .down, count: 40) + [.pageDown, .pageDown, .up, .pageUp] + Array(repeating: .down, count: 20) + [.home]
        }
        return Array(keys.prefix(self.keys))
    }

    /// Words of the catalogue typed letter by letter, then erased, as someone refining a search.
    private func typingKeys(vocabulary: [String]) -> [Key] {
        var keys: [Key] = [.character("/")]
        var rank = 0
        while keys.count < self.keys {
            let query = "\(vocabulary[rank % 50]) \(vocabulary[(rank * 7 + 3) % 400])"
            keys += query.map { .character($0) }
            keys += Array(repeating: .backspace, count: query.count)
            rank += 1
        }
        return Array(keys.prefix(self.keys))
    }

    /// In the Filters pane: in-stock on and off, the sort cycled, the first brands ticked and unticked.
    private func filterKeys() -> [Key] {
        var keys: [Key] = [.character("2")]
        while keys.count < self.keys {
            keys += [.home, .down, .enter, .enter, .up, .right, .left]
            keys += [.down, .down, .down, .down, .enter, .down, .enter, .enter, .up, .enter]
        }
        return Array(keys.prefix(self.keys))
    }

    struct Samples {
        var frame: LatencySamples
        var view: LatencySamples
        /// Key press to its results drawn, and the results frame alone (background search only).
        var results: LatencySamples
        var resultFrame: LatencySamples
    }

    /// Whole frames (update, which may search or ask for a search, then the view), the view alone
    /// and, for background searches, the wait for the results and the frame that shows them.
    private func measure(_ initial: AppState, canvas: inout Canvas, keys: [Key]) -> Samples {
        var state = initial
        var samples = Samples(frame: LatencySamples(clock: clock), view: LatencySamples(clock: clock),
                              results: LatencySamples(clock: .wall), resultFrame: LatencySamples(clock: clock))
        let worker = SearchWorker()
        for key in keys {
            let pressed = LatencySamples.wallMilliseconds()
            // As the terminal loop does: the frame first, then the search it asked for.
            let effects = samples.frame.measure {
                let effects = update(&state, .key(key))
                samples.view.measure { ShopView.draw(state, into: &canvas) }
                return effects
            }
            for effect in effects { _ = worker.start(effect, state: state) }
            guard worker.isBusy else { continue }
            guard worker.waitUntilIdle(timeout: 60) else { fatalError("a background search took over a minute") }
            samples.resultFrame.measure {
                for message in worker.takeFinished() { _ = update(&state, message) }
                ShopView.draw(state, into: &canvas)
            }
            samples.results.record(LatencySamples.wallMilliseconds() - pressed)
        }
        return samples
    }

    private func report(_ name: String, _ samples: Samples) -> FrameResults.Scenario {
        let scenario = FrameResults.Scenario(
            name: name, frameMedianMilliseconds: samples.frame.median, frameP99Milliseconds: samples.frame.p99,
            frameMaxMilliseconds: samples.frame.percentile(100), viewMedianMilliseconds: samples.view.median,
            viewP99Milliseconds: samples.view.p99,
            resultsMedianMilliseconds: samples.results.milliseconds.isEmpty ? nil : samples.results.median,
            resultsP99Milliseconds: samples.results.milliseconds.isEmpty ? nil : samples.results.p99,
            resultsFrameP99Milliseconds: samples.results.milliseconds.isEmpty ? nil : samples.resultFrame.p99)
        defer { say(line(name, samples)) }
        return scenario
    }

    private func line(_ name: String, _ samples: Samples) -> String {
        var line = name.padded(18) + format(samples.frame.median).padded(12, left: true) + format(samples.frame.p99).padded(12, left: true)
            + format(samples.frame.percentile(100)).padded(12, left: true)
            + format(samples.view.median).padded(12, left: true) + format(samples.view.p99).padded(12, left: true)
        if !samples.results.milliseconds.isEmpty {
            line += format(samples.results.median).padded(13, left: true) + format(samples.results.p99).padded(13, left: true)
                + format(samples.resultFrame.p99).padded(15, left: true)
        }
        return line
    }

    private func format(_ milliseconds: Double) -> String {
        let hundredths = Int((milliseconds * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}

/// `frame --json`.
struct FrameResults: Codable {
    struct Scenario: Codable {
        var name: String
        var frameMedianMilliseconds: Double
        var frameP99Milliseconds: Double
        var frameMaxMilliseconds: Double
        var viewMedianMilliseconds: Double
        var viewP99Milliseconds: Double
        /// Key press to its results drawn, and the frame showing them (background search only).
        var resultsMedianMilliseconds: Double?
        var resultsP99Milliseconds: Double?
        var resultsFrameP99Milliseconds: Double?
    }

    struct PtyBytes: Codable {
        var firstFrame: Int
        var perMoveMedian: Int
        var perMoveMax: Int
    }

    var products: Int
    var width: Int
    var height: Int
    var keys: Int
    var clock: String
    var search: String
    var firstFrameMilliseconds: Double
    var scenarios: [Scenario] = []
    var ptyBytes: PtyBytes?
}

/// `--search`: where the frame benchmark's searches run.
enum SearchModeChoice: String, ExpressibleByArgument {
    case inline
    case background

    var mode: SearchMode { self == .inline ? .inline : .background }
}

extension String {
    fileprivate func padded(_ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - count))
        return left ? padding + self : self + padding
    }
}
