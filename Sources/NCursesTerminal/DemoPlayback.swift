import ShopTUI

/// `comptoir demo` in the terminal loop: keeps demo time (which stands still while paused),
/// presses the script's keys into the session when they are due, shows the caption, and reads
/// the presenter's keys: any key pauses or resumes, `q` ends.
@MainActor
final class DemoPlayback {
    enum Outcome: Equatable {
        /// Every step reached its goal.
        case finished
        /// `q`: the presenter ended it.
        case ended
        /// A step did not reach its goal in time; the one-line reason.
        case failed(String)
    }

    static let pausedCaption = "Paused — any key resumes, q ends"

    private var player: DemoPlayer
    private(set) var outcome: Outcome?
    private(set) var isPaused = false
    private var demoTime = 0.0
    private var lastWall: Double
    private var captionShown: String?
    /// The presenter pressed a key after the end: the status line is the shop's again.
    private var handedOver = false

    init(pace: DemoPace, clockSpeed: Int64, now: Double) {
        player = DemoPlayer(script: .journey(clockSpeed: clockSpeed), pace: pace)
        lastWall = now
    }

    var pace: DemoPace { player.pace }
    var isPlaying: Bool { outcome == nil }

    /// Presses at most one due key (the screen is drawn between keys, so typing shows).
    func advance(_ session: ShopSession, wallNow: Double) {
        defer { showCaption(session) }
        let elapsed = max(0, wallNow - lastWall)
        lastWall = wallNow
        guard isPlaying, !isPaused else { return }
        demoTime += elapsed
        switch player.next(session.state, at: demoTime) {
        case let .press(key): session.send(.key(key))
        case .wait: break
        case .finished: outcome = .finished
        case let .failed(reason): outcome = .failed(reason)
        }
    }

    /// A key from the presenter while the demo plays.
    func handle(_ key: Key, session: ShopSession) {
        if key == .character("q") || key == .character("Q") {
            outcome = .ended
        } else {
            isPaused.toggle()
        }
        showCaption(session)
    }

    /// The first key after the end (`slow` and `normal` leave the shop to the presenter) clears
    /// the caption, so the status line says again what the shop did; the header keeps `DEMO`.
    func handOver(_ session: ShopSession) {
        guard outcome == .finished, !handedOver else { return }
        handedOver = true
        session.send(.demoBanner(DemoBanner()))
    }

    private func showCaption(_ session: ShopSession) {
        guard !handedOver else { return }
        let caption: String
        switch outcome {
        case nil: caption = isPaused ? Self.pausedCaption : player.caption
        case .finished?: caption = DemoScript.handOver(session.state)
        case .ended?, .failed?: return
        }
        guard caption != captionShown else { return }
        captionShown = caption
        session.send(.demoBanner(DemoBanner(caption: caption)))
    }
}
