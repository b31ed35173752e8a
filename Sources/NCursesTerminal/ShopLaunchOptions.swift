import ShopCore
import ShopStore
import ShopTUI

/// What the command line gives the interactive shop.
public struct ShopLaunchOptions: Sendable {
    /// `--demo` and `comptoir demo`: a throw-away shop with the demo account logged in.
    public enum Demo: Hashable, Sendable {
        /// The customer drives (`--demo`).
        case shop
        /// The demo plays the purchase by itself at this pace (`comptoir demo`).
        case autoplay(DemoPace)
    }

    /// `--data DIR`; nil uses `$COMPTOIR_HOME`, `$XDG_DATA_HOME/comptoir` or `~/.local/share/comptoir`.
    /// Ignored in demo mode, which uses a fresh temporary folder removed at exit.
    public var dataFolder: String?
    /// `--theme NAME|FILE`; nil uses `mono` under `NO_COLOR`, else the default theme.
    public var theme: String?
    public var environment: [String: String]
    /// The catalogue a new data folder starts with.
    public var seed: @Sendable () -> [Product]
    /// Shop seconds per wall second: 1, or thousands in demo mode so parcels move on screen.
    public var clockSpeed: Int64 = 1
    public var demo: Demo?
    /// The session the shop is used in: `local` (shared with the command line), or `local:NAME`
    /// for `--session NAME`.
    public var shopper: Shopper = .local
    /// Opens the shop kept elsewhere than the data folder (`--store URL`: PostgreSQL), given the data
    /// folder for what stays on this machine; nil opens the data folder's own journal.
    public var openStore: (@Sendable (DataFolder) throws(StoreError) -> Store)?

    public init(dataFolder: String?, theme: String?, environment: [String: String], seed: @escaping @Sendable () -> [Product]) {
        self.dataFolder = dataFolder
        self.theme = theme
        self.environment = environment
        self.seed = seed
    }

    /// Shop seconds per wall second in `--demo`: a standard parcel (2 to 5 days in transit) goes
    /// from shipped to delivered in about a minute.
    public static let demoClockSpeed: Int64 = 7_200
}
