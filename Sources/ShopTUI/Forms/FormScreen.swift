/// The frame of a full-screen form (log in, registration, checkout): the panes give way to a
/// box centred in a column of at most `maximumWidth` cells, titled, with an optional breadcrumb
/// of steps; the header, status line and footer stay.
public enum FormScreen {
    static let maximumWidth = 70

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

    /// Draws the box, title and breadcrumb; returns the rectangle left for the content.
    @discardableResult
    public static func draw(_ state: AppState, title: String, breadcrumb: Breadcrumb? = nil, into canvas: inout Canvas) -> Rect {
        let styles = state.styles
        let box = box(state)
        canvas.box(box, title: title, style: styles.borderFocus, titleStyle: styles.titleFocus)
        var content = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        if let breadcrumb {
            var x = content.x
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
}
