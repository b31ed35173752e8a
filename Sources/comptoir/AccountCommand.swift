import ArgumentParser
import ShopCore
import ShopSecurity
import ShopService
import ShopStore

struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Register, log in, log out, change the password, manage the SSH keys.",
        subcommands: [Register.self, Login.self, Logout.self, Password.self, Show.self, AccountKeysCommand.self],
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
        @Flag(help: "Agree to receive the shop's offers by e-mail (off unless given).") var marketingConsent = false
        @OptionGroup var session: SessionOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let sessionName = try session.name()
                let password = try PasswordInput.read(prompt: "Choose a password: ")
                var registration: AccountRegistration
                do {
                    registration = try AccountRegistration(
                        name: name, email: email, password: password, line1: line1, line2: line2,
                        postalCode: postalCode, city: city, countryCode: country, phone: phone)
                    registration.marketingConsent = marketingConsent
                } catch {
                    throw CommandFailure(String(describing: error), status: .refused)
                }
                let shop = try ShopSession(data: data)
                do {
                    try shop.service.register(registration, password: password, session: sessionName)
                } catch {
                    throw CommandFailure(error)
                }
                let strength = PasswordPolicy.standard.strength(of: password, name: registration.name, email: registration.email)
                printText("Account created for \(registration.email); you are logged in. Password strength: \(strength).")
            }
        }
    }

    struct Login: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log the session in (password from COMPTOIR_PASSWORD or a prompt); its guest cart joins the account's.")
        @Option(help: "The account's email address.") var email: String
        @OptionGroup var session: SessionOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let shopper = try session.shopper()
                let password = try PasswordInput.read(prompt: "Password: ")
                let shop = try ShopSession(data: data)
                let account = try shop.logIn(email: email, password: password, session: shopper.sessionName)
                printText("Logged in as \(account.email.value); the cart holds \(shop.state.cart(of: shopper).itemCount) items.")
            }
        }
    }

    struct Logout: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log the session out (with --email: every session of that account); the account keeps its cart.")
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                _ = try customer.session.shopper()
                let shop = try ShopSession(data: data)
                try shop.execute(.logOut(by: try shop.shopper(customer)))
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
                let (shop, shopper, _) = try ShopSession.forCustomer(customer, data: data)
                let current = try PasswordInput.read(prompt: "Current password: ")
                let new = try PasswordInput.readNew(prompt: "New password: ")
                do {
                    try shop.service.changePassword(current: current, new: new, by: shopper)
                } catch {
                    throw CommandFailure(error)
                }
                printText("Password changed.")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Who is logged in on the session (with --email: that account).")
        @Flag(help: "Print JSON for programs.") var json = false
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let sessionShopper = try customer.session.shopper()
                let account: Account?
                if customer.email != nil {
                    let shop = try ShopSession(data: data)
                    account = shop.commerce.account(of: try shop.shopper(customer))
                } else {
                    account = ShopReading(state: try data.openStore(.readOnly).state).state.commerce.account(of: sessionShopper)
                }
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
