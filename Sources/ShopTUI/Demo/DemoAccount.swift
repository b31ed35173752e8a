import ShopCore

/// The customer `--demo` and `comptoir demo` register and log in, so the audience can buy at
/// once. The password is no secret: the first status line shows it.
public enum DemoAccount {
    public static let name = "Camille Demo"
    public static let email = "demo@comptoir.shop"
    public static let password = "croissant-au-beurre-42"

    public static func registration() throws(RegistrationError) -> AccountRegistration {
        try AccountRegistration(
            name: name, email: email, password: password, line1: "12 rue des Petits-Champs", postalCode: "75002",
            city: "Paris", countryCode: "FR", phone: "01 42 60 00 00")
    }

    /// The first status line of `--demo`.
    public static func welcome(clockSpeed: Int64) -> String {
        "Demo shop: logged in as \(email), password \(password); shop time runs \(clockSpeed)× faster"
    }
}
