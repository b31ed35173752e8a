/// A list of rows with a selection, scrolled so the selection shows: the scroll is clamped when
/// drawing (to the rows there are and the rows that fit), never stored clamped by `update`.
public struct ListWidget {
    public var count: Int
    public var cursor: ListCursor

    public init(count: Int, cursor: ListCursor) {
        self.count = count
        self.cursor = cursor
    }

    /// The first row shown in `height` rows: the cursor's, moved as little as possible to show the selection.
    public func top(height: Int) -> Int {
        var shown = cursor
        shown.keepVisible(count: count, visible: height)
        return shown.top
    }

    /// Draws rows `top...` into `rect` with `row(index, width)`; the selected one is marked with
    /// `›` and `selectionStyle` (the hardware cursor goes there when `focused`).
    public func draw(in rect: Rect, styles: ThemeStyles, focused: Bool, into canvas: inout Canvas,
                     row: (Int, Int, inout Canvas, Int) -> Void) {
        guard rect.height > 0, rect.width > 0, count > 0 else { return }
        let top = top(height: rect.height)
        for offset in 0..<rect.height {
            let index = top + offset
            guard index < count else { break }
            row(index, rect.width, &canvas, rect.y + offset)
            if index == cursor.selected {
                Self.markSelected(row: rect.y + offset, in: rect, style: focused ? styles.selection : styles.selectionInactive,
                                  focused: focused, into: &canvas)
            }
        }
    }

    /// Paints a selected row: the `›` marker, and the selection style over the row's own colours
    /// (reverse video in `mono`); the hardware cursor goes there when the list has the focus.
    public static func markSelected(row: Int, in rect: Rect, style: TextStyle, focused: Bool, into canvas: inout Canvas) {
        guard row >= 0, row < canvas.height, rect.width > 0 else { return }
        for column in max(0, rect.x)..<min(canvas.width, rect.maxX) {
            var cellStyle = canvas[column, row].style
            if style.background != .terminalDefault { cellStyle.background = style.background }
            if style.foreground != .terminalDefault { cellStyle.foreground = style.foreground }
            cellStyle.attributes = cellStyle.attributes.subtracting(.strikethrough).union(style.attributes)
            canvas.restyle(Rect(x: column, y: row, width: 1, height: 1), style: cellStyle)
        }
        canvas.put("›", x: rect.x, y: row, maxWidth: 1, style: canvas[rect.x, row].style)
        if focused { canvas.cursor = (rect.x, row) }
    }
}
