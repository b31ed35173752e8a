/// The selected row of a list and the first row shown, kept consistent with each other.
public struct ListCursor: Hashable, Sendable {
    public var selected: Int
    public var top: Int

    public init(selected: Int = 0, top: Int = 0) {
        self.selected = selected
        self.top = top
    }

    /// Moves the selection by `delta` rows within `count` rows, scrolling so it stays among `visible`.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        guard count > 0 else { self = ListCursor(); return }
        selected = min(max(0, selected + delta), count - 1)
        keepVisible(count: count, visible: visible)
    }

    public mutating func moveTo(_ row: Int, count: Int, visible: Int) {
        move(by: row - selected, count: count, visible: visible)
    }

    /// Clamps to `count` rows and scrolls as little as possible so the selection is visible.
    public mutating func keepVisible(count: Int, visible: Int) {
        guard count > 0 else { self = ListCursor(); return }
        selected = min(max(0, selected), count - 1)
        let rows = max(1, visible)
        if selected < top { top = selected }
        if selected >= top + rows { top = selected - rows + 1 }
        top = max(0, min(top, max(0, count - rows)))
    }
}
