import ShopCore

/// The login screen: who may open the back office, and the form.
enum BackOfficeLoginView {
    static func draw(_ state: BackOfficeState, form: Form, in body: Rect, into canvas: inout Canvas) {
        let width = min(body.width, 64)
        let box = Rect(x: body.x + (body.width - width) / 2, y: body.y + 1, width: width, height: min(body.height - 1, 12))
        let inner = BackOfficeView.frame(box, title: "Back office · staff login", state: state, into: &canvas)
        var content = Rect(x: inner.x, y: inner.y, width: inner.width - 1, height: inner.height)
        content = FormScreen.write("Staff of the shop only. A customer account cannot open the back office.",
                                   style: state.styles.muted, in: content, into: &canvas)
        FormView.draw(form, styles: state.styles, in: FormScreen.skip(1, content), into: &canvas)
    }
}
