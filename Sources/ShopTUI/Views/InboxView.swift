/// The Orders and Messages panes. The shop keeps no orders or messages yet (they arrive with
/// checkout), so each says so and what will appear there.
enum InboxView {
    static func drawOrders(_ state: AppState, in rect: Rect, focused: Bool, into canvas: inout Canvas) {
        let inner = ShopView.frame(rect, title: "4 Orders", focused: focused, state: state, into: &canvas)
        drawEmpty(["No orders yet.", "Orders you place appear here;", "Enter shows the tracking."], inner: inner, state: state, into: &canvas)
    }

    static func drawMessages(_ state: AppState, in rect: Rect, focused: Bool, into canvas: inout Canvas) {
        let inner = ShopView.frame(rect, title: "5 Messages", focused: focused, state: state, into: &canvas)
        drawEmpty(["No messages yet.", "Confirmations, vouchers and", "delivery news arrive here."], inner: inner, state: state, into: &canvas)
    }

    private static func drawEmpty(_ lines: [String], inner: Rect, state: AppState, into canvas: inout Canvas) {
        for (offset, text) in lines.enumerated() where offset < inner.height {
            canvas.put(text, x: inner.x + 2, y: inner.y + offset, maxWidth: inner.width - 3, style: offset == 0 ? state.styles.base : state.styles.muted)
        }
    }
}
