import ShopCore

/// The full-screen forms (log in, registration, checkout) as `update`, the views and the footer
/// see them: a form on screen takes the keys before the shop does and replaces the panes.
enum FormScreens {
    static let quitQuestion = "Quit and lose what you typed? y/n"

    /// The keys of the open form screen: outside a text field `q` asks before quitting and `?`
    /// shows the help; every other key goes to the form (its fields, Tab, Enter, Esc).
    static func keyMap(_ state: AppState) -> ShopKeyMap {
        var bindings: [ShopKeyBinding] = []
        if !state.isTypingInForm {
            bindings.append(.init(.character("q")) { state, _ in
                state.confirmsQuit = true
                state.status = StatusMessage(quitQuestion, isError: true)
                return []
            })
            bindings.append(.init(.character("?")) { state, _ in
                state.showsHelp = true
                return []
            })
        }
        return ShopKeyMap(bindings + footerBindings(state) + [.init([.anyKey], action: formKey)])
    }

    /// The form's own keys, named for the footer.
    private static func footerBindings(_ state: AppState) -> [ShopKeyBinding] {
        let field = ShopKeyBinding(.tab, .backTab, footer: ("Tab ⇧Tab", "field"), action: formKey)
        let interrupt = ShopKeys.note("Ctrl-C", "quit")
        let quit = ShopKeys.note("q", "quit")
        func enter(_ text: String) -> ShopKeyBinding { .init(.enter, footer: ("Enter", text), action: formKey) }
        func escape(_ text: String) -> ShopKeyBinding { .init(.escape, footer: ("Esc", text), action: formKey) }
        if let screen = state.accountForm, screen.isOpen {
            return [field, enter(screen.mode == .logIn ? "log in / choose" : "create"),
                    escape(screen.mode == .logIn ? "close" : "back to log in"), interrupt]
        }
        guard let wizard = state.checkout, wizard.isOpen else { return [] }
        switch wizard.step {
        case .address:
            return [field, enter("continue"), escape("close, keeps input"), interrupt]
        case .delivery:
            return [.init(.up, .down, .character("k"), .character("j"), footer: ("↑↓ j k", "choose"), action: formKey),
                    enter("continue"), escape("back"), quit]
        case .review:
            if wizard.termsScroll != nil {
                return [.init(.up, .down, .pageUp, .pageDown, footer: ("↑↓ PgUp PgDn", "scroll"), action: formKey),
                        escape("back to the order"), interrupt]
            }
            var keys = [field, .init(.character(" "), footer: ("Space", "tick"), action: formKey)]
            if wizard.review.focusedID == "terms" { keys.append(.init(CheckoutWizard.termsKey, footer: ("t", "terms"), action: formKey)) }
            return keys + [enter("order"), escape("back"), interrupt]
        case .payment:
            switch wizard.paymentScreen {
            case .choose: return [.init(.up, .down, footer: ("↑↓", "method"), action: formKey), field, enter("pay"),
                                  escape(wizard.orderNumber == nil ? "back" : "close, pay later"), interrupt]
            case .threeDSecure: return [.init([.anyCharacter], footer: ("digits", "code"), action: formKey), enter("confirm"),
                                        escape("another method"), interrupt]
            case .wallet: return [enter("approve"), escape("another method"), quit]
            case .cash: return [enter("continue"), escape("another method"), quit]
            }
        case .confirmation:
            return [enter("back to the shop"), escape("back to the shop"), quit]
        }
    }

    /// The keys every form shares, for the help.
    static let helpTable = ShopKeyMap([
        .init([.anyCharacter], help: (ShopKeys.forms, "letters", "type, even q t l c"), action: formKey),
        .init(.tab, .backTab, help: (ShopKeys.forms, "Tab ⇧Tab", "next / previous field"), action: formKey),
        .init(.escape, help: (ShopKeys.forms, "Esc", "back, keeps the input"), action: formKey),
    ])

    /// A key for the open form: its field, or the form's Tab, Enter and Esc.
    static func formKey(_ state: inout AppState, _ key: Key) -> [Effect]? {
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
