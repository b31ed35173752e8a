/// Where the shop keeps its files.
public struct DataFolder: Sendable, Equatable {
    public let path: String

    public init(path: String) {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.path = trimmed
    }

    /// `--data DIR`, else `$COMPTOIR_HOME`, else `$XDG_DATA_HOME/comptoir`, else `$HOME/.local/share/comptoir`.
    /// Empty values count as unset; a relative `XDG_DATA_HOME` is ignored, as the XDG specification asks.
    public static func resolve(explicit: String?, environment: [String: String]) throws(StoreError) -> DataFolder {
        if let explicit, !explicit.isEmpty { return DataFolder(path: explicit) }
        if let home = environment["COMPTOIR_HOME"], !home.isEmpty { return DataFolder(path: home) }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return DataFolder(path: DataFolder(path: data).path + "/comptoir")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return DataFolder(path: DataFolder(path: home).path + "/.local/share/comptoir")
        }
        throw .noDataFolder
    }
}
