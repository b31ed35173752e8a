import ShopCore

/// Draws the whole screen for a state. Views only read the state and write into the canvas.
public enum ShopView {
    public static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height, style: state.styles.base)
        draw(state, into: &canvas)
        return canvas
    }

    public static func draw(_ state: AppState, into canvas: inout Canvas) {
        let styles = state.styles
        canvas.fill(canvas.bounds, style: styles.base)
        canvas.cursor = nil
        let layout = state.layout
        guard layout.mode != .tooSmall else {
            drawTooSmall(state, into: &canvas)
            return
        }
        HeaderView.draw(state, layout: layout, into: &canvas)
        // The highest screen that replaces the panes draws itself; the screens over it (the y/n
        // questions, the help) show in the status line, the footer and the overlay.
        let covering = ShopScreens.covering(state)
        let screenOpen = covering.map { ShopScreens.draw($0, state, layout: layout, into: &canvas) } ?? false
        if !screenOpen, let tabs = layout.tabBar { TabBarView.draw(state, in: tabs, into: &canvas) }
        for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where !screenOpen {
            let focused = pane == state.focus
            switch pane {
            case .catalogue:
                if let product = state.detailProduct, let detail = state.detail {
                    ProductDetailView.draw(state, product: product, detail: detail, in: rect, focused: focused, into: &canvas)
                } else {
                    CatalogueView.draw(state, in: rect, focused: focused, into: &canvas)
                }
            case .filters: FiltersView.draw(state, in: rect, focused: focused, into: &canvas)
            case .cart: CartView.draw(state, in: rect, focused: focused, into: &canvas)
            case .orders: OrdersPaneView.draw(state, in: rect, focused: focused, into: &canvas)
            case .messages: MessagesPaneView.draw(state, in: rect, focused: focused, into: &canvas)
            }
        }
        StatusBarView.draw(state, layout: layout, into: &canvas)
        if state.showsHelp { HelpOverlay.draw(state, into: &canvas) }
        if state.search.isEditing, !state.isFormScreenOpen { canvas.cursor = HeaderView.searchCursor(state, layout: layout) }
    }

    private static func drawTooSmall(_ state: AppState, into canvas: inout Canvas) {
        let lines = [
            "Terminal too small",
            "\(state.width)×\(state.height), needs \(Layout.minimumWidth)×\(Layout.minimumHeight)",
            "Enlarge it, or q quits",
        ]
        let top = max(0, (state.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (state.width - DisplayWidth.of(line)) / 2)
            canvas.put(line, x: x, y: top + offset, style: offset == 0 ? state.styles.error : state.styles.base)
        }
    }

    /// Draws a pane's border and title, focused or not; returns the inner rectangle.
    static func frame(_ rect: Rect, title: String, focused: Bool, state: AppState, into canvas: inout Canvas) -> Rect {
        let styles = state.styles
        canvas.box(rect, title: title, style: focused ? styles.borderFocus : styles.border,
                   titleStyle: focused ? styles.titleFocus : styles.title)
        return rect.inner
    }

    /// Paints a selected row: the `›` marker, and the selection style (reverse video in `mono`);
    /// the hardware cursor goes there when the pane has the focus.
    static func markSelected(row: Int, in inner: Rect, focused: Bool, state: AppState, into canvas: inout Canvas) {
        ListWidget.markSelected(row: row, in: Rect(x: inner.x, y: row, width: inner.width, height: 1),
                                style: focused ? state.styles.selection : state.styles.selectionInactive, focused: focused, into: &canvas)
    }
}
