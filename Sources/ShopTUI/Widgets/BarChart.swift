import ShopCore

/// Vertical bars with labelled axes: the values on the left axis (the largest at the top, 0 at
/// the bottom), one label a bar under the bottom axis, as many as fit. What the back office's
/// dashboard draws revenue per day with.
///
///     120 ┤    █
///         │ ▄  █
///       0 ┼─────────
///          1  2  3
public struct BarChart {
    public struct Bar: Sendable {
        public var label: String
        public var value: Int64

        public init(_ label: String, _ value: Int64) {
            self.label = label
            self.value = value
        }
    }

    public var bars: [Bar]
    /// How an axis value reads (`1,200.00 €`); the default writes the integer.
    public var format: (Int64) -> String

    public init(bars: [Bar], format: @escaping (Int64) -> String = { String($0) }) {
        self.bars = bars
        self.format = format
    }

    /// The eighths of a block for the top of a bar.
    static let partial: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public func draw(in rect: Rect, styles: ThemeStyles, barStyle: TextStyle, into canvas: inout Canvas) {
        guard rect.height >= 3, rect.width >= 6 else { return }
        let largest = max(1, bars.map(\.value).max() ?? 1)
        let axisLabels = [format(largest), format(0)]
        let axisWidth = min(rect.width / 3, axisLabels.map { DisplayWidth.of($0) }.max() ?? 1)
        let plotX = rect.x + axisWidth + 2
        let plotHeight = rect.height - 2
        let axisY = rect.y + plotHeight
        canvas.putRight(axisLabels[0], rightEdge: rect.x + axisWidth, y: rect.y, maxWidth: axisWidth, style: styles.muted)
        canvas.putRight(axisLabels[1], rightEdge: rect.x + axisWidth, y: axisY, maxWidth: axisWidth, style: styles.muted)
        for y in rect.y..<axisY { canvas.put(y == rect.y ? "┤" : "│", x: plotX - 1, y: y, maxWidth: 1, style: styles.border) }
        canvas.put("┼", x: plotX - 1, y: axisY, maxWidth: 1, style: styles.border)
        canvas.rule(x: plotX, y: axisY, width: rect.maxX - plotX, style: styles.border)
        let room = rect.maxX - plotX
        guard !bars.isEmpty, room > 0 else { return }
        // Each bar is `barWidth` columns with a gap after it; bars that do not fit are the oldest, left out.
        let slot = max(2, min(8, room / bars.count))
        let barWidth = max(1, slot - 1)
        let shown = bars.suffix(room / slot)
        // Labels wider than a bar go under every few bars, counted from the newest, so they never run into each other.
        let labelWidth = shown.map { DisplayWidth.of($0.label) }.max() ?? 0
        let labelEvery = max(1, (labelWidth + slot) / slot)
        for (offset, bar) in shown.enumerated() {
            let x = plotX + offset * slot
            let eighths = Int((Int64(plotHeight * 8) * max(0, bar.value) + largest / 2) / largest)
            for row in 0..<plotHeight {
                let filled = min(8, max(0, eighths - row * 8))
                guard filled > 0 else { break }
                let y = axisY - 1 - row
                canvas.put(String(repeating: Self.partial[filled], count: barWidth), x: x, y: y, maxWidth: barWidth, style: barStyle)
            }
            // A label ends under its bar's right edge, so the newest one never runs off the chart.
            if (shown.count - 1 - offset) % labelEvery == 0 {
                let labelX = max(rect.x, x + barWidth - DisplayWidth.of(bar.label))
                canvas.put(bar.label, x: labelX, y: axisY + 1, maxWidth: min(labelWidth, rect.maxX - labelX), style: styles.muted)
            }
        }
    }
}
