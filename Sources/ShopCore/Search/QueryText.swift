/// Edits the text of a query the way a person would, keeping everything else as typed: the
/// Filters pane ticks a brand by writing `brand:` into the search box and unticks it by taking the
/// value out, so the box and the pane are one state (the typed text).
public enum QueryText {
    /// Whether a `brand:` or `cat:` value (a folded key) names a brand or category (its folded
    /// key): the whole name or a run of whole words of it, so `arbois` and `brulerie arbois` both
    /// name Brûlerie Arbois. The search's filters follow the same rule.
    public static func filterValue(_ value: String, names nameKey: String) -> Bool {
        !value.isEmpty && (" " + nameKey + " ").contains(" " + value + " ")
    }

    /// `text` with `key:value` set: the first token of that key replaced (later ones removed), or
    /// added after the last filter (before the free words when there is none). A nil value removes
    /// the key. `key` also covers its aliases (`cat` and `category`).
    public static func setting(_ key: String, to value: String?, in text: String) -> String {
        var tokens = rawTokens(text)
        let aliases = aliases(of: key)
        let first = tokens.firstIndex { keyOf($0).map(aliases.contains) ?? false }
        var kept: [String] = []
        for (index, token) in tokens.enumerated() {
            if index == first, let value { kept.append("\(key):\(value)") }
            if keyOf(token).map(aliases.contains) ?? false { continue }
            kept.append(token)
        }
        tokens = kept
        if first == nil, let value { insertFilter("\(key):\(value)", into: &tokens) }
        return joined(tokens, like: text)
    }

    /// `text` with `name` added to the `key:` filter (`brand:lavazza` → `brand:lavazza,Illy`), or a
    /// new `key:name` filter when there is none.
    public static func adding(_ name: String, to key: String, in text: String) -> String {
        var tokens = rawTokens(text)
        let aliases = aliases(of: key)
        let written = quoted(name)
        if let index = tokens.lastIndex(where: { keyOf($0).map(aliases.contains) ?? false }) {
            tokens[index] += "," + written
        } else {
            insertFilter("\(key):\(written)", into: &tokens)
        }
        return joined(tokens, like: text)
    }

    /// `text` without the values of `key:` filters that name `nameKey` (see `filterValue`); a filter
    /// left with no value goes.
    public static func removing(valuesNaming nameKey: String, from key: String, in text: String) -> String {
        let aliases = aliases(of: key)
        var kept: [String] = []
        for token in rawTokens(text) {
            guard let tokenKey = keyOf(token), aliases.contains(tokenKey), let colon = token.firstIndex(of: ":") else {
                kept.append(token)
                continue
            }
            let values = splitOutsideQuotes(token[token.index(after: colon)...], on: ",")
            let remaining = values.filter { !filterValue(TextFolding.key(unquoted($0)), names: nameKey) }
            if remaining.count == values.count {
                kept.append(token)
            } else if !remaining.isEmpty {
                kept.append(token[...colon] + remaining.joined(separator: ","))
            }
        }
        return joined(kept, like: text)
    }

    /// `text` without any filter: the free words only.
    public static func removingFilters(in text: String) -> String {
        joined(rawTokens(text).filter { keyOf($0) == nil }, like: text)
    }

    /// A name as a filter value: quoted when it holds a space, a comma or a colon.
    public static func quoted(_ name: String) -> String {
        let clean = name.filter { $0 != "\"" }
        return clean.contains(where: { $0.isWhitespace || $0 == "," || $0 == ":" }) ? "\"\(clean)\"" : clean
    }

    // MARK: - Tokens as typed

    /// The tokens of `text` as typed (quotes kept), split at whitespace outside quotes.
    static func rawTokens(_ text: String) -> [String] {
        splitOutsideQuotes(Substring(text), on: nil).filter { !$0.isEmpty }
    }

    /// Splits at `separator` (whitespace when nil) outside double quotes.
    private static func splitOutsideQuotes(_ text: Substring, on separator: Character?) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inQuotes = false
        for character in text {
            if character == "\"" { inQuotes.toggle() }
            let splits = separator.map { character == $0 } ?? character.isWhitespace
            if splits && !inQuotes {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces
    }

    private static func unquoted(_ value: String) -> String { value.filter { $0 != "\"" } }

    /// The lowercased key of a filter token, nil for a free word (the rule of `QueryToken`).
    private static func keyOf(_ token: String) -> String? {
        guard let parsed = try? QueryToken.split(token), parsed.count == 1 else { return nil }
        return parsed[0].keyAndValue()?.0
    }

    private static func aliases(of key: String) -> Set<String> {
        key == "cat" || key == "category" ? ["cat", "category"] : [key]
    }

    private static func insertFilter(_ filter: String, into tokens: inout [String]) {
        let lastFilter = tokens.lastIndex { keyOf($0) != nil }
        tokens.insert(filter, at: lastFilter.map { $0 + 1 } ?? 0)
    }

    /// The tokens separated by single spaces, with a trailing space when `original` had one (the
    /// last free word then stays whole rather than a prefix).
    private static func joined(_ tokens: [String], like original: String) -> String {
        let text = tokens.joined(separator: " ")
        return !text.isEmpty && original.last?.isWhitespace == true ? text + " " : text
    }
}
