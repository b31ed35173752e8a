@preconcurrency import CNCurses
@preconcurrency import Glibc
import ShopCore
import ShopSecurity
import ShopService
import ShopStore
import ShopTUI

/// Opens the shop in the terminal and returns the process exit code. Refuses with one line on
/// stderr (and a non-zero code) without a terminal, with an unknown `TERM`, a non-UTF-8 locale, or
/// a data folder that cannot be opened. The terminal is restored on quit, on error and on
/// SIGINT/SIGTERM.
@MainActor
public func runShop(options: ShopLaunchOptions) -> Int32 {
    setlocale(LC_ALL, "")
    if let refusal = TerminalRequirements.check(environment: options.environment) {
        printError(refusal.description)
        return 2
    }
    // Before the store opens, so a demo's temporary folder is removed on SIGINT/SIGTERM too.
    SignalWatch.install()
    let store: Store
    let demoFolder: DemoFolder?
    switch openStore(options) {
    case let .success(opened): (store, demoFolder) = opened
    case let .failure(problem):
        printError(problem.description)
        return problem.exitCode
    }
    defer { demoFolder?.remove() }
    var catalog = ThemeCatalog.load(environment: options.environment)
    let (themeIndex, themeProblem) = catalog.choose(requested: options.theme, environment: options.environment)
    let notices = catalog.problems.map { "\($0); it was left out" } + (themeProblem.map { [$0] } ?? []) + store.warnings

    guard let screen = NCursesScreen(term: options.environment["TERM"] ?? "") else {
        printError(TerminalRefusal.unknownTerminal(options.environment["TERM"]).description)
        try? store.close()
        return 2
    }
    let size = screen.size
    // A large shop's index comes mapped from the snapshot, ready: nothing is built before search works.
    var state = AppState(
        shop: store.state, shopper: options.shopper, index: store.currentSearchIndex(), width: size.width, height: size.height, themes: catalog.themes, themeIndex: themeIndex,
        colourDepth: screen.colourDepth, locale: ShopLocale.from(posix: options.environment["LC_ALL"] ?? options.environment["LANG"]),
        searchMode: .automatic(productCount: store.state.catalogue.count))
    state.timeZone = ShopTimeZone.customer(tz: options.environment["TZ"])
    // The demo's shop time runs `clockSpeed` times faster than the wall, held at the wall's pace
    // while a customer payment is awaited (see `AcceleratedClock`).
    let clock: any ShopClock = options.clockSpeed > 1 ? AcceleratedClock(speed: options.clockSpeed, start: WallClock().now) : WallClock()
    let service = ShopService(store: store, clock: clock, entropy: SystemEntropy(), hasher: ScryptPasswordHasher())
    // From here on the worker owns the store: commits, following and catching up run off this thread.
    let worker = ShopWorker(service: service)
    let session = ShopSession(worker: worker, state: state)
    for notice in notices { session.send(.notice(notice, isError: true)) }

    var playback: DemoPlayback?
    switch options.demo {
    case .shop?:
        session.send(.demoBanner(DemoBanner()))
        session.send(.notice(DemoAccount.welcome, isError: false))
    case let .autoplay(pace)?:
        playback = DemoPlayback(pace: pace, clockSpeed: session.clockSpeed, now: MonotonicClock.seconds())
    case nil:
        break
    }

    let terminal = ShopTerminal(session: session, screen: screen, playback: playback)
    var exitCode = runTerminalLoop(terminal, worker: worker, idleWait: playback == nil ? 250 : 15)
    if exitCode == 0, let outcome = playback?.outcome {
        switch outcome {
        case let .failed(reason):
            printError("comptoir: \(reason)")
            exitCode = 1
        case .finished:
            print(DemoScript.finishedLine(session.state) ?? "Demo finished.")
        case .ended:
            break
        }
    }
    return exitCode
}

/// Steps `terminal` until its application quits (or the demo player ends, or a signal comes),
/// closes the screen and then the store once the commits still queued are on disk. The exit code:
/// 0, 128 + the signal, or 1 when the store could not be closed. `idleWait` is how long a step
/// waits for a key when nothing is on its way, in milliseconds.
@MainActor
func runTerminalLoop(_ terminal: ShopTerminal, worker: ShopWorker, idleWait: Int32) -> Int32 {
    var exitCode: Int32 = 0
    while !terminal.session.isFinished {
        guard terminal.advance() else { break }
        if let signal = SignalWatch.received {
            exitCode = 128 + signal
            break
        }
        // While a search or the index build runs, look for its outcome often between keys; the demo
        // player presses keys every few hundredths of a second, so it reads often too.
        guard let input = terminal.screen.read(waitingAtMost: terminal.wait(idle: idleWait)) else { continue }
        terminal.handle(input)
    }
    terminal.screen.close()
    do throws(StoreError) {
        // After the commits still queued: what the customer was told is saved is on disk.
        try worker.close()
    } catch {
        printError("comptoir: \(error)")
        if exitCode == 0 { exitCode = 1 }
    }
    return exitCode
}

/// Opens the data folder, or in demo mode a new shop in a temporary folder with the demo
/// account logged in; the problem as one line when it cannot.
@MainActor
func openStore(_ options: ShopLaunchOptions) -> Result<(Store, DemoFolder?), LaunchProblem> {
    guard options.demo != nil else {
        do throws(StoreError) {
            let folder = try DataFolder.resolve(explicit: options.dataFolder, environment: options.environment)
            if let openStore = options.openStore { return .success((try openStore(folder), nil)) }
            return .success((try Store.open(folder, access: .readWrite, policy: .following, seed: options.seed), nil))
        } catch {
            return .failure(LaunchProblem(storeError: error))
        }
    }
    let demo: DemoFolder
    do throws(LaunchProblem) {
        demo = try DemoFolder.create(environment: options.environment)
    } catch {
        return .failure(error)
    }
    let store: Store
    do throws(StoreError) {
        store = try Store.open(DataFolder(path: demo.path), access: .readWrite, policy: .following, seed: options.seed)
    } catch {
        demo.remove()
        return .failure(LaunchProblem(storeError: error))
    }
    do throws(LaunchProblem) {
        try demo.registerAccount(in: ShopService(store: store, hasher: ScryptPasswordHasher()), session: options.shopper.sessionName)
    } catch {
        try? store.close()
        demo.remove()
        return .failure(error)
    }
    return .success((store, demo))
}

/// The theme list for `comptoir themes`: one line a theme, the default marked.
public func themeListing(environment: [String: String]) -> String {
    let catalog = ThemeCatalog.load(environment: environment)
    var lines = catalog.themes.map { theme in
        let marker = theme.name == ThemeCatalog.defaultThemeName ? " (default)" : ""
        let name = TextSanitizer.clean(theme.name)
        return "\(name.padding(toLength: 16))\(TextSanitizer.clean(theme.title))\(marker)  [\(TextSanitizer.clean(theme.origin))]"
    }
    lines += catalog.problems.map { "! " + TextSanitizer.clean($0.description) }
    return lines.joined(separator: "\n")
}

/// Seconds on the monotonic clock, for the tick interval (never the shop's time).
enum MonotonicClock {
    static func seconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
    }
}

/// One line on standard error, cleaned so that no data in it can drive the terminal.
func printError(_ line: String) {
    fputs(TextSanitizer.clean(line) + "\n", stderr)
}

extension String {
    func padding(toLength length: Int) -> String {
        let width = DisplayWidth.of(self)
        return width >= length ? self + " " : self + String(repeating: " ", count: length - width)
    }
}
