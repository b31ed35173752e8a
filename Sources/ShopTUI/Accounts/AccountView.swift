/// The "Log in" and "Create an account" screens: the note that opened them, then the form.
enum AccountView {
    static func draw(_ state: AppState, _ screen: AccountForm, into canvas: inout Canvas) {
        let styles = state.styles
        var content = FormScreen.draw(state, title: screen.title, into: &canvas)
        var intro: [(String, TextStyle)] = []
        if let note = screen.note { intro.append((note, styles.heading)) }
        if screen.mode == .logIn {
            intro.append(("Log in with your email and password, or create an account.", styles.muted))
        } else {
            intro.append(("Your name and address are where orders are delivered.", styles.muted))
        }
        for (text, style) in intro where content.height > 2 {
            for line in TextWrap.lines(text, width: content.width - FormScreen.textIndent) {
                canvas.put(line, x: content.x + FormScreen.textIndent, y: content.y, style: style)
                content = Rect(x: content.x, y: content.y + 1, width: content.width, height: content.height - 1)
            }
        }
        if content.height > 4 { content = Rect(x: content.x, y: content.y + 1, width: content.width, height: content.height - 1) }
        FormView.draw(screen.form, state: state, in: content, into: &canvas)
    }
}
