import ShopCore

/// The customer `--demo` and `comptoir demo` register and log in, so the audience can buy at
/// once. The password is no secret: the first status line shows it.
public enum DemoAccount {
    public static let name = "Camille Demo"
    public static let email = "demo@comptoir.shop"
    public static let password = "Brioche-2026"

    public static func registration() throws(RegistrationError) -> AccountRegistration {
        try AccountRegistration(
            name: name, email: email, password: password, line1: "12 rue des Petits-Champs", postalCode: "75002",
            city: "Paris", countryCode: "FR", phone: "01 42 60 00 00")
    }

    /// The first status line of `--demo`: short enough to show whole at 80 columns.
    public static let welcome = "Logged in as \(email), password \(password)"

}
