/// Reads the TOML a theme is written in: `key = value` lines (keys bare or quoted), `[table]`
/// headers, strings, integers, arrays of strings and inline tables of those, and `#` comments.
/// It keeps the line of every entry so that a bad colour can be reported where it is.
/// Arrays and inline tables nest at most `maximumDepth` deep, so no file can exhaust the stack.
struct ThemeFileParser {
    /// The deepest nesting of arrays and inline tables in a theme file.
    static let maximumDepth = 16
    /// The largest theme file read, in bytes.
    static let maximumFileBytes = 256 * 1_024

    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case array([Value])
        case table([(key: String, value: Value)])

        static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case let (.string(x), .string(y)): return x == y
            case let (.integer(x), .integer(y)): return x == y
            case let (.array(x), .array(y)): return x == y
            case let (.table(x), .table(y)): return x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
            default: return false
            }
        }
    }

    struct Entry: Equatable {
        var table: String
        var key: String
        var value: Value
        var line: Int
    }

    let file: String

    func parse(_ text: String) throws(ThemeError) -> [Entry] {
        var entries: [Entry] = []
        var table = ""
        var seen: Set<String> = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            var cursor = Cursor(characters: Array(rawLine), file: file, line: lineNumber)
            cursor.skipSpaces()
            guard let first = cursor.peek, first != "#" else { continue }
            if first == "[" {
                cursor.advance()
                cursor.skipSpaces()
                let name = try cursor.key()
                cursor.skipSpaces()
                try cursor.expect("]")
                try cursor.expectEnd()
                table = name
                continue
            }
            let key = try cursor.key()
            cursor.skipSpaces()
            try cursor.expect("=")
            cursor.skipSpaces()
            let value = try cursor.value(key: key, depth: 0)
            try cursor.expectEnd()
            let qualified = table.isEmpty ? key : table + "\u{0}" + key
            guard seen.insert(qualified).inserted else {
                throw ThemeError(file: file, line: lineNumber, key: key, problem: "defined twice: keep one definition")
            }
            entries.append(Entry(table: table, key: key, value: value, line: lineNumber))
        }
        return entries
    }

    private struct Cursor {
        var characters: [Character]
        var position = 0
        let file: String
        let line: Int

        var peek: Character? { position < characters.count ? characters[position] : nil }
        mutating func advance() { position += 1 }

        mutating func skipSpaces() {
            while let c = peek, c == " " || c == "\t" || c == "\r" { advance() }
        }

        func failure(_ problem: String, key: String? = nil) -> ThemeError {
            ThemeError(file: file, line: line, key: key, problem: problem)
        }

        mutating func expect(_ character: Character) throws(ThemeError) {
            guard peek == character else {
                throw failure("expected '\(character)' at column \(position + 1), found \(peek.map { "'\($0)'" } ?? "the end of the line")")
            }
            advance()
        }

        mutating func expectEnd() throws(ThemeError) {
            skipSpaces()
            if let c = peek, c != "#" { throw failure("unexpected '\(c)' at column \(position + 1): one entry a line") }
        }

        /// A bare key (`ui`, `price`, `ui.border`) or a quoted one (`"ui.border"`).
        mutating func key() throws(ThemeError) -> String {
            if peek == "\"" { return try quoted() }
            var key = ""
            while let c = peek, c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." {
                key.append(c)
                advance()
            }
            guard !key.isEmpty else { throw failure("expected a key at column \(position + 1)") }
            return key
        }

        mutating func quoted() throws(ThemeError) -> String {
            try expect("\"")
            var text = ""
            while let c = peek {
                advance()
                if c == "\"" { return text }
                if c == "\\" {
                    guard let escaped = peek else { break }
                    advance()
                    switch escaped {
                    case "n": text.append("\n")
                    case "t": text.append("\t")
                    default: text.append(escaped)
                    }
                } else {
                    text.append(c)
                }
            }
            throw failure("a string is not closed: add the closing '\"'")
        }

        mutating func value(key: String, depth: Int) throws(ThemeError) -> Value {
            skipSpaces()
            if (peek == "[" || peek == "{") && depth >= ThemeFileParser.maximumDepth {
                throw failure("arrays and tables nest more than \(ThemeFileParser.maximumDepth) deep: flatten the value", key: key)
            }
            switch peek {
            case "\"": return .string(try quoted())
            case "[":
                advance()
                var items: [Value] = []
                skipSpaces()
                while peek != "]" {
                    items.append(try value(key: key, depth: depth + 1))
                    skipSpaces()
                    if peek == "," { advance(); skipSpaces() } else { break }
                }
                try expect("]")
                return .array(items)
            case "{":
                advance()
                var fields: [(key: String, value: Value)] = []
                skipSpaces()
                while peek != "}" {
                    let field = try self.key()
                    skipSpaces()
                    try expect("=")
                    fields.append((field, try value(key: key, depth: depth + 1)))
                    skipSpaces()
                    if peek == "," { advance(); skipSpaces() } else { break }
                }
                try expect("}")
                return .table(fields)
            case let c? where c.isNumber || c == "-":
                var digits = ""
                while let d = peek, d.isNumber || d == "-" || d == "_" {
                    if d != "_" { digits.append(d) }
                    advance()
                }
                guard let number = Int(digits) else { throw failure("'\(digits)' is not a whole number", key: key) }
                return .integer(number)
            default:
                throw failure("expected a value (a \"string\", a number, [array] or { table }) at column \(position + 1)", key: key)
            }
        }
    }
}
