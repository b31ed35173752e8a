/// Rows of cells under column headings, each column with a width (or the room left) and an
/// alignment; numbers align right. The rows scroll and select like a `ListWidget`.
public struct TableWidget {
    public struct Column: Sendable {
        public enum Alignment: Sendable { case left, right }

        public var title: String
        /// Columns wide; nil shares the room the fixed columns leave.
        public var width: Int?
        public var alignment: Alignment

        public init(_ title: String, width: Int? = nil, alignment: Alignment = .left) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    /// How many rows the table has.
    public var count: Int
    /// A row's cells, asked for only for the rows drawn: a long table costs what shows of it.
    public var row: (Int) -> [String]
    public var cursor: ListCursor?

    public init(columns: [Column], rows: [[String]], cursor: ListCursor? = nil) {
        self.init(columns: columns, count: rows.count, cursor: cursor) { rows[$0] }
    }

    public init(columns: [Column], count: Int, cursor: ListCursor? = nil, row: @escaping (Int) -> [String]) {
        self.columns = columns
        self.count = count
        self.row = row
        self.cursor = cursor
    }

    /// Each column's width in `total` columns, one column of space between them.
    public func widths(total: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        let fixed = columns.compactMap(\.width).reduce(0, +)
        let flexible = columns.filter { $0.width == nil }.count
        let share = flexible == 0 ? 0 : max(1, (total - gaps - fixed) / flexible)
        return columns.map { $0.width ?? share }
    }

    /// Draws the headings on the first row of `rect` and the rows under them.
    public func draw(in rect: Rect, styles: ThemeStyles, focused: Bool, into canvas: inout Canvas) {
        guard rect.height > 0, rect.width > 0 else { return }
        // The first column of `rect` is the selection marker's: the cells share the rest.
        let widths = widths(total: rect.width - 1)
        drawRow(columns.map(\.title), widths: widths, y: rect.y, x: rect.x, maxX: rect.maxX, style: styles.heading, into: &canvas)
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        let list = ListWidget(count: count, cursor: cursor ?? ListCursor(selected: -1))
        guard cursor != nil else {
            for index in 0..<min(count, max(0, body.height)) {
                drawRow(row(index), widths: widths, y: body.y + index, x: body.x, maxX: body.maxX, style: styles.base, into: &canvas)
            }
            return
        }
        list.draw(in: body, styles: styles, focused: focused, into: &canvas) { index, _, canvas, y in
            drawRow(row(index), widths: widths, y: y, x: body.x, maxX: body.maxX, style: styles.base, into: &canvas)
        }
    }

    private func drawRow(_ cells: [String], widths: [Int], y: Int, x: Int, maxX: Int, style: TextStyle, into canvas: inout Canvas) {
        var column = x + 1
        for (index, width) in widths.enumerated() where index < cells.count && column < maxX {
            let room = min(width, maxX - column)
            if columns[index].alignment == .right {
                canvas.putRight(cells[index], rightEdge: column + room, y: y, maxWidth: room, style: style)
            } else {
                canvas.put(cells[index], x: column, y: y, maxWidth: room, style: style)
            }
            column += width + 1
        }
    }
}
