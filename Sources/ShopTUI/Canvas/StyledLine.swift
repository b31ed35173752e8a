import ShopCore

/// One line of text made of differently styled pieces, with an optional piece flush right
/// (an amount): what the order screen, the support thread and the message reader are made of,
/// so they can be built once, then scrolled and clipped to any height.
struct StyledLine: Sendable {
    struct Span: Sendable {
        var text: String
        var style: TextStyle
    }

    var spans: [Span]
    var trailing: Span?
    var indent: Int

    init(_ spans: [Span] = [], trailing: Span? = nil, indent: Int = 0) {
        self.spans = spans
        self.trailing = trailing
        self.indent = indent
    }

    init(_ text: String, _ style: TextStyle, trailing: Span? = nil, indent: Int = 0) {
        self.init([Span(text: text, style: style)], trailing: trailing, indent: indent)
    }

    static let blank = StyledLine()

    /// The lines of `text` wrapped to `width` columns in one style; line breaks in the text are
    /// kept, blank lines too.
    static func wrapped(_ text: String, width: Int, style: TextStyle, indent: Int = 0) -> [StyledLine] {
        var lines: [StyledLine] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let pieces = TextWrap.lines(String(paragraph), width: max(1, width - indent))
            if pieces.isEmpty { lines.append(.blank) }
            lines += pieces.map { StyledLine($0, style, indent: indent) }
        }
        return lines
    }

    /// Draws the line within `width` columns from `x`; the trailing piece keeps its room and the
    /// pieces before it are cut with `…`.
    func draw(x: Int, y: Int, width: Int, into canvas: inout Canvas) {
        var right = x + width
        if let trailing {
            let columns = min(DisplayWidth.of(trailing.text), width)
            canvas.putRight(trailing.text, rightEdge: right, y: y, maxWidth: columns, style: trailing.style)
            right -= columns + 1
        }
        var column = x + indent
        for span in spans where column < right {
            column += canvas.put(span.text, x: column, y: y, maxWidth: right - column, style: span.style)
        }
    }
}
