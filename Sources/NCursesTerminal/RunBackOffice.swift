@preconcurrency import Glibc
import ShopCore
import ShopSecurity
import ShopService
import ShopStore
import ShopTUI

/// Opens the merchant's back office in the terminal (`comptoir merchant`) on the data folder or
/// store of `options`, and returns the process exit code. With `staffEmail` and `password`
/// (`--email`, `COMPTOIR_PASSWORD`) it logs in at once; else the login form asks. Refuses like
/// the shop without a terminal, with an unknown `TERM` or a non-UTF-8 locale, or when the data
/// folder cannot be opened; runs the same terminal loop as the shop.
@MainActor
public func runBackOffice(options: ShopLaunchOptions, staffEmail: String?, password: String?) -> Int32 {
    setlocale(LC_ALL, "")
    if let refusal = TerminalRequirements.check(environment: options.environment) {
        printError(refusal.description)
        return 2
    }
    SignalWatch.install()
    var storeOptions = options
    storeOptions.demo = nil
    let store: Store
    switch openStore(storeOptions) {
    case let .success(opened): store = opened.0
    case let .failure(problem):
        printError(problem.description)
        return problem.exitCode
    }
    var catalog = ThemeCatalog.load(environment: options.environment)
    let (themeIndex, themeProblem) = catalog.choose(requested: options.theme, environment: options.environment)
    let notices = catalog.problems.map { "\($0); it was left out" } + (themeProblem.map { [$0] } ?? []) + store.warnings
    guard let screen = NCursesScreen(term: options.environment["TERM"] ?? "") else {
        printError(TerminalRefusal.unknownTerminal(options.environment["TERM"]).description)
        try? store.close()
        return 2
    }
    let size = screen.size
    let service = ShopService(store: store, clock: WallClock(), entropy: SystemEntropy(), hasher: ScryptPasswordHasher())
    // From here on the worker owns the store: logins, actions and following run off this thread.
    let worker = ShopWorker(service: service)
    var state = BackOfficeState(
        shop: worker.snapshot.state, width: size.width, height: size.height, themes: catalog.themes, themeIndex: themeIndex,
        colourDepth: screen.colourDepth, locale: ShopLocale.from(posix: options.environment["LC_ALL"] ?? options.environment["LANG"]),
        now: worker.now, loginEmail: staffEmail ?? "")
    state.timeZone = ShopTimeZone.customer(tz: options.environment["TZ"])
    let session = BackOfficeSession(worker: worker, state: state)
    for notice in notices { session.send(.notice(notice, isError: true)) }
    if let staffEmail, let password { session.logIn(email: staffEmail, password: password) }
    let terminal = ShopTerminal(application: session, screen: screen)
    return runTerminalLoop(terminal, worker: worker, idleWait: 250)
}
