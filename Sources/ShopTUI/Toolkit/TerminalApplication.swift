import ShopCore

/// What the terminal loop drives (`ShopTerminal` in NCursesTerminal): an application on ShopTUI
/// with its runtime, the customer's shop (`ShopSession`) or the merchant's back office
/// (`BackOfficeSession`). The loop collects finished background work, ticks and follows the shop,
/// draws `render()` and hands input to `send`; it never knows which application it runs.
public protocol TerminalApplication: AnyObject {
    /// The application asked to quit.
    var isFinished: Bool { get }
    /// Work of this application is on its way: the loop then waits for keys only briefly.
    var hasBackgroundWork: Bool { get }
    /// How long the loop may wait for a key while work is on its way, in milliseconds.
    var backgroundPollMilliseconds: Int32? { get }
    /// Shop seconds per wall second (the demo runs faster; its ticks come more often).
    var clockSpeed: Int64 { get }
    /// The theme drawn: the loop repaints the whole screen when it changes.
    var themeIndex: Int { get }
    /// What the last frame showed, for a loop that draws only changes (`comptoir serve`).
    var frameMark: FrameMark { get }
    /// Hands finished background work to the application; whether there was any.
    @discardableResult func collectBackgroundWork() -> Bool
    /// About once a second: shop time moves and other processes' commits are followed.
    func tick(elapsedWallSeconds: Double)
    /// Between ticks: follows other processes' commits; whether the shop shown changed.
    @discardableResult func follow() -> Bool
    /// Starts the background work asked for, once the frame is drawn.
    func startBackgroundWork()
    /// The whole screen for the application's state now.
    func render() -> Canvas
    /// Input from the terminal (`.key`, `.mouse`, `.resized`) or a notice from the loop (`.notice`).
    func send(_ message: Message)
}

/// What a frame showed of the shop, compared by a loop that draws only when something changed.
public struct FrameMark: Equatable {
    public var shop: ShopState
    public var mailboxCount: Int

    public init(shop: ShopState, mailboxCount: Int) {
        self.shop = shop
        self.mailboxCount = mailboxCount
    }
}

extension ShopSession: TerminalApplication {
    public var themeIndex: Int { state.themeIndex }
    public var frameMark: FrameMark { FrameMark(shop: state.shop, mailboxCount: state.mailbox.count) }
    public func render() -> Canvas { ShopView.render(state) }
}
