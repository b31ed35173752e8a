import ShopCore

/// One cell of the screen: a grapheme, the columns it takes (0 for the right half of a wide
/// grapheme) and its style.
public struct Cell: Hashable, Sendable {
    public var grapheme: String
    public var width: UInt8
    public var style: TextStyle

    public init(grapheme: String = " ", width: UInt8 = 1, style: TextStyle = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }
}

/// A grid of cells that views draw into; the terminal backend copies it to the screen and tests
/// read it as text. Every string is sanitized on the way in and clipped to the grid, so no view
/// can write outside its area or send a control character to the terminal.
public struct Canvas: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the hardware cursor should sit (the selected row, or the search box while typing).
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int, style: TextStyle = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(style: style), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Paints `rect` with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: TextStyle) {
        let blank = Cell(style: style)
        let left = max(0, rect.x), right = min(width, rect.maxX)
        guard left < right else { return }
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            let start = row * width
            // A wide grapheme cut by the edge of the rectangle loses its other half too.
            if left > 0, cells[start + left - 1].width == 2 { cells[start + left - 1].grapheme = " "; cells[start + left - 1].width = 1 }
            if right < width, cells[start + right].width == 0 { cells[start + right].grapheme = " "; cells[start + right].width = 1 }
            for column in left..<right { cells[start + column] = blank }
        }
    }

    /// Changes the style of the cells of `rect` and keeps their text.
    public mutating func restyle(_ rect: Rect, style: TextStyle) {
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in max(0, rect.x)..<min(width, rect.maxX) { cells[row * width + column].style = style }
        }
    }

    /// Writes `text` from column `x` of row `y`, within `maxWidth` columns (to the right edge when
    /// nil). Text that does not fit ends with `…`. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, maxWidth: Int? = nil, style: TextStyle) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        guard limit > 0 else { return 0 }
        let safe = TextSanitizer.isClean(text) ? String(text) : TextSanitizer.clean(text)
        if safe.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return putASCII(safe, x: x, y: y, limit: limit, style: style)
        }
        let total = DisplayWidth.of(safe)
        let budget = total > limit ? limit - 1 : limit
        var column = x
        for grapheme in safe {
            let columns = DisplayWidth.of(grapheme)
            if columns == 0 { continue }
            if column + columns > x + budget { break }
            setCell(x: column, y: y, grapheme: String(grapheme), width: columns, style: style)
            column += columns
        }
        if total > limit {
            setCell(x: column, y: y, grapheme: "…", width: 1, style: style)
            column += 1
        }
        return column - x
    }

    private mutating func putASCII(_ text: String, x: Int, y: Int, limit: Int, style: TextStyle) -> Int {
        let bytes = text.utf8
        let truncated = bytes.count > limit
        let count = truncated ? limit - 1 : bytes.count
        var column = x
        for byte in bytes.prefix(count) {
            if column >= 0 { setCell(x: column, y: y, grapheme: String(UnicodeScalar(byte)), width: 1, style: style) }
            column += 1
        }
        if truncated {
            setCell(x: column, y: y, grapheme: "…", width: 1, style: style)
            column += 1
        }
        return column - x
    }

    /// Writes `text` so that it ends at column `rightEdge` (exclusive). Returns the columns written.
    @discardableResult
    public mutating func putRight(_ text: some StringProtocol, rightEdge: Int, y: Int, maxWidth: Int, style: TextStyle) -> Int {
        let columns = min(DisplayWidth.of(TextSanitizer.clean(text)), maxWidth)
        return put(text, x: rightEdge - columns, y: y, maxWidth: maxWidth, style: style)
    }

    /// Draws a rounded single-line border around `rect`, with an optional title on the top edge.
    public mutating func box(_ rect: Rect, title: String? = nil, style: TextStyle, titleStyle: TextStyle? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let top = rect.y, bottom = rect.maxY - 1, left = rect.x, right = rect.maxX - 1
        setCell(x: left, y: top, grapheme: "╭", width: 1, style: style)
        setCell(x: right, y: top, grapheme: "╮", width: 1, style: style)
        setCell(x: left, y: bottom, grapheme: "╰", width: 1, style: style)
        setCell(x: right, y: bottom, grapheme: "╯", width: 1, style: style)
        for column in (left + 1)..<right {
            setCell(x: column, y: top, grapheme: "─", width: 1, style: style)
            setCell(x: column, y: bottom, grapheme: "─", width: 1, style: style)
        }
        for row in (top + 1)..<bottom {
            setCell(x: left, y: row, grapheme: "│", width: 1, style: style)
            setCell(x: right, y: row, grapheme: "│", width: 1, style: style)
        }
        if let title, rect.width > 6 {
            put(" \(title) ", x: left + 2, y: top, maxWidth: rect.width - 4, style: titleStyle ?? style)
        }
    }

    /// Draws a horizontal rule across `width` columns.
    public mutating func rule(x: Int, y: Int, width columns: Int, style: TextStyle) {
        for column in x..<(x + max(0, columns)) { setCell(x: column, y: y, grapheme: "─", width: 1, style: style) }
    }

    /// The visible text, one line a row, trailing spaces removed: what `tmux capture-pane -p` shows.
    public func text() -> String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for row in 0..<height {
            var line = ""
            for column in 0..<width {
                let cell = cells[row * width + column]
                if cell.width > 0 { line += cell.grapheme }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Sets one cell, keeping wide graphemes whole: a wide grapheme that does not fit before the
    /// right edge becomes a space, and overwriting half of a wide grapheme blanks its other half.
    private mutating func setCell(x: Int, y: Int, grapheme: String, width columns: Int, style: TextStyle) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        if cells[index].width == 0, x > 0 { cells[index - 1] = Cell(grapheme: " ", width: 1, style: cells[index - 1].style) }
        if cells[index].width == 2, x + 1 < width { cells[index + 1] = Cell(grapheme: " ", width: 1, style: cells[index + 1].style) }
        if columns == 2 {
            guard x + 1 < width else {
                cells[index] = Cell(grapheme: " ", width: 1, style: style)
                return
            }
            if cells[index + 1].width == 2, x + 2 < width { cells[index + 2] = Cell(grapheme: " ", width: 1, style: cells[index + 2].style) }
            cells[index] = Cell(grapheme: grapheme, width: 2, style: style)
            cells[index + 1] = Cell(grapheme: "", width: 0, style: style)
        } else {
            cells[index] = Cell(grapheme: grapheme, width: 1, style: style)
        }
    }
}
