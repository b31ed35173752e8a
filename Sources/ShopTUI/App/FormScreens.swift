import ShopCore

/// The full-screen forms (log in, registration, checkout) as `update`, the views and the footer
/// see them: a form on screen takes the keys before the shop does and replaces the panes.
enum FormScreens {
    static let quitQuestion = "Quit and lose what you typed? y/n"

    /// Keys for the open form screen; nil when none is open (the shop's keys apply).
    static func handleKey(_ state: inout AppState, _ key: Key) -> [Effect]? {
        if state.confirmsQuit {
            state.confirmsQuit = false
            if key == .character("y") || key == .character("Y") { return [.quit] }
            state.status = StatusMessage("Not quitting: what you typed is still here")
            return []
        }
        guard state.isFormScreenOpen else { return nil }
        if !state.isTypingInForm {
            switch key {
            case .character("q"):
                state.confirmsQuit = true
                state.status = StatusMessage(quitQuestion, isError: true)
                return []
            case .character("?"):
                state.showsHelp = true
                return []
            default:
                break
            }
        }
        if case .character = key, state.isTypingInForm, let field = state.focusedFormTextField, field.isFull {
            state.status = StatusMessage(TextField.cutNote(field.maxLength), isError: true)
        }
        let stepBefore = state.checkout?.step
        let statusBefore = state.status
        let effects = state.accountForm?.isOpen == true ? AccountUpdate.handleKey(&state, key) : CheckoutUpdate.handleKey(&state, key)
        // A new step starts with a clean status line: an old note ("Account created…") would
        // read as news about this step. Lines this key wrote, and errors, stay.
        if state.checkout?.step != stepBefore, state.status == statusBefore, statusBefore?.isError != true {
            state.status = nil
        }
        return effects
    }

    static func commandSucceeded(_ state: inout AppState, events: [ShopEvent]) {
        AccountUpdate.commandSucceeded(&state, events: events)
        CheckoutUpdate.commandSucceeded(&state, events: events)
    }

    static func commandFailed(_ state: inout AppState, reason: String) {
        AccountUpdate.commandFailed(&state, reason: reason)
        CheckoutUpdate.commandFailed(&state, reason: reason)
    }

    /// Draws the open form screen in place of the panes; false when none is open.
    static func draw(_ state: AppState, into canvas: inout Canvas) -> Bool {
        if let screen = state.accountForm, screen.isOpen {
            AccountView.draw(state, screen, into: &canvas)
            return true
        }
        if let wizard = state.checkout, wizard.isOpen {
            CheckoutView.draw(state, wizard, into: &canvas)
            return true
        }
        return false
    }

    /// The footer's keys for the open form screen; nil when none is open.
    static func footer(_ state: AppState) -> [KeyHelp.Binding]? {
        if state.confirmsQuit { return [("y", "quit"), ("any other key", "stay")] }
        if let screen = state.accountForm, screen.isOpen {
            let back: KeyHelp.Binding = screen.mode == .logIn ? ("Esc", "close") : ("Esc", "back to log in")
            return [("Tab ⇧Tab", "field"), ("Enter", screen.mode == .logIn ? "log in / choose" : "create"), back, ("Ctrl-C", "quit")]
        }
        guard let wizard = state.checkout, wizard.isOpen else { return nil }
        let field: KeyHelp.Binding = ("Tab ⇧Tab", "field")
        switch wizard.step {
        case .address:
            return [field, ("Enter", "continue"), ("Esc", "close, keeps input"), ("Ctrl-C", "quit")]
        case .delivery:
            return [("↑↓ j k", "choose"), ("Enter", "continue"), ("Esc", "back"), ("q", "quit")]
        case .review:
            return [field, ("Space", "tick"), ("Enter", "order"), ("Esc", "back"), ("Ctrl-C", "quit")]
        case .payment:
            switch wizard.paymentScreen {
            case .choose: return [("↑↓", "method"), field, ("Enter", "pay"), ("Esc", "back"), ("Ctrl-C", "quit")]
            case .threeDSecure: return [("digits", "code"), ("Enter", "confirm"), ("Esc", "another method"), ("Ctrl-C", "quit")]
            case .wallet: return [("Enter", "approve"), ("Esc", "another method"), ("q", "quit")]
            case .cash: return [("Enter", "continue"), ("Esc", "another method"), ("q", "quit")]
            }
        case .confirmation:
            return [("Enter", "back to the shop"), ("Esc", "back to the shop"), ("q", "quit")]
        }
    }
}

extension AppState {
    /// Whether a form screen is on screen instead of the panes.
    public var isFormScreenOpen: Bool { accountForm?.isOpen == true || checkout?.isOpen == true }

    /// The text field with the focus on the open form screen, if any.
    var focusedFormTextField: TextField? {
        let item = accountForm?.isOpen == true ? accountForm?.form.focusedItem : checkout?.currentForm.focusedItem
        guard case let .text(field)? = item?.kind else { return nil }
        return field
    }

    /// Whether the focus is in a text field of the open form, where every letter types.
    var isTypingInForm: Bool {
        if let screen = accountForm, screen.isOpen { return screen.form.focusedItem?.isText ?? false }
        guard let wizard = checkout, wizard.isOpen else { return false }
        switch wizard.step {
        case .confirmation: return false
        case .payment where wizard.paymentScreen == .wallet || wizard.paymentScreen == .cash: return false
        default: return wizard.currentForm.focusedItem?.isText ?? false
        }
    }
}
