import ShopCore
import ShopTUI

/// One application (a shop session, the back office) on one ncurses screen: the body of the
/// terminal loop, as steps. `runTerminalLoop` steps one of them with blocking reads on the
/// process's terminal; `ScreenHost` (`comptoir serve`) steps many, one per SSH customer, from one thread.
@MainActor
final class ShopTerminal {
    /// The application the loop drives.
    let session: any TerminalApplication
    /// The shop session the demo player drives, when the application is the shop.
    private let shopSession: ShopSession?
    private(set) var screen: NCursesScreen
    private(set) var playback: DemoPlayback?
    private var themeIndexShown: Int
    /// Fast shop time ticks more often, so parcels move in small steps.
    private let tickInterval: Double
    private var lastTick: Double
    /// Hosted sessions (`comptoir serve`) draw a frame only when something may have changed: a
    /// key, finished background work, a change of the shop or the mailbox, or every
    /// `heartbeatSeconds` (clock, notices that expire). Hundreds of idle customers then cost
    /// nearly nothing; the local shop draws every step, as before.
    var drawsOnlyChanges = false
    static let heartbeatSeconds = 30.0
    private var needsDraw = true
    private var drawnMark: FrameMark?
    private var drawnAt = 0.0

    convenience init(session: ShopSession, screen: NCursesScreen, playback: DemoPlayback?) {
        self.init(application: session, shop: session, screen: screen, playback: playback)
    }

    /// Drives `application` (not the shop: no demo player).
    convenience init(application: any TerminalApplication, screen: NCursesScreen) {
        self.init(application: application, shop: nil, screen: screen, playback: nil)
    }

    private init(application session: any TerminalApplication, shop: ShopSession?, screen: NCursesScreen, playback: DemoPlayback?) {
        self.session = session
        self.shopSession = shop
        self.screen = screen
        self.playback = playback
        themeIndexShown = session.themeIndex
        tickInterval = session.clockSpeed > 1 ? 0.5 : 1
        lastTick = MonotonicClock.seconds()
    }

    /// Collects finished background work, ticks shop time (or follows what other processes
    /// committed), plays the demo, draws the frame and starts the background work it asked for.
    /// False when the demo player ended the loop.
    func advance() -> Bool {
        if session.collectBackgroundWork() { needsDraw = true }
        let now = MonotonicClock.seconds()
        if now - lastTick >= tickInterval {
            session.tick(elapsedWallSeconds: now - lastTick)
            lastTick = now
        } else {
            // What other processes commit shows within the loop's wait, not only at the tick.
            if session.follow() { needsDraw = true }
        }
        if let playback, let shopSession {
            playback.advance(shopSession, wallNow: now)
            if playback.outcome == .ended || (playback.outcome == .finished && playback.pace == .fast) { return false }
            if case .failed = playback.outcome { return false }
        }
        if session.themeIndex != themeIndexShown {
            themeIndexShown = session.themeIndex
            screen.invalidate()
        }
        if drawsOnlyChanges, !needsDraw, !session.hasBackgroundWork, now - drawnAt < Self.heartbeatSeconds,
           session.frameMark == drawnMark {
            return true
        }
        screen.draw(session.render())
        session.startBackgroundWork()
        if drawsOnlyChanges {
            needsDraw = false
            drawnMark = session.frameMark
            drawnAt = now
        }
        return true
    }

    /// How long to wait for a key before the next step: `idle`, shorter while background work
    /// (a search, a password) is on its way.
    func wait(idle: Int32) -> Int32 {
        min(session.backgroundPollMilliseconds ?? idle, idle)
    }

    /// Says `text` on the status line at the next step.
    func notify(_ text: String) {
        session.send(.notice(text, isError: false))
        needsDraw = true
    }

    /// Hands one input to the demo player or the session.
    func handle(_ input: KeyDecoder.Input) {
        needsDraw = true
        switch input {
        case let .key(key):
            if let playback, let shopSession, playback.isPlaying {
                playback.handle(key, session: shopSession)
            } else {
                if let shopSession { playback?.handOver(shopSession) }
                session.send(.key(key))
            }
        case let .mouse(event): session.send(.mouse(event))
        case .resize: resized()
        case .ignored: break
        }
    }

    /// Draws on `screen` from now on (a new SCREEN at a customer's new window size), all of it.
    func replace(screen: NCursesScreen) {
        self.screen = screen
        needsDraw = true
        resized()
    }

    /// The screen took a new size: lay the shop out again for it.
    func resized() {
        let size = screen.size
        screen.invalidate()
        session.send(.resized(width: size.width, height: size.height))
    }
}
