import ArgumentParser
import Dispatch
import Foundation
import ShopCore
import ShopService
import ShopStore
import ShopTUI
import Synchronization

/// `comptoir-bench session`: what a key costs the terminal loop when it asks for a commit (the cart's
/// `+`/`-`, each journaled and fsynced), and what a list move costs while another session on the
/// same worker commits without pause, on a real store in a temporary folder.
///
/// "inline" replays the runtime before the shop worker, which committed on the loop's thread: the
/// key's frame waited for the commit and its outcome. "worker" is the runtime now: the key's frame
/// only hands the command to the worker; the outcome shows in a later frame ("outcome" is the
/// time from the key to that frame).
struct SessionBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Frames of the terminal runtime while commits run: on the loop's thread (before) and on the shop worker."
    )

    @Option(help: "Number of synthetic products.")
    var products = 10_000

    @Option(help: "Key presses measured per scenario.")
    var keys = 300

    @Option(help: "Screen width in columns.")
    var width = 200

    @Option(help: "Screen height in rows.")
    var height = 60

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-bench-session-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let synthetic = SyntheticCatalogue(products: products, seed: 2026).products
        let store = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { synthetic })
        let worker = ShopWorker(service: ShopService(store: store, hasher: NoPasswordHasher()))
        defer { try? worker.close() }
        let sku = try requireProductSKU(in: synthetic)
        let kiosk = Shopper.session("local:kiosk")
        try worker.sync { service in
            try service.execute(.setCartQuantity(sku: sku, quantity: 1, by: .local))
            try service.execute(.setCartQuantity(sku: sku, quantity: 1, by: kiosk))
        }
        let session = ShopSession(worker: worker, state: state(worker, .local))
        session.send(.key(.character("3")))
        guard session.waitForBackgroundWork(timeout: 600) else { throw ValidationError("the session did not settle") }

        print("\(products) products, \(width)x\(height), \(keys) keys per scenario; a frame = send the key + collect finished work + draw")
        print("scenario".padded(34) + "frame p50".padded(11, left: true) + "frame p99".padded(11, left: true)
              + "outcome p50".padded(13, left: true) + "outcome p99".padded(13, left: true))
        let cartKeys = (0..<keys).map { $0 % 2 == 0 ? Key.character("+") : Key.character("-") }
        report("cart +/-, commit inline (before)", measure(session, keys: cartKeys, waitsInFrame: true))
        report("cart +/-, commit on the worker", measure(session, keys: cartKeys, waitsInFrame: false))

        let other = ShopSession(worker: worker, state: state(worker, kiosk))
        other.send(.key(.character("3")))
        _ = other.waitForBackgroundWork(timeout: 60)
        session.send(.key(.character("1")))
        let moves = (0..<keys).map { $0 % 50 == 49 ? Key.home : Key.down }
        report("list moves, nothing else", measure(session, keys: moves, waitsInFrame: false, measuresOutcome: false))
        let stop = Atomic<Bool>(false)
        let done = DispatchSemaphore(value: 0)
        let committer = Committer(other)
        DispatchQueue.global().async {
            committer.run(until: stop)
            done.signal()
        }
        report("list moves, other session commits", measure(session, keys: moves, waitsInFrame: false, measuresOutcome: false))
        stop.store(true, ordering: .relaxed)
        _ = done.wait(timeout: .now() + 60)
        print("commits by the other session meanwhile: \(committer.count)")
    }

    private func state(_ worker: ShopWorker, _ shopper: Shopper) -> AppState {
        AppState(shop: worker.snapshot.state, shopper: shopper, width: width, height: height, themes: ThemeCatalog.bundled().themes,
                 colourDepth: .indexed256, locale: .enUS, searchMode: .automatic(productCount: products))
    }

    /// Another customer's session pressing `+` and `-` in its cart as fast as its commits go.
    private final class Committer: @unchecked Sendable {
        private let session: ShopSession
        private(set) var count = 0

        init(_ session: ShopSession) { self.session = session }

        func run(until stop: borrowing Atomic<Bool>) {
            while !stop.load(ordering: .relaxed), count < 100_000 {
                session.send(.key(.character(count % 2 == 0 ? "+" : "-")))
                _ = session.waitForBackgroundWork(timeout: 60)
                count += 1
            }
        }
    }

    private struct Samples {
        var frame = LatencySamples(clock: .wall)
        var outcome = LatencySamples(clock: .wall)
    }

    /// Each key as the terminal loop handles it: the key sent, finished work collected, the frame
    /// drawn. Inline, the frame also waits for the commit and shows its outcome, as before the
    /// worker. On the worker, the outcome's frame comes once the worker is done.
    private func measure(_ session: ShopSession, keys: [Key], waitsInFrame: Bool, measuresOutcome: Bool = true) -> Samples {
        var samples = Samples()
        var canvas = Canvas(width: width, height: height)
        for key in keys {
            let pressed = LatencySamples.wallMilliseconds()
            samples.frame.measure {
                session.send(.key(key))
                if waitsInFrame { _ = session.waitForBackgroundWork(timeout: 60) }
                session.collectBackgroundWork()
                ShopView.draw(session.state, into: &canvas)
            }
            guard measuresOutcome, !waitsInFrame, session.hasBackgroundWork else { continue }
            _ = session.waitForBackgroundWork(timeout: 60)
            ShopView.draw(session.state, into: &canvas)
            samples.outcome.record(LatencySamples.wallMilliseconds() - pressed)
        }
        return samples
    }

    private func report(_ name: String, _ samples: Samples) {
        var line = name.padded(34) + format(samples.frame.median).padded(11, left: true) + format(samples.frame.p99).padded(11, left: true)
        if !samples.outcome.milliseconds.isEmpty {
            line += format(samples.outcome.median).padded(13, left: true) + format(samples.outcome.p99).padded(13, left: true)
        }
        print(line)
    }

    private func format(_ milliseconds: Double) -> String {
        String(format: "%.2f", milliseconds)
    }
}

/// A product with stock for two units, to put in the carts.
private func requireProductSKU(in products: [Product]) throws -> String {
    guard let product = products.first(where: { $0.stockOnHand >= 5 }) else { throw ValidationError("no product in stock") }
    return product.sku
}

extension String {
    fileprivate func padded(_ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - count))
        return left ? padding + self : self + padding
    }
}
