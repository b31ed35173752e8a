import ArgumentParser
import ShopCore
import ShopSecurity
import ShopStore

struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Register, log in, log out, change the password.",
        subcommands: [Register.self, Login.self, Logout.self, Password.self, Show.self],
        defaultSubcommand: Show.self
    )

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account and log it in (password from COMPTOIR_PASSWORD or a prompt).")
        @Option(help: "Your name, also the name on deliveries.") var name: String
        @Option(help: "Your email address: you log in with it.") var email: String
        @Option(help: "Street and number.") var line1: String
        @Option(help: "Second address line.") var line2: String?
        @Option(name: .customLong("postal-code"), help: "Postal code.") var postalCode: String
        @Option(help: "City.") var city: String
        @Option(help: "ISO country code.") var country = "FR"
        @Option(help: "Phone number.") var phone: String?
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let password = try PasswordInput.read(prompt: "Choose a password: ")
                let registration: AccountRegistration
                do {
                    registration = try AccountRegistration(
                        name: name, email: email, password: password, line1: line1, line2: line2,
                        postalCode: postalCode, city: city, countryCode: country, phone: phone)
                } catch {
                    throw CommandFailure(String(describing: error), status: .refused)
                }
                let session = try ShopSession(data: data)
                if session.commerce.account(email: registration.email.value) != nil {
                    throw CommandFailure(CommerceError.emailTaken(registration.email.value).description, status: .refused)
                }
                let hash = try ScryptPasswordHasher().hash(password)
                try session.execute(.register(registration, passwordHash: hash))
                let strength = PasswordPolicy.standard.strength(of: password, name: registration.name, email: registration.email)
                printText("Account created for \(registration.email); you are logged in. Password strength: \(strength).")
            }
        }
    }

    struct Login: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log in (password from COMPTOIR_PASSWORD or a prompt); the guest cart joins the account's.")
        @Option(help: "The account's email address.") var email: String
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let password = try PasswordInput.read(prompt: "Password: ")
                let session = try ShopSession(data: data)
                try session.logIn(email: email, password: password)
                printText("Logged in as \(session.commerce.currentAccount?.email.value ?? email); the cart holds \(session.state.cart.itemCount) items.")
            }
        }
    }

    struct Logout: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Log out; the account keeps its cart.")
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let session = try ShopSession(data: data)
                try session.execute(.logOut)
                printText("Logged out.")
            }
        }
    }

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change the password: current one from COMPTOIR_PASSWORD or a prompt, new one from COMPTOIR_NEW_PASSWORD or a prompt.")
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let session = try ShopSession(data: data)
                let account = try session.authenticate(customer)
                let current = try PasswordInput.read(prompt: "Current password: ")
                let new = try PasswordInput.readNew(prompt: "New password: ")
                let changed: Account
                do {
                    changed = try account.changingPassword(current: current, new: new, hasher: ScryptPasswordHasher())
                } catch {
                    throw CommandFailure(String(describing: error), status: .refused)
                }
                try session.execute(.changePassword(newHash: changed.passwordHash))
                printText("Password changed.")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Who is logged in.")
        @Flag(help: "Print JSON for programs.") var json = false
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let store = try data.openStore(.readOnly)
                let account = store.state.commerce.currentAccount
                if json {
                    printJSON(JSONValue.object([
                        ("logged_in", .bool(account != nil)),
                        ("account", .optional(account) { account in
                            .object([
                                ("id", .string(account.id.rawValue)), ("name", .string(account.name)),
                                ("email", .string(account.email.value)), ("address", .string(account.address.description)),
                            ])
                        }),
                    ]))
                } else if let account {
                    printText(TerminalText.sanitize("\(account.name) <\(account.email)>, \(account.address)"))
                } else {
                    printText("Nobody is logged in: 'comptoir account register' or 'comptoir account login --email ADDRESS'.")
                }
            }
        }
    }
}
