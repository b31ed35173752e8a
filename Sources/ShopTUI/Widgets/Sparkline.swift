import ShopCore

/// One row of block characters, one a value, the height of each its share of the largest: a trend
/// in little room (orders per day on the dashboard), with its smallest and largest labelled.
///
///     orders ▁▂▄█▆▃  max 12 · min 1
public struct Sparkline {
    public var values: [Int64]

    public init(_ values: [Int64]) {
        self.values = values
    }

    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The blocks for the last `width` values.
    public func blocks(width: Int) -> String {
        let shown = values.suffix(max(0, width))
        let smallest = shown.min() ?? 0, largest = shown.max() ?? 0
        let span = max(1, largest - smallest)
        return String(shown.map { value in Self.levels[Int((value - smallest) * 7 / span)] })
    }

    /// Draws `label`, the blocks and the range on one row of `rect`.
    public func draw(label: String, in rect: Rect, styles: ThemeStyles, lineStyle: TextStyle, into canvas: inout Canvas) {
        guard rect.height > 0, rect.width > 0 else { return }
        let range = values.isEmpty ? "" : "  max \(values.max()!) · min \(values.min()!)"
        var x = rect.x
        x += canvas.put(label + " ", x: x, y: rect.y, maxWidth: rect.maxX - x, style: styles.heading)
        let room = max(0, rect.maxX - x - DisplayWidth.of(range))
        x += canvas.put(blocks(width: room), x: x, y: rect.y, maxWidth: room, style: lineStyle)
        canvas.put(range, x: x, y: rect.y, maxWidth: rect.maxX - x, style: styles.muted)
    }
}
