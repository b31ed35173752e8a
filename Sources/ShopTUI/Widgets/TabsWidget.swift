import ShopCore

/// A row of tabs side by side, the selected one highlighted, each label drawn as given (with its
/// own padding: ` 1 Catalogue `). Knows which tab a click fell on.
public struct TabsWidget {
    public var labels: [String]
    public var selected: Int

    public init(labels: [String], selected: Int) {
        self.labels = labels
        self.selected = selected
    }

    /// The tab at `column` (counted from the row's start), if any.
    public func tab(atColumn column: Int) -> Int? {
        var x = 0
        for (index, label) in labels.enumerated() {
            let width = DisplayWidth.of(label)
            if column >= x && column < x + width { return index }
            x += width
        }
        return nil
    }

    public func draw(in rect: Rect, styles: ThemeStyles, into canvas: inout Canvas) {
        guard rect.height > 0 else { return }
        canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: styles.tab)
        var x = rect.x
        for (index, label) in labels.enumerated() where x < rect.maxX {
            x += canvas.put(label, x: x, y: rect.y, maxWidth: rect.maxX - x, style: index == selected ? styles.tabActive : styles.tab)
        }
    }
}
