@preconcurrency import CNCurses
@preconcurrency import Glibc
import ShopCore
import ShopService
import ShopStore
import ShopTUI

/// Many customers' shops in one process, for `comptoir serve`.
///
/// Design: every SSH connection with a pty gets its own pty pair (opened by the SSH side), its own
/// `ShopSession` and `AppState`, and its own ncurses SCREEN made with `newterm` on the pty's slave;
/// all of them share one `Store`, one `ShopService` and one search index. ncurses is not
/// thread-safe, so one thread — this loop, on the main actor — drives every screen, making each
/// current with `set_term` before it touches it. The SSH event loops only move bytes (channel data
/// into the pty's master, the master's output back to the channel) and post what happened to the
/// `ScreenHostInbox`. The loop waits in `poll` on the inbox's pipe and every slave: a customer's
/// keys make its slave readable and only that session steps; others step when their wait is over
/// (a second when idle, a few milliseconds while a search runs). One session's end or bad input
/// closes only its screen.
@MainActor
public final class ScreenHost {
    /// What every hosted session shares.
    public struct Settings: Sendable {
        /// A session with no key for this long is ended (nil: never).
        public var idleTimeout: Double?
        /// How long an idle session waits between steps (ticks, following other processes), in ms.
        public var idleStepMilliseconds: Int32 = 1_000

        public init(idleTimeout: Double?) {
            self.idleTimeout = idleTimeout
        }
    }

    private struct Hosted {
        let terminal: ShopTerminal
        let slave: Int32
        let input: UnsafeMutablePointer<FILE>
        let output: UnsafeMutablePointer<FILE>
        let term: String
        let environment: [String: String]
        let ended: @Sendable (HostedSessionEnd) -> Void
        var nextStep: Double
        var lastInput: Double
        /// A window change not applied yet, and when to apply it (changes come in bursts while a
        /// window is dragged; only the last one is applied).
        var pendingSize: (width: Int, height: Int, at: Double)?
    }

    private let inbox: ScreenHostInbox
    /// Owns the store: every session's commits and following run on it, and the logins' store work too.
    private let worker: ShopWorker
    private let settings: Settings
    private let themes: ThemeCatalog
    private var sessions: [Int: Hosted] = [:]
    /// The search index every session starts with, rebuilt when the catalogue changed.
    private var sharedIndex: (version: Int, index: SearchIndex)?

    public init(inbox: ScreenHostInbox, worker: ShopWorker, settings: Settings, environment: [String: String]) {
        self.inbox = inbox
        self.worker = worker
        self.settings = settings
        self.themes = ThemeCatalog.load(environment: environment)
    }

