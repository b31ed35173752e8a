/// A plain-text table for people: columns padded by display width, numbers right-aligned,
/// long cells cut with `…`. Cell text is sanitized so data can never drive the terminal.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment = .left
        /// The widest the column may grow; nil for no limit.
        var maxWidth: Int?
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ cells: [String]) { rows.append(cells.map(TerminalText.sanitize)) }

    func rendered() -> String {
        var widths = columns.map { TerminalText.width($0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], TerminalText.width(cell))
            }
        }
        for (index, column) in columns.enumerated() {
            if let limit = column.maxWidth { widths[index] = min(widths[index], limit) }
        }
        var lines = [line(columns.map(\.title), widths: widths)]
        for row in rows { lines.append(line(row, widths: widths)) }
        return lines.joined(separator: "\n")
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, column) in columns.enumerated() {
            let cell = index < cells.count ? cells[index] : ""
            let fitted = TerminalText.truncate(cell, toWidth: widths[index])
            let padding = String(repeating: " ", count: max(0, widths[index] - TerminalText.width(fitted)))
            let isLast = index == columns.count - 1
            switch column.alignment {
            case .left: parts.append(isLast ? fitted : fitted + padding)
            case .right: parts.append(padding + fitted)
            }
        }
        return parts.joined(separator: "  ")
    }
}
