/// `?`: every key of the shop in a box over the screen, in two columns when there is room, so that
/// all of it shows at 80×24; any key closes it.
enum HelpOverlay {
    static let keyWidth = 13

    static func draw(_ state: AppState, into canvas: inout Canvas) {
        draw(KeyHelp.all, styles: state.styles, into: &canvas)
    }

    /// Draws `groups` (an application's keys, from its key tables) in the box.
    static func draw(_ groups: [(group: String, bindings: [KeyHelp.Binding])], styles: ThemeStyles, into canvas: inout Canvas) {
        let twoColumns = canvas.width >= 78
        let columnWidth = twoColumns ? 37 : min(canvas.width - 4, 40)
        let columns = layout(groups, height: canvas.height - 4, columns: twoColumns ? 2 : 1)
        let rows = columns.map(\.count).max() ?? 0
        var width = min(canvas.width - 2, columns.count * columnWidth + 3)
        // As many columns left as right of the box.
        if (canvas.width - width) % 2 == 1, width + 1 <= canvas.width - 2 { width += 1 }
        let height = min(canvas.height - 2, rows + 2)
        let rect = Rect(x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width: width, height: height)
        // The rows of the box are blank either side of it: the screen under it would otherwise show
        // cut-off pieces of text and borders beside the box (the status line's last letter at
        // 80×24, the end of a price at 200×60).
        canvas.fill(Rect(x: 0, y: rect.y, width: canvas.width, height: rect.height), style: styles.base)
        canvas.fill(rect, style: styles.overlay)
        canvas.box(rect, title: "Keys · any key closes", style: styles.overlayBorder)
        let inner = rect.inner
        for (index, lines) in columns.enumerated() {
            let x = inner.x + 1 + index * (columnWidth + 1)
            for (offset, line) in lines.enumerated() where offset < inner.height {
                let y = inner.y + offset
                switch line {
                case let .heading(title):
                    canvas.put(title, x: x, y: y, maxWidth: columnWidth, style: styles.heading.withBackground(of: styles.overlay))
                case let .binding(keys, action):
                    canvas.put(keys, x: x + 1, y: y, maxWidth: keyWidth - 1, style: styles.footerKey.withBackground(of: styles.overlay))
                    canvas.put(action, x: x + 1 + keyWidth, y: y, maxWidth: min(columnWidth - keyWidth - 1, inner.maxX - x - keyWidth - 1), style: styles.overlay)
                case .blank:
                    break
                }
            }
        }
    }

    enum Line {
        case heading(String)
        case binding(String, String)
        case blank
    }

    /// Groups placed into columns in order, a group moving to the next column when it does not fit.
    static func layout(_ groups: [(group: String, bindings: [KeyHelp.Binding])] = KeyHelp.all, height: Int, columns count: Int) -> [[Line]] {
        var columns: [[Line]] = [[]]
        for group in groups {
            let lines = [Line.heading(group.group)] + group.bindings.map { Line.binding($0.keys, $0.action) }
            let needed = lines.count + (columns[columns.count - 1].isEmpty ? 0 : 1)
            if columns[columns.count - 1].count + needed > height, columns.count < count, !columns[columns.count - 1].isEmpty {
                columns.append([])
            }
            if !columns[columns.count - 1].isEmpty { columns[columns.count - 1].append(.blank) }
            columns[columns.count - 1] += lines
        }
        return columns
    }
}
