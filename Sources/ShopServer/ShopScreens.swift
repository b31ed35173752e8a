import ShopCore
import ShopService

/// What a customer's `pty-req` and `env` requests said about their terminal.
public struct TerminalRequest: Sendable, Hashable {
    public var term: String
    public var width: Int
    public var height: Int
    /// Only the variables the shop honours: LANG, LC_ALL, NO_COLOR, COLORTERM.
    public var environment: [String: String]
}

/// The screens' side of `comptoir serve`, as the SSH side sees it: the host that drives every
/// customer's ncurses screen from one thread (NCursesTerminal's `ScreenHost`, wired in by the
/// `comptoir` command). Every call only posts; it may come from any event loop.
public protocol ShopScreens: Sendable {
    /// Opens the shop on the pty whose slave is `slave` (the screens own it from then on) for
    /// `shopper`, who connected with `key` (nil: a password); `ended` is called once with how the
    /// session ended.
    func open(
        connection: Int, slave: Int32, terminal: TerminalRequest, shopper: Shopper, key: PublicKeyEntry?,
        ended: @escaping @Sendable (String) -> Void)
    /// The customer's window changed size; the pty's size is already set.
    func resize(connection: Int, width: Int, height: Int)
    /// The connection went away.
    func close(connection: Int)
    /// Runs `job` where the store may be used (the screens' thread).
    func perform(_ job: @escaping @Sendable (ShopService) -> Void)
}
