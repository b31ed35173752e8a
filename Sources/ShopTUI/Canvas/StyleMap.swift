/// A canvas's styles as text, for golden files that check colours and attributes as well as
/// characters: a legend naming each style used with one symbol, in the order they first appear
/// (row by row), then one row of symbols per screen row, a symbol per cell. Two canvases with the
/// same text and the same style map look the same on any terminal.
public enum StyleMap {
    /// The symbols given to styles in order; a canvas with more styles than symbols gets `?` for the rest.
    static let symbols = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@#$%&*+=<>")

    public static func of(_ canvas: Canvas) -> String {
        var symbolOf: [TextStyle: Character] = [:]
        var legend: [String] = []
        var rows: [String] = []
        rows.reserveCapacity(canvas.height)
        for y in 0..<canvas.height {
            var row = ""
            row.reserveCapacity(canvas.width)
            for x in 0..<canvas.width {
                let style = canvas[x, y].style
                if let symbol = symbolOf[style] {
                    row.append(symbol)
                    continue
                }
                let symbol = symbolOf.count < symbols.count ? symbols[symbolOf.count] : "?"
                if symbol != "?" {
                    symbolOf[style] = symbol
                    legend.append("\(symbol) \(describe(style))")
                }
                row.append(symbol)
            }
            rows.append(row)
        }
        return (legend + ["---"] + rows).joined(separator: "\n")
    }

    /// `fg=#ff8800 bg=default bold,reverse`.
    public static func describe(_ style: TextStyle) -> String {
        var text = "fg=\(describe(style.foreground)) bg=\(describe(style.background))"
        let names: [(TextAttributes, String)] = [
            (.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"), (.reverse, "reverse"),
            (.strikethrough, "strikethrough"),
        ]
        let set = names.filter { style.attributes.contains($0.0) }.map(\.1)
        if !set.isEmpty { text += " " + set.joined(separator: ",") }
        return text
    }

    static func describe(_ colour: Colour) -> String {
        switch colour {
        case .terminalDefault: return "default"
        case let .ansi(index): return "ansi\(index)"
        case let .indexed(index): return "idx\(index)"
        case let .rgb(r, g, b):
            let hex = [r, g, b].map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }
            return "#" + hex.joined()
        }
    }
}
