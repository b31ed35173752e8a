import ShopCore

/// What the command line gives the interactive shop.
public struct ShopLaunchOptions: Sendable {
    /// `--data DIR`; nil uses `$COMPTOIR_HOME`, `$XDG_DATA_HOME/comptoir` or `~/.local/share/comptoir`.
    public var dataFolder: String?
    /// `--theme NAME|FILE`; nil uses `mono` under `NO_COLOR`, else the default theme.
    public var theme: String?
    public var environment: [String: String]
    /// The catalogue a new data folder starts with.
    public var seed: @Sendable () -> [Product]
    /// Shop seconds per wall second: 1, or thousands in demo mode so parcels move on screen.
    public var clockSpeed: Int64 = 1

    public init(dataFolder: String?, theme: String?, environment: [String: String], seed: @escaping @Sendable () -> [Product]) {
        self.dataFolder = dataFolder
        self.theme = theme
        self.environment = environment
        self.seed = seed
    }
}
