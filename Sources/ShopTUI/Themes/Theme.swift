/// A colour theme: semantic keys (`ui.border`, `price`, `stock.low`...) mapped to colours and
/// attributes. A key the theme does not set falls back along its dots (`ui.border.focus` ->
/// `ui.border` -> `ui`), field by field, and finally to `ui`, the base text style.
public struct Theme: Sendable, Equatable {
    /// What one key of the file sets; nil fields fall back.
    public struct Entry: Sendable, Equatable {
        public var foreground: Colour?
        public var background: Colour?
        public var attributes: TextAttributes?

        public init(foreground: Colour? = nil, background: Colour? = nil, attributes: TextAttributes? = nil) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }
    }

    /// The name to select it by: the file name without `.toml`.
    public var name: String
    /// The name people read, from the file's `name = "..."`.
    public var title: String
    /// Where the theme came from: "bundled" or the path of its file.
    public var origin: String
    public var entries: [String: Entry]

    public init(name: String, title: String? = nil, origin: String, entries: [String: Entry]) {
        self.name = name
        self.title = title ?? name
        self.origin = origin
        self.entries = entries
    }

    /// The style of `key`, each field taken from the most specific key that sets it.
    public func style(_ key: String) -> TextStyle {
        var foreground: Colour?
        var background: Colour?
        var attributes: TextAttributes?
        var current: Substring? = Substring(key)
        var visitedBase = false
        while foreground == nil || background == nil || attributes == nil {
            let lookup: Substring
            if let candidate = current {
                lookup = candidate
                if let dot = candidate.lastIndex(of: ".") { current = candidate[..<dot] } else { current = nil }
            } else if !visitedBase {
                lookup = "ui"
                visitedBase = true
            } else {
                break
            }
            if lookup == "ui" { visitedBase = true }
            guard let entry = entries[String(lookup)] else { continue }
            foreground = foreground ?? entry.foreground
            background = background ?? entry.background
            attributes = attributes ?? entry.attributes
        }
        return TextStyle(foreground: foreground ?? .terminalDefault, background: background ?? .terminalDefault, attributes: attributes ?? [])
    }
}

extension Theme {
    /// Builds a theme from the text of a TOML file: top-level semantic keys whose value is a
    /// colour (`price = "gold"`) or a table (`"ui.selection" = { fg = "base", bg = "accent",
    /// modifiers = ["bold"] }`), and a `[palette]` of named colours they may refer to.
    public static func parse(_ text: String, name: String, origin: String) throws(ThemeError) -> Theme {
        let file = origin == "bundled" ? "themes/\(name).toml" : origin
        let parsed = try ThemeFileParser(file: file).parse(text)
        var palette: [String: (value: ThemeFileParser.Value, line: Int)] = [:]
        for entry in parsed where entry.table == "palette" { palette[entry.key] = (entry.value, entry.line) }

        func colour(_ value: ThemeFileParser.Value, key: String, line: Int, depth: Int = 0) throws(ThemeError) -> Colour {
            switch value {
            case let .integer(number):
                guard (0...255).contains(number) else {
                    throw ThemeError(file: file, line: line, key: key, problem: "colour \(number) is out of range: use 0–255")
                }
                return number < 16 ? .ansi(UInt8(number)) : .indexed(UInt8(number))
            case let .string(text):
                if let parsed = Theme.literalColour(text) { return parsed }
                if let named = palette[text], depth < 8 { return try colour(named.value, key: key, line: line, depth: depth + 1) }
                throw ThemeError(file: file, line: line, key: key, problem: "unknown colour '\(text)': use #rrggbb, 0–255, an ANSI name such as bright-blue, 'default', or a name from [palette]")
            default:
                throw ThemeError(file: file, line: line, key: key, problem: "a colour must be a string or a number")
            }
        }

        var entries: [String: Entry] = [:]
        var displayName = name
        for item in parsed {
            switch item.table {
            case "palette":
                _ = try colour(item.value, key: "palette.\(item.key)", line: item.line)
            case "":
                if item.key == "name" {
                    guard case let .string(text) = item.value else {
                        throw ThemeError(file: file, line: item.line, key: "name", problem: "the name must be a string")
                    }
                    displayName = text
                    continue
                }
                switch item.value {
                case .string, .integer:
                    entries[item.key] = Entry(foreground: try colour(item.value, key: item.key, line: item.line))
                case let .table(fields):
                    var entry = Entry()
                    for field in fields {
                        switch field.key {
                        case "fg": entry.foreground = try colour(field.value, key: item.key, line: item.line)
                        case "bg": entry.background = try colour(field.value, key: item.key, line: item.line)
                        case "modifiers":
                            guard case let .array(names) = field.value else {
                                throw ThemeError(file: file, line: item.line, key: item.key, problem: "modifiers must be a list such as [\"bold\"]")
                            }
                            var attributes: TextAttributes = []
                            for value in names {
                                guard case let .string(modifier) = value, let attribute = TextAttributes.names[modifier] else {
                                    throw ThemeError(file: file, line: item.line, key: item.key, problem: "unknown modifier in \(names): use bold, dim, italic, underline, reverse or strikethrough")
                                }
                                attributes.insert(attribute)
                            }
                            entry.attributes = attributes
                        default:
                            throw ThemeError(file: file, line: item.line, key: item.key, problem: "unknown field '\(field.key)': use fg, bg and modifiers")
                        }
                    }
                    entries[item.key] = entry
                case .array:
                    throw ThemeError(file: file, line: item.line, key: item.key, problem: "expected a colour or a { fg, bg, modifiers } table")
                }
            default:
                throw ThemeError(file: file, line: item.line, key: item.key, problem: "unknown table [\(item.table)]: a theme has only [palette]")
            }
        }
        return Theme(name: name, title: displayName, origin: origin, entries: entries)
    }

    /// `#rrggbb`, `default`, an ANSI colour name, or nil.
    static func literalColour(_ text: String) -> Colour? {
        if text == "default" || text == "none" { return .terminalDefault }
        if let index = Colour.ansiNames[text] { return .ansi(index) }
        let hex = Array(text.utf8)
        guard hex.count == 7, hex[0] == UInt8(ascii: "#") else { return nil }
        func component(_ at: Int) -> UInt8? { UInt8(String(decoding: hex[at..<(at + 2)], as: UTF8.self), radix: 16) }
        guard let r = component(1), let g = component(3), let b = component(5) else { return nil }
        return .rgb(r, g, b)
    }
}
