/// About two hundred of the passwords found most often in leaked password lists (the NCSC's and
/// SecLists' top lists), plus common French ones (`azerty`, `motdepasse`, `soleil`...), all lower
/// case. Many are shorter than the minimum length and refused anyway; they are kept so that the
/// strength estimate can recognize them inside longer passwords.
enum CommonPasswords {
    static let all: Set<String> = [
        "123456", "123456789", "12345678", "password", "qwerty", "12345", "1234567", "111111", "1234567890",
        "123123", "abc123", "1234", "password1", "iloveyou", "1q2w3e4r", "000000", "qwerty123", "zaq12wsx",
        "dragon", "sunshine", "princess", "letmein", "654321", "monkey", "1qaz2wsx", "123321",
        "qwertyuiop", "superman", "asdfghjkl", "azerty", "azertyuiop", "azerty123", "azerty1234", "motdepasse",
        "motdepasse1", "motdepasse123", "soleil", "doudou", "loulou", "chouchou", "marseille", "bonjour",
        "jetaime", "chocolat", "nicolas", "camille", "coucou", "doudou123", "bonjour123", "football",
        "baseball", "welcome", "admin", "administrator", "passw0rd", "trustno1", "master", "hello", "freedom",
        "whatever", "qazwsx", "michael", "shadow", "ashley", "bailey", "charlie", "donald", "mustang",
        "access", "login", "starwars", "121212", "flower", "hottie", "loveme", "zaq1zaq1", "password123",
        "password12", "password1234", "passwordpassword", "welcome123", "welcome1", "letmein123", "admin123",
        "admin1234", "administrator1", "root", "toor", "changeme", "changeme123", "secret", "secret123",
        "test", "test123", "test1234", "testtest", "guest", "1111111111", "0000000000", "0123456789",
        "9876543210", "1234512345", "1122334455", "1212121212", "123456789a", "a123456789", "123456789q",
        "qwerty1234", "qwerty12345", "qwertyuiop1", "qwertyuiop123", "1q2w3e4r5t", "1q2w3e4r5t6y",
        "q1w2e3r4t5", "q1w2e3r4t5y6", "1qaz2wsx3edc", "zaq12wsxcde3", "qazwsxedc", "qazwsxedc123",
        "asdfghjkl1", "asdfghjkl123", "zxcvbnm", "zxcvbnm123", "zxcvbnmasdf", "asdfasdfasdf", "qweasdzxc",
        "qweasdzxc123", "iloveyou1", "iloveyou123", "iloveyou2", "sunshine1", "sunshine123", "princess1",
        "princess123", "football1", "football123", "baseball123", "superman123", "batman", "batman123",
        "spiderman", "spiderman123", "pokemon", "pokemon123", "minecraft", "minecraft123", "fortnite",
        "dragon123", "dragon1234", "monkey123", "monkey1234", "shadow123", "master123", "michael123",
        "jordan23", "jordan123", "liverpool", "liverpool123", "chelsea", "arsenal", "manchester", "barcelona",
        "realmadrid", "juventus", "psg123456", "marseille13", "olympique", "abcdefghij", "abcdefghijk",
        "abcd1234", "abcd12345", "abc12345", "abc123456", "abcdef123", "aaaaaaaaaa", "azertyqwerty",
        "lovelove", "computer", "internet", "samsung", "iphone", "motorola", "nokia", "google", "facebook",
        "linkedin", "twitter", "summer2024", "winter2024", "spring2024", "autumn2024", "summer2025",
        "winter2025", "january2025", "hello12345", "hello123456", "helloworld", "thomas123", "alexandre",
        "marie123", "julien123", "caroline", "lucas123", "emma1234", "jesus123", "blessed", "blessing",
        "trustno1234", "killer", "whatever123", "zxcv1234", "asdf1234", "qwer1234", "1qazxsw2", "poiuytreza",
        "wxcvbn", "azertyuio",
    ]

    /// Whether `password` is one of the list, whatever its letter case.
    static func contains(_ password: String) -> Bool {
        all.contains(password.lowercased())
    }

    /// The longest listed password of at least four characters found inside `password`
    /// (lower-cased), or nil.
    static func longestContained(in password: String) -> String? {
        let lowered = password.lowercased()
        return all.filter { $0.count >= 4 && lowered.contains($0) }.max { $0.count < $1.count }
    }
}
