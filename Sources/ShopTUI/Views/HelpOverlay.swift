/// `?`: every key of the shop in a box over the screen; any key closes it.
enum HelpOverlay {
    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let styles = state.styles
        var lines: [(String, String, Bool)] = []
        for group in KeyHelp.all {
            if !lines.isEmpty { lines.append(("", "", false)) }
            lines.append((group.group, "", true))
            for binding in group.bindings { lines.append((binding.keys, binding.action, false)) }
        }
        let keyWidth = 22
        let width = min(canvas.width - 2, 72)
        let height = min(canvas.height - 2, lines.count + 3)
        let rect = Rect(x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width: width, height: height)
        canvas.fill(rect, style: styles.overlay)
        canvas.box(rect, title: "Keys · any key closes", style: styles.overlayBorder)
        let inner = rect.inner
        for (offset, line) in lines.enumerated() where offset < inner.height - 1 {
            let y = inner.y + 1 + offset
            if line.2 {
                canvas.put(line.0, x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: styles.heading.withBackground(of: styles.overlay))
            } else {
                canvas.put(line.0, x: inner.x + 2, y: y, maxWidth: keyWidth - 1, style: styles.footerKey.withBackground(of: styles.overlay))
                canvas.put(line.1, x: inner.x + 2 + keyWidth, y: y, maxWidth: inner.width - keyWidth - 3, style: styles.overlay)
            }
        }
    }
}