    /// Gets the process ready to host screens: a UTF-8 locale (the environment's, else C.UTF-8),
    /// and no LINES/COLUMNS overriding each pty's own size. False when no UTF-8 locale exists.
    public nonisolated static func prepareProcess() -> Bool {
        setlocale(LC_ALL, "")
        if comptoir_codeset_is_utf8() == 0 { setlocale(LC_ALL, "C.UTF-8") }
        unsetenv("LINES")
        unsetenv("COLUMNS")
        // About six descriptors a customer (socket, pty master and slave, the screen's streams).
        var files = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &files) == 0, files.rlim_cur < files.rlim_max {
            files.rlim_cur = files.rlim_max
            setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &files)
        }
        return comptoir_codeset_is_utf8() != 0
    }

    /// How many sessions are open.
    public var count: Int { sessions.count }

    /// Steps every session until `stop()` is posted or SIGINT/SIGTERM arrives; then tells every
    /// customer, draws that, and closes every screen. Returns the signal that stopped it, if any.
    public func run() -> Int32? {
        SignalWatch.install()
        // The index is built before the first customer is let in, not while they wait.
        _ = index(for: worker.snapshot.state)
        // A parent may have started us with these blocked (a test runner does): they must reach the loop.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stopSignals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil)
        var stopping = false
        var signal: Int32?
        while !stopping {
            for event in inbox.take() {
                switch event {
                case let .open(request): open(request)
                case let .resize(connection, width, height): resize(connection, width: width, height: height)
                case let .close(connection): end(connection, .closedByClient)
                case let .job(job): worker.sync { job($0) }
                case .stop: stopping = true
                }
            }
            if let received = SignalWatch.received {
                signal = received
                stopping = true
            }
            if stopping { break }
            waitAndStep()
        }
        for connection in sessions.keys.sorted() {
            guard let hosted = sessions[connection] else { continue }
            hosted.terminal.notify("The shop is closing now. Thank you for your visit!")
            _ = hosted.terminal.advance()
            end(connection, .serverStopping)
        }
        return signal
    }

    /// Waits for a key on any screen, a posted event or the next due step, then steps the
    /// sessions that have input or are due.
    private func waitAndStep() {
        let ids = Array(sessions.keys)
        var fds = [pollfd(fd: inbox.wakeRead, events: Int16(POLLIN), revents: 0)]
        fds += ids.map { pollfd(fd: sessions[$0]!.slave, events: Int16(POLLIN), revents: 0) }
        let now = MonotonicClock.seconds()
        let nextDue = sessions.values.map { min($0.nextStep, $0.pendingSize?.at ?? .infinity) }.min() ?? now + 1
        let timeout = Int32(max(0, min(1_000, (nextDue - now) * 1_000)).rounded(.up))
        let ready = poll(&fds, nfds_t(fds.count), timeout)
        if ready < 0 { return }
        let after = MonotonicClock.seconds()
        for (offset, connection) in ids.enumerated() {
            let revents = Int32(fds[offset + 1].revents)
            guard sessions[connection] != nil else { continue }
            if revents & (POLLHUP | POLLERR | POLLNVAL) != 0, revents & POLLIN == 0 {
                end(connection, .hangUp)
                continue
            }
            if let pending = sessions[connection]?.pendingSize, after >= pending.at {
                applySize(connection, width: pending.width, height: pending.height)
            }
            let hasInput = revents & POLLIN != 0
            if hasInput { readInput(connection, now: after) }
            guard let hosted = sessions[connection] else { continue }
            if let idle = settings.idleTimeout, after - hosted.lastInput > idle {
                end(connection, .idle)
                continue
            }
            if hasInput || after >= hosted.nextStep { step(connection, now: after) }
        }
    }

    /// Hands every key waiting on the session's screen to it (a bounded number a step).
    private func readInput(_ connection: Int, now: Double) {
        guard var hosted = sessions[connection] else { return }
        hosted.lastInput = now
        sessions[connection] = hosted
        for _ in 0..<512 {
            guard let input = hosted.terminal.screen.read(waitingAtMost: 0) else { break }
            hosted.terminal.handle(input)
            if hosted.terminal.session.isFinished { break }
        }
    }

    private func step(_ connection: Int, now: Double) {
        guard var hosted = sessions[connection] else { return }
        if hosted.terminal.session.isFinished || !hosted.terminal.advance() || hosted.terminal.session.isFinished {
            end(connection, .quit)
            return
        }
        let wait = hosted.terminal.wait(idle: settings.idleStepMilliseconds)
        hosted.nextStep = now + Double(wait) / 1_000
        sessions[connection] = hosted
    }

    private func open(_ request: HostedTerminalRequest) {
        let input = dup(request.slave)
        let output = dup(request.slave)
        guard input >= 0, output >= 0, let inputFile = fdopen(input, "r"), let outputFile = fdopen(output, "w") else {
            if input >= 0 { close(input) }
            if output >= 0 { close(output) }
            close(request.slave)
            request.ended(.hangUp)
            return
        }
        guard let screen = NCursesScreen(term: request.term, output: outputFile, input: inputFile, environment: request.environment) else {
            let line = "comptoir: the terminal type '\(TextSanitizer.clean(request.term))' is unknown here: try TERM=xterm-256color\r\n"
            _ = line.withCString { write(request.slave, $0, strlen($0)) }
            fclose(inputFile)
            fclose(outputFile)
            close(request.slave)
            request.ended(.unknownTerminal)
            return
        }
        var catalog = themes
        let (themeIndex, _) = catalog.choose(requested: nil, environment: request.environment)
        let shop = worker.snapshot.state
        let env = request.environment
        var state = AppState(
            shop: shop, shopper: request.shopper, index: index(for: shop), width: request.width, height: request.height,
            themes: catalog.themes, themeIndex: themeIndex, colourDepth: screen.colourDepth,
            locale: ShopLocale.from(posix: env["LC_ALL"] ?? env["LANG"]),
            searchMode: .automatic(productCount: shop.catalogue.count))
        state.sessionKey = request.key
        let session = ShopSession(worker: worker, state: state)
        let now = MonotonicClock.seconds()
        let terminal = ShopTerminal(session: session, screen: screen, playback: nil)
        terminal.drawsOnlyChanges = true
        sessions[request.connection] = Hosted(
            terminal: terminal, slave: request.slave,
            input: inputFile, output: outputFile, term: request.term, environment: request.environment, ended: request.ended,
            nextStep: now, lastInput: now)
        step(request.connection, now: now)
    }

    /// The search index every new session starts with, whatever the catalogue's size: the store's
    /// (mapped from its snapshot) or built once per catalogue version, here, and shared by every session (a value: copies share its
    /// storage). A large catalogue's sessions still search in the background, on this index;
    /// without it each would build its own (at 100,000 products, tens of MB and a second of CPU
    /// each). The first session after a start or an import waits for the build.
    private func index(for shop: ShopState) -> SearchIndex? {
        let version = worker.snapshot.version.catalogueVersion
        if let sharedIndex, sharedIndex.version == version { return sharedIndex.index }
        // The store's own index (mapped from its snapshot) when it is of the same catalogue.
        let stored = worker.sync { service in
            service.store.catalogueVersion == version ? service.store.currentSearchIndex() : nil
        }
        let index = stored ?? SearchIndex(catalogue: shop.catalogue)
        sharedIndex = (version, index)
        return index
    }

    /// Notes a window change, applied once the window has kept its size for a tenth of a second.
    private func resize(_ connection: Int, width: Int, height: Int) {
        sessions[connection]?.pendingSize = (width, height, MonotonicClock.seconds() + Self.resizeSettle)
    }

    static let resizeSettle = 0.1

    /// A new size for the session's screen. ncursesw 6.4's `resize_term` resizes the windows of
    /// every SCREEN in the process, not only the current one's (the others then crash in
    /// `doupdate`; reproduced in C), so the session gets a new SCREEN made at the pty's new size
    /// (the SSH side set it with TIOCSWINSZ) and the old one is left alone — never freed, as
    /// `delscreen` has the same flaw: about 170 KB a window change.
    private func applySize(_ connection: Int, width: Int, height: Int) {
        guard var hosted = sessions[connection] else { return }
        hosted.pendingSize = nil
        sessions[connection] = hosted
        let current = hosted.terminal.screen.size
        guard current.width != width || current.height != height else { return }
        guard let screen = NCursesScreen(term: hosted.term, output: hosted.output, input: hosted.input, environment: hosted.environment) else { return }
        hosted.terminal.replace(screen: screen)
        step(connection, now: MonotonicClock.seconds())
    }

    /// Closes the session's screen (ncurses restores the customer's terminal) and its pty slave.
    private func end(_ connection: Int, _ reason: HostedSessionEnd) {
        guard let hosted = sessions.removeValue(forKey: connection) else { return }
        hosted.terminal.screen.close(freeing: false)
        fclose(hosted.input)
        fclose(hosted.output)
        close(hosted.slave)
        hosted.ended(reason)
    }
}
