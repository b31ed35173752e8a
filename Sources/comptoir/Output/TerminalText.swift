import ShopTUI

/// Text for the command line's tables, measured and cleaned the way the interface does it:
/// data never drives the terminal, and wide characters keep columns aligned.
enum TerminalText {
    static func sanitize(_ text: String) -> String { TextSanitizer.clean(text) }

    static func width(_ text: String) -> Int { DisplayWidth.of(text) }

    /// Cuts `text` to at most `limit` columns, ending with `…` when something was cut.
    static func truncate(_ text: String, toWidth limit: Int) -> String {
        guard width(text) > limit else { return text }
        guard limit > 0 else { return "" }
        var out = ""
        var used = 0
        for character in text {
            let next = DisplayWidth.of(character)
            if used + next > limit - 1 { break }
            out.append(character)
            used += next
        }
        return out + "…"
    }

    static func wrap(_ text: String, width: Int) -> [String] { TextWrap.lines(text, width: width) }
}
