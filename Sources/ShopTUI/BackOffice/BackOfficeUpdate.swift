import ShopCore

/// The back office's `update`: a message changes the state and asks for effects. Keys go down the
/// screen stack, top first, to the first table that binds them, then to the pane's and the global
/// keys (`BackOfficeKeys`). The outcome of an effect comes back through `answer`, to the screen
/// that asked for it.
public enum BackOfficeUpdate {
    public static func update(_ state: inout BackOfficeState, _ message: Message) -> [BackOfficeEffect] {
        switch message {
        case let .key(key):
            return dispatch(&state, key)
        case let .mouse(event):
            return mouse(&state, event)
        case let .resized(width, height):
            state.width = width
            state.height = height
            return []
        case let .shopChanged(shop, _), let .commandSucceeded(_, shop, _):
            state.show(shop)
            return []
        case let .tick(now):
            state.now = now
            return []
        case let .notice(text, isError):
            state.status = StatusMessage(text, isError: isError)
            return []
        case let .commandFailed(text):
            state.status = StatusMessage(text, isError: true)
            return []
        case let .answered(_, inner):
            return update(&state, inner)
        case .mailboxChanged, .searchFinished, .indexBuilt, .passwordWorkFinished, .demoBanner:
            return []
        }
    }

    /// The outcome of an effect the screen on `layer` asked for (nil: a pane's key): a success
    /// closes the form that asked and says its note; a refusal stays on the form, in its words.
    public static func answer(_ state: inout BackOfficeState, from layer: BackOfficeScreen.Layer?, _ message: Message) {
        switch message {
        case let .commandSucceeded(_, shop, note):
            state.show(shop)
            if !note.isEmpty { state.status = StatusMessage(note) }
            switch layer {
            case .login?:
                loggedIn(&state)
            case .form?:
                if case let .form(action)? = state.screens.screen(on: .form) {
                    state.status = StatusMessage(BackOfficeForms.done(action.purpose, note: note, state: state))
                }
                state.screens.close(.form)
            case .ticket?:
                changeTicket(&state) { ticket in
                    ticket.isWaiting = false
                    ticket.isReplying = false
                    ticket.reply.setText("reply", "")
                }
                if let ticket = openTicket(state) { state.readMessages[ticket.ticketID] = state.shop.commerce.tickets[ticket.ticketID]?.messages.count }
            default:
                break
            }
        case let .commandFailed(text):
            switch layer {
            case .login?:
                guard case var .login(form)? = state.screens.screen(on: .login) else { break }
                form.error = text
                form.setText("password", "")
                form.focus(on: "password")
                state.screens.open(.login(form))
                state.status = nil
            case .form?:
                guard case var .form(action)? = state.screens.screen(on: .form) else { fallthrough }
                action.isWaiting = false
                action.form.error = text
                state.screens.open(.form(action))
            case .ticket?:
                changeTicket(&state) { $0.isWaiting = false }
                state.status = StatusMessage(text, isError: true)
            default:
                state.status = StatusMessage(text, isError: true)
            }
        default:
            _ = update(&state, message)
        }
    }

    /// Sends `key` down the stack, then to the pane and the global keys.
    static func dispatch(_ state: inout BackOfficeState, _ key: Key) -> [BackOfficeEffect] {
        var below: BackOfficeScreen.Layer?
        while let screen = state.screens.highest(below: below) {
            if let binding = BackOfficeScreenKeys.keyMap(screen).binding(for: key), let effects = binding.action(&state, key) {
                return effects
            }
            below = screen.layer
        }
        if let binding = BackOfficeKeys.pane(state.pane).then(BackOfficeKeys.global).binding(for: key),
           let effects = binding.action(&state, key) {
            return effects
        }
        return []
    }

    /// The keys the footer shows: the top screen's, else the pane's and the global ones.
    public static func footer(_ state: BackOfficeState) -> [KeyHelp.Binding] {
        if let top = state.screens.top { return BackOfficeScreenKeys.keyMap(top).footer }
        return BackOfficeKeys.pane(state.pane).then(BackOfficeKeys.global).footer
    }

    /// A click on a tab opens its pane; the wheel moves the selection.
    static func mouse(_ state: inout BackOfficeState, _ event: MouseEvent) -> [BackOfficeEffect] {
        guard state.screens.isEmpty else { return [] }
        switch event.kind {
        case .click:
            if event.y == BackOfficeView.tabRow, let pane = BackOfficeView.pane(atColumn: event.x, state: state) { state.pane = pane }
            return []
        case .wheelUp: return move(&state, .up)
        case .wheelDown: return move(&state, .down)
        }
    }

    static func move(_ state: inout BackOfficeState, _ key: Key) -> [BackOfficeEffect] {
        let pane = state.pane
        let count = state.rowCount(pane)
        var cursor = state.cursor(pane)
        cursor.selected = min(max(0, cursor.selected), max(0, count - 1))
        switch key {
        case .up, .character("k"): cursor.move(by: -1, count: count, visible: state.pageRows)
        case .down, .character("j"): cursor.move(by: 1, count: count, visible: state.pageRows)
        case .pageUp: cursor.move(by: -state.pageRows, count: count, visible: state.pageRows)
        case .pageDown: cursor.move(by: state.pageRows, count: count, visible: state.pageRows)
        case .home: cursor.moveTo(0, count: count, visible: state.pageRows)
        case .end: cursor.moveTo(count - 1, count: count, visible: state.pageRows)
        default: break
        }
        state.cursors[pane] = cursor
        return []
    }

