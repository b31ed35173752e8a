import ShopCore

/// The frame of a full-screen form (log in, registration, checkout): the panes give way to a
/// box centred in a column of at most `maximumWidth` cells, titled, with an optional breadcrumb
/// of steps; the header, status line and footer stay.
public enum FormScreen {
    static let maximumWidth = 70
    /// Columns from the content's left edge to the labels of a form.
    public static let textIndent = 2

    /// Steps of a wizard, the current one marked (bold and underlined, earlier ones in the
    /// success style, later ones muted), joined by `›`.
    public struct Breadcrumb: Hashable, Sendable {
        public var steps: [String]
        public var current: Int

        public init(_ steps: [String], current: Int) {
            self.steps = steps
            self.current = current
        }

        public var text: String { steps.joined(separator: " › ") }
    }

    /// The box for a screen of `state`'s size.
    static func box(_ state: AppState) -> Rect {
        let layout = state.layout
        let body = Rect(x: 0, y: layout.header.maxY, width: state.width, height: layout.status.y - layout.header.maxY)
        let width = min(body.width, maximumWidth)
        return Rect(x: body.x + (body.width - width) / 2, y: body.y, width: width, height: body.height)
    }

    /// Draws the box, title and breadcrumb; returns the rectangle left for the content. A form
    /// draws in it as it is (its focus marker in the first column); text lines start at
    /// `textIndent` to line up with the labels.
    @discardableResult
    public static func draw(_ state: AppState, title: String, breadcrumb: Breadcrumb? = nil, into canvas: inout Canvas) -> Rect {
        let styles = state.styles
        let box = box(state)
        canvas.box(box, title: title, style: styles.borderFocus, titleStyle: styles.titleFocus)
        var content = Rect(x: box.x + 1, y: box.y + 1, width: box.width - 3, height: box.height - 2)
        if let breadcrumb {
            var x = content.x + textIndent
            for (index, step) in breadcrumb.steps.enumerated() {
                if index > 0 { x += canvas.put(" › ", x: x, y: content.y, maxWidth: content.maxX - x, style: styles.muted) }
                let style: TextStyle
                if index == breadcrumb.current {
                    style = styles.titleFocus.adding([.bold, .underline])
                } else if index < breadcrumb.current {
                    style = styles.success
                } else {
                    style = styles.muted
                }
                x += canvas.put(step, x: x, y: content.y, maxWidth: max(0, content.maxX - x), style: style)
            }
            content = Rect(x: content.x, y: content.y + 2, width: content.width, height: content.height - 2)
        }
        return content
    }

    /// Writes wrapped text lines at the labels' indent on the content's first rows and returns
    /// the rectangle below them. `right` text, when given, ends at the right edge of the first line.
    @discardableResult
    public static func write(_ text: String, style: TextStyle, right: (String, TextStyle)? = nil, in content: Rect,
                             into canvas: inout Canvas) -> Rect {
        var rest = content
        let width = content.width - textIndent
        let rightWidth = right.map { DisplayWidth.of($0.0) + 1 } ?? 0
        let lines = right == nil ? TextWrap.lines(text, width: width) : [text]
        for (index, line) in lines.enumerated() where rest.height > 0 {
            canvas.put(line, x: rest.x + textIndent, y: rest.y, maxWidth: width - (index == 0 ? rightWidth : 0), style: style)
            if index == 0, let (words, rightStyle) = right {
                canvas.putRight(words, rightEdge: rest.maxX, y: rest.y, maxWidth: rightWidth, style: rightStyle)
            }
            rest = Rect(x: rest.x, y: rest.y + 1, width: rest.width, height: rest.height - 1)
        }
        return rest
    }

    /// The rectangle below `rows` blank rows.
    public static func skip(_ rows: Int, _ content: Rect) -> Rect {
        let rows = min(rows, content.height)
        return Rect(x: content.x, y: content.y + rows, width: content.width, height: content.height - rows)
    }
}
