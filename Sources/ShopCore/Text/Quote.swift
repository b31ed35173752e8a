/// How a value from input or data appears inside a message (an error, a status line): on one
/// line, cleaned of controls and escape sequences, and cut to `maximumWidth` columns with `…`,
/// so that a hostile or huge value can neither drive the terminal, forge a second line nor
/// drown the message.
public enum Quote {
    /// The widest a value may be in a message, `…` included.
    public static let maximumWidth = 40

    /// `'value'` (or between other `marks`), cleaned and shortened.
    public static func value(_ text: some StringProtocol, in marks: Character = "'") -> String {
        String(marks) + self.text(text) + String(marks)
    }

    /// `'c'`, for a character a message points at.
    public static func value(_ character: Character) -> String {
        value(String(character))
    }

    /// The value cleaned and shortened, without quotes (for names such as a product title).
    public static func text(_ text: some StringProtocol) -> String {
        shortened(TextSanitizer.clean(text, for: .terminalLine), toWidth: maximumWidth)
    }

    /// `text` cut to at most `limit` columns, ending with `…` when something was cut. Graphemes
    /// are never split, and a wide character that would cross the limit is left out whole.
    public static func shortened(_ text: String, toWidth limit: Int) -> String {
        guard limit > 0 else { return "" }
        if text.utf8.count <= limit, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = ""
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let width = DisplayWidth.of(text[index])
            if used + width > limit { break }
            out.append(text[index])
            used += width
            index = text.index(after: index)
        }
        guard index < text.endIndex else { return out }
        while let last = out.last, used + 1 > limit {
            out.removeLast()
            used -= DisplayWidth.of(last)
        }
        return out + "…"
    }
}
