import ShopCore

/// The "Log in" and "Create an account" screens. Both forms are kept, so Esc from the
/// registration returns to the login form as typed, and a closed screen reopens as it was left
/// (passwords excepted: they are cleared when the screen closes or a login is refused).
public struct AccountForm: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case logIn
        case register
    }

    public var mode: Mode
    public var login: Form
    public var registration: Form
    /// Why the screen opened, shown above the fields ("Log in or create an account to check out").
    public var note: String?
    /// After a successful login or registration, the checkout opens.
    public var continuesToCheckout: Bool
    /// A login or registration was sent to the runtime and its outcome has not come back.
    public var isWaiting = false
    /// Shown over the panes; false keeps the input for when the screen reopens.
    public var isOpen = true

    public init(note: String? = nil, continuesToCheckout: Bool = false) {
        mode = .logIn
        login = Self.loginForm()
        registration = Self.registrationForm()
        self.note = note
        self.continuesToCheckout = continuesToCheckout
    }

    public var title: String { mode == .logIn ? "Log in" : "Create an account" }

    /// The form of the current mode.
    public var form: Form {
        get { mode == .logIn ? login : registration }
        set { if mode == .logIn { login = newValue } else { registration = newValue } }
    }

    static let passwordLimit = PasswordPolicy.maximumLength

    static func loginForm() -> Form {
        Form([
            .text("email", "Email", maxLength: 254),
            .text("password", "Password", format: .secure, maxLength: passwordLimit),
            .button("logIn", "Log in"),
            .button("register", "Create an account"),
        ])
    }

    static func registrationForm() -> Form {
        Form([
            .text("name", "Name", maxLength: PostalAddress.maximumNameLength),
            .text("email", "Email", maxLength: 254),
            .text("password", "Password", format: .secure, maxLength: passwordLimit),
            .text("line1", "Address line 1", maxLength: PostalAddress.maximumLineLength),
            .text("line2", "Address line 2", maxLength: PostalAddress.maximumLineLength, optional: true),
            .text("postalCode", "Postal code", maxLength: 12),
            .text("city", "City", maxLength: PostalAddress.maximumCityLength),
            .text("country", "Country", "FR", maxLength: 2),
            .text("phone", "Phone", maxLength: 20, optional: true),
            .checkbox("offers", "Send me offers by e-mail"),
            .button("create", "Create the account"),
        ])
    }

    /// `Strength: ▰▰▱▱ fair` for the password typed so far, judged against the name and email typed.
    static func strengthLine(password: String, name: String, email: String) -> String {
        let strength = PasswordPolicy.standard.strength(of: password, name: name.isEmpty ? nil : name,
                                                        email: try? EmailAddress(email))
        let filled = min(4, strength.score)
        let bar = String(repeating: "▰", count: filled) + String(repeating: "▱", count: 4 - filled)
        return "Strength: \(bar) \(strength.label)"
    }

    /// Refreshes the strength meter under the registration's password.
    mutating func refreshStrength() {
        let password = registration.text("password")
        registration.setHint("password", password.isEmpty ? nil : Self.strengthLine(
            password: password, name: registration.text("name"), email: registration.text("email")))
    }

    /// The form field where a registration problem belongs.
    static func field(of problem: RegistrationProblem) -> String {
        switch problem {
        case let .address(problem):
            switch problem.field {
            case .name: return "name"
            case .line1: return "line1"
            case .line2: return "line2"
            case .postalCode: return "postalCode"
            case .city: return "city"
            case .countryCode: return "country"
            }
        case .email: return "email"
        case .password: return "password"
        case .phone: return "phone"
        }
    }

    /// Checks the registration form, marking each field with its problems; the registration when
    /// every field passed.
    mutating func validatedRegistration() -> AccountRegistration? {
        registration.clearErrors()
        let form = registration
        do throws(RegistrationError) {
            var registration = try AccountRegistration(
                name: form.text("name"), email: form.text("email"), password: form.text("password"),
                line1: form.text("line1"), line2: form.text("line2"), postalCode: form.text("postalCode"),
                city: form.text("city"), countryCode: form.text("country"), phone: form.text("phone"))
            registration.marketingConsent = form.isChecked("offers")
            return registration
        } catch {
            var messages: [String: [String]] = [:]
            for problem in error.problems { messages[Self.field(of: problem), default: []].append(Self.sentence(problem.description)) }
            for (field, lines) in messages { registration.setError(field, lines.joined(separator: " ")) }
            if let first = registration.items.first(where: { $0.error != nil }) { registration.focus(on: first.id) }
            return nil
        }
    }

    /// A message with its first letter capitalised, as a line on its own reads.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Clears the typed passwords (the screen closes, or a login was refused).
    mutating func clearPasswords() {
        login.setText("password", "")
        registration.setText("password", "")
        registration.setHint("password", nil)
    }
}
