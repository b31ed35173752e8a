import ShopCore

/// A small form over the pane (ship, stock, price, refund, new promotion), in a box at its middle.
enum ActionFormView {
    static func draw(_ state: BackOfficeState, action: ActionForm, in body: Rect, into canvas: inout Canvas) {
        let width = min(body.width - 4, 60)
        let formHeight = FormView.height(action.form, width: width - 3)
        let height = min(body.height, formHeight + 3)
        let box = Rect(x: body.x + (body.width - width) / 2, y: body.y + max(0, (body.height - height) / 2), width: width, height: height)
        let inner = BackOfficeView.frame(box, title: action.title, state: state, into: &canvas)
        let content = Rect(x: inner.x, y: inner.y + 1, width: inner.width - 1, height: inner.height - 1)
        FormView.draw(action.form, styles: state.styles, in: content, focused: !action.isWaiting, into: &canvas)
    }
}