    /// `q`: quits at once, or asks first when a form holds typed input.
    static func quit(_ state: inout BackOfficeState) -> [BackOfficeEffect] {
        if state.screens.screens.contains(where: \.isDirty) {
            state.screens.open(.confirmQuit)
            return []
        }
        return [.quit]
    }

    // MARK: Login

    static func editLogin(_ state: inout BackOfficeState, _ key: Key) -> [BackOfficeEffect] {
        guard case var .login(form)? = state.screens.screen(on: .login) else { return [] }
        _ = form.handle(key)
        state.screens.open(.login(form))
        return []
    }

    static func submitLogin(_ state: inout BackOfficeState) -> [BackOfficeEffect] {
        guard case var .login(form)? = state.screens.screen(on: .login) else { return [] }
        let email = form.text("email").trimmedForField, password = form.text("password")
        form.clearErrors()
        if email.isEmpty { form.setError("email", "Type the email address of your staff account") }
        if password.isEmpty { form.setError("password", "Type your password") }
        if form.hasErrors {
            form.focus(on: email.isEmpty ? "email" : "password")
            state.screens.open(.login(form))
            return []
        }
        state.screens.open(.login(form))
        return logIn(&state, email: email, password: password)
    }

    /// Asks the shop to check `email` and `password` (the form or `--email` with `COMPTOIR_PASSWORD`).
    public static func logIn(_ state: inout BackOfficeState, email: String, password: String) -> [BackOfficeEffect] {
        state.loggingInAs = email
        state.status = StatusMessage("Logging in…")
        return [.logIn(email: email, password: password)]
    }

    private static func loggedIn(_ state: inout BackOfficeState) {
        guard let email = state.loggingInAs, let member = state.shop.commerce.backOffice.staffMember(email: email) else { return }
        state.staff = member
        state.screens.close(.login)
        for (id, ticket) in state.shop.commerce.tickets { state.readMessages[id] = ticket.messages.count }
        state.status = StatusMessage("Logged in as \(member.name) (\(member.role.rawValue))")
    }

    // MARK: Support threads

    static func openTicket(_ state: BackOfficeState) -> TicketScreen? {
        if case let .ticket(ticket)? = state.screens.screen(on: .ticket) { return ticket }
        return nil
    }

    static func openTicket(_ state: inout BackOfficeState, _ ticket: SupportTicket) {
        state.screens.open(.ticket(TicketScreen(ticketID: ticket.id)))
        state.readMessages[ticket.id] = ticket.messages.count
    }

    static func changeTicket(_ state: inout BackOfficeState, _ change: (inout TicketScreen) -> Void) {
        guard var ticket = openTicket(state) else { return }
        change(&ticket)
        state.screens.open(.ticket(ticket))
    }

    static func scrollTicket(_ state: inout BackOfficeState, _ key: Key) {
        let current = state
        changeTicket(&state) { ticket in
            ticket.scroll = scrolled(ticket.scroll, key, id: ticket.scrollID, state: current)
        }
    }

    static func scrollDocument(_ state: inout BackOfficeState, _ key: Key) {
        guard case var .document(document)? = state.screens.screen(on: .document) else { return }
        document.scroll = scrolled(document.scroll, key, id: document.scrollID, state: state)
        state.screens.open(.document(document))
    }

    private static func scrolled(_ offset: Int, _ key: Key, id: String, state: BackOfficeState) -> Int {
        let page = state.pageRows
        switch key {
        case .up, .character("k"): return state.scrollExtents.scroll(offset, by: -1, id: id)
        case .down, .character("j"): return state.scrollExtents.scroll(offset, by: 1, id: id)
        case .pageUp: return state.scrollExtents.scroll(offset, by: -page, id: id)
        case .pageDown: return state.scrollExtents.scroll(offset, by: page, id: id)
        case .home: return 0
        case .end: return state.scrollExtents.scroll(offset, by: Int.max, id: id)
        default: return offset
        }
    }

    static func sendReply(_ state: inout BackOfficeState) -> [BackOfficeEffect] {
        guard let ticket = openTicket(state), !ticket.isWaiting else { return [] }
        let text = ticket.reply.text("reply").trimmedForField
        guard !text.isEmpty else {
            state.status = StatusMessage("Type the reply first, then Enter sends it", isError: true)
            return []
        }
        changeTicket(&state) { $0.isWaiting = true }
        return [.act(.replyToTicket(ticketID: ticket.ticketID, text: text), note: "Reply sent to thread \(ticket.ticketID)", from: .ticket)]
    }

    static func closeOpenTicket(_ state: inout BackOfficeState) -> [BackOfficeEffect] {
        guard let ticket = openTicket(state) else { return [] }
        return [.act(.closeTicket(ticketID: ticket.ticketID), note: "Thread \(ticket.ticketID) closed", from: nil)]
    }
}
