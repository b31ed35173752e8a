/// Lines of styled text in a framed area, from line `scroll`: the scroll is clamped when drawing,
/// to the lines there are and the rows that fit, so `update` keeps whatever the keys asked for
/// and never builds the document to know its length.
struct ScrolledDocument {
    var lines: [StyledLine]
    var scroll: Int

    /// The first line shown in `rows` rows.
    func top(rows: Int) -> Int { min(max(0, scroll), max(0, lines.count - rows)) }

    /// Draws the lines inside `inner` (one column of margin each side); says where it is when the
    /// document does not fit, on the frame's bottom edge.
    func draw(in inner: Rect, frame: Rect, styles: ThemeStyles, into canvas: inout Canvas) -> Int {
        let top = top(rows: inner.height)
        for (offset, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            line.draw(x: inner.x + 1, y: inner.y + offset, width: inner.width - 2, into: &canvas)
        }
        if lines.count > inner.height {
            let last = min(lines.count, top + inner.height)
            let position = " ↑↓ \(top + 1)–\(last) of \(lines.count) "
            canvas.putRight(position, rightEdge: frame.maxX - 2, y: frame.maxY - 1, maxWidth: max(0, frame.width - 4), style: styles.muted)
        }
        return top
    }
}
