import ShopCore

/// Keys of the "Log in" and "Create an account" screens, `l`, and the outcome of a login or a
/// registration. Called from `update`; pure like it.
enum AccountUpdate {
    static let checkoutNote = "Log in or create an account to check out"

    /// `l` outside a form: logs out at once, or opens the login screen (as it was left).
    static func toggleLogin(_ state: inout AppState) -> [Effect] {
        if state.customer != nil {
            state.checkout = nil
            return [.trade(.logOut(by: state.shopper), note: "Logged out")]
        }
        open(&state, note: nil, continuesToCheckout: false)
        return []
    }

    /// Opens the login screen, keeping what was typed when it was closed.
    static func open(_ state: inout AppState, note: String?, continuesToCheckout: Bool) {
        var screen = state.accountForm ?? AccountForm()
        screen.isOpen = true
        screen.note = note
        screen.continuesToCheckout = continuesToCheckout
        screen.isWaiting = false
        state.accountForm = screen
        state.search.isEditing = false
    }

    static func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var screen = state.accountForm else { return [] }
        // The password is being checked (off the UI thread): one login at a time.
        if screen.isWaiting, key == .enter { return [] }
        defer { state.accountForm = screen }
        var form = screen.form
        let outcome = form.handle(key)
        screen.form = form
        switch outcome {
        case .handled, .ignored:
            if screen.mode == .register { screen.refreshStrength() }
            return []
        case .cancel:
            if screen.mode == .register {
                screen.mode = .logIn
            } else {
                screen.isOpen = false
                screen.clearPasswords()
                screen.login.clearErrors()
            }
            return []
        case let .submit(id):
            if screen.mode == .logIn {
                if id == "register" {
                    screen.mode = .register
                    if screen.registration.text("email").isEmpty {
                        screen.registration.setText("email", screen.login.text("email"))
                    }
                    return []
                }
                return submitLogin(&screen)
            }
            return submitRegistration(&screen, sessionKey: state.sessionKey)
        }
    }

    private static func submitLogin(_ screen: inout AccountForm) -> [Effect] {
        screen.login.clearErrors()
        let email = screen.login.text("email").trimmedForField
        let password = screen.login.text("password")
        if email.isEmpty { screen.login.setError("email", "Type the email address of your account") }
        if password.isEmpty { screen.login.setError("password", "Type your password") }
        if let first = screen.login.items.first(where: { $0.error != nil }) {
            screen.login.focus(on: first.id)
            return []
        }
        screen.isWaiting = true
        return [.logIn(email: email, password: password)]
    }

    /// The session's SSH key goes with the registration: the shop registers it to the new account.
    private static func submitRegistration(_ screen: inout AccountForm, sessionKey: PublicKeyEntry?) -> [Effect] {
        guard var registration = screen.validatedRegistration() else { return [] }
        registration.sshKey = sessionKey
        screen.isWaiting = true
        return [.register(registration, password: screen.registration.text("password"))]
    }

    /// A command was journaled: when it started a session the screen has done its job.
    static func commandSucceeded(_ state: inout AppState, events: [ShopEvent]) {
        guard let screen = state.accountForm, screen.isWaiting else { return }
        let loggedIn = events.contains { if case .commerce(.sessionStarted) = $0 { return true } else { return false } }
        guard loggedIn, state.customer != nil else { return }
        state.accountForm = nil
        if screen.continuesToCheckout { CheckoutUpdate.open(&state) }
    }

    /// A login or registration was refused: the reason goes under the fields.
    static func commandFailed(_ state: inout AppState, reason: String) {
        guard var screen = state.accountForm, screen.isWaiting, screen.isOpen else { return }
        screen.isWaiting = false
        var form = screen.form
        form.error = AccountForm.sentence(reason)
        if screen.mode == .logIn {
            form.setText("password", "")
            form.focus(on: "password")
        } else if reason.contains("email") {
            form.setError("email", AccountForm.sentence(reason))
            form.error = nil
            form.focus(on: "email")
        }
        screen.form = form
        state.accountForm = screen
    }
}
