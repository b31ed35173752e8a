import Foundation
import ShopCore

/// All themes the shop can show: the bundled ones, overridden by name by the user's files in
/// `$XDG_CONFIG_HOME/comptoir/themes` (else `~/.config/comptoir/themes`). A file that does not
/// parse is left out and reported in `problems`, so the shop still opens.
public struct ThemeCatalog: Sendable {
    public static let defaultThemeName = "dark"
    public static let monochromeThemeName = "mono"

    /// Themes in the order `t` cycles through them.
    public private(set) var themes: [Theme]
    public private(set) var problems: [ThemeError]

    public init(themes: [Theme], problems: [ThemeError] = []) {
        self.themes = themes
        self.problems = problems
    }

    /// The bundled themes only; they are checked by tests, so they always parse.
    public static func bundled() -> ThemeCatalog {
        var themes: [Theme] = []
        var problems: [ThemeError] = []
        for file in BundledThemes.files {
            do throws(ThemeError) {
                themes.append(try Theme.parse(file.text, name: file.name, origin: "bundled"))
            } catch {
                problems.append(error)
            }
        }
        return ThemeCatalog(themes: ordered(themes), problems: problems)
    }

    /// The bundled themes with the user's theme folder on top.
    public static func load(environment: [String: String]) -> ThemeCatalog {
        var catalog = bundled()
        guard let folder = userThemeFolder(environment: environment),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return catalog }
        for file in names.sorted() where file.hasSuffix(".toml") {
            let path = folder + "/" + file
            switch loadFile(path) {
            case let .success(theme): catalog.insert(theme)
            case let .failure(error): catalog.problems.append(error)
            }
        }
        return catalog
    }

    public static func userThemeFolder(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/comptoir/themes" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/comptoir/themes" }
        return nil
    }

    /// Reads one theme file; its name is the file name without `.toml`. Only a regular file of at
    /// most `ThemeFileParser.maximumFileBytes` is read (a FIFO would block, a huge file stall).
    public static func loadFile(_ path: String) -> Result<Theme, ThemeError> {
        let name = String((path as NSString).lastPathComponent.dropLast(path.hasSuffix(".toml") ? 5 : 0))
        if let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).resolvingSymlinksInPath) {
            guard attributes[.type] as? FileAttributeType == .typeRegular else {
                return .failure(ThemeError(file: path, line: 0, key: nil, problem: "not a regular file: a theme is a .toml text file"))
            }
            if let size = attributes[.size] as? Int, size > ThemeFileParser.maximumFileBytes {
                return .failure(ThemeError(
                    file: path, line: 0, key: nil,
                    problem: "the file has \(size) bytes: a theme file may have at most \(ThemeFileParser.maximumFileBytes)"))
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ThemeError(file: path, line: 0, key: nil, problem: "cannot read the file: check the path and its permissions"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ThemeError(file: path, line: 0, key: nil, problem: "the file is not UTF-8 text"))
        }
        do throws(ThemeError) {
            return .success(try Theme.parse(text, name: name, origin: path))
        } catch {
            return .failure(error)
        }
    }

    public func theme(named name: String) -> Theme? { themes.first { $0.name == name } }

    public func index(of name: String) -> Int? { themes.firstIndex { $0.name == name } }

    /// Adds a theme, replacing one of the same name in place.
    public mutating func insert(_ theme: Theme) {
        if let index = index(of: theme.name) { themes[index] = theme } else { themes.append(theme) }
    }

    /// Picks the starting theme: `--theme NAME|FILE` first, then `mono` when `NO_COLOR` is set
    /// and not empty, else the default. A theme that cannot be used is reported and the default
    /// is used instead.
    public mutating func choose(requested: String?, environment: [String: String]) -> (index: Int, problem: String?) {
        let fallback = index(of: Self.defaultThemeName) ?? 0
        if let requested, !requested.isEmpty {
            if let found = index(of: requested) { return (found, nil) }
            if requested.contains("/") || requested.hasSuffix(".toml") {
                switch Self.loadFile(requested) {
                case let .success(theme):
                    insert(theme)
                    return (index(of: theme.name) ?? fallback, nil)
                case let .failure(error):
                    return (fallback, "\(error); using the \(Self.defaultThemeName) theme")
                }
            }
            let known = themes.map(\.name).joined(separator: ", ")
            return (fallback, "no theme named \(Quote.value(requested)): choose one of \(known), or give a .toml file")
        }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty, let mono = index(of: Self.monochromeThemeName) {
            return (mono, nil)
        }
        return (fallback, nil)
    }

    /// The default theme first, then the others by name.
    private static func ordered(_ themes: [Theme]) -> [Theme] {
        themes.sorted { a, b in
            if a.name == defaultThemeName { return b.name != defaultThemeName }
            if b.name == defaultThemeName { return false }
            return a.name < b.name
        }
    }
}
