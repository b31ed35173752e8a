@preconcurrency import CNCurses
@preconcurrency import Glibc
import ShopCore
import ShopSecurity
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
    let store: Store
    do throws(StoreError) {
        let folder = try DataFolder.resolve(explicit: options.dataFolder, environment: options.environment)
        store = try Store.open(folder, access: .readWrite, seed: options.seed)
    } catch {
        printError("comptoir: \(error)")
        return 1
    }
    var catalog = ThemeCatalog.load(environment: options.environment)
    let (themeIndex, themeProblem) = catalog.choose(requested: options.theme, environment: options.environment)
    let notices = catalog.problems.map { "\($0); it was left out" } + (themeProblem.map { [$0] } ?? []) + store.warnings

    SignalWatch.install()
    guard let screen = NCursesScreen(term: options.environment["TERM"] ?? "") else {
        printError(TerminalRefusal.unknownTerminal(options.environment["TERM"]).description)
        try? store.close()
        return 2
    }
    let size = screen.size
    let state = AppState(
        shop: store.state, width: size.width, height: size.height, themes: catalog.themes, themeIndex: themeIndex,
        colourDepth: screen.colourDepth, locale: ShopLocale.from(posix: options.environment["LC_ALL"] ?? options.environment["LANG"]),
        searchMode: .automatic(productCount: store.state.catalogue.count))
    let session = ShopSession(store: store, state: state, hasher: ScryptPasswordHasher(), clockSpeed: options.clockSpeed)
    for notice in notices { session.send(.notice(notice, isError: true)) }

    var exitCode: Int32 = 0
    var themeIndexShown = session.state.themeIndex
    var lastTick = MonotonicClock.seconds()
    while !session.isFinished {
        session.collectBackgroundWork()
        let now = MonotonicClock.seconds()
        if now - lastTick >= 1 {
            session.tick(elapsedWallSeconds: now - lastTick)
            lastTick = now
        }
        if session.state.themeIndex != themeIndexShown {
            themeIndexShown = session.state.themeIndex
            screen.invalidate()
        }
        screen.draw(ShopView.render(session.state))
        session.startBackgroundWork()
        if let signal = SignalWatch.received {
            exitCode = 128 + signal
            break
        }
        // While a search or the index build runs, look for its outcome often between keys.
        guard let input = screen.read(waitingAtMost: session.backgroundPollMilliseconds ?? 250) else { continue }
        switch input {
        case let .key(key): session.send(.key(key))
        case let .mouse(event): session.send(.mouse(event))
        case .resize:
            let size = screen.size
            screen.invalidate()
            session.send(.resized(width: size.width, height: size.height))
        case .ignored: break
        }
    }
    screen.close()
    do throws(StoreError) {
        try store.close()
    } catch {
        printError("comptoir: \(error)")
        if exitCode == 0 { exitCode = 1 }
    }
    return exitCode
}

/// The theme list for `comptoir themes`: one line a theme, the default marked.
public func themeListing(environment: [String: String]) -> String {
    let catalog = ThemeCatalog.load(environment: environment)
    var lines = catalog.themes.map { theme in
        let origin = theme.origin == "bundled" ? "bundled" : theme.origin
        let marker = theme.name == ThemeCatalog.defaultThemeName ? " (default)" : ""
        return "\(theme.name.padding(toLength: 16))\(theme.title)\(marker)  [\(origin)]"
    }
    lines += catalog.problems.map { "! \($0)" }
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

private func printError(_ line: String) {
    var text = line
    if !text.hasSuffix("\n") { text += "\n" }
    fputs(text, stderr)
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}
