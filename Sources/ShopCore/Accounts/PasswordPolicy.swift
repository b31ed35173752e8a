/// What a new password must be: at least `minimumLength` characters (10: length is what makes
/// a password hard to guess, as NIST SP 800-63B says), not one of the most common passwords,
/// not one character repeated, and not the customer's own name or email address. No rules about
/// digits or symbols: they push people to `Password1!`.
public struct PasswordPolicy: Hashable, Sendable {
    public let minimumLength: Int
    /// Long enough for any passphrase; more is surely a paste mistake.
    public static let maximumLength = 1_024
    public static let standard = PasswordPolicy(minimumLength: 10)

    public init(minimumLength: Int = 10) {
        self.minimumLength = minimumLength
    }

    /// Refuses `password` when it breaks a rule. `name` and `email` are the account's, when known.
    public func check(_ password: String, name: String? = nil, email: EmailAddress? = nil) throws(PasswordPolicyError) {
        let length = password.count
        guard length >= minimumLength else { throw .tooShort(length: length, minimum: minimumLength) }
        guard length <= Self.maximumLength else { throw .tooLong(length: length, maximum: Self.maximumLength) }
        guard !CommonPasswords.contains(password) else { throw .common }
        guard Set(password).count > 1 else { throw .oneRepeatedCharacter }
        let reduced = Self.lettersAndDigits(password)
        guard !reduced.isEmpty else { return }
        if let name, Self.spellings(ofName: name).contains(reduced) { throw .sameAsName }
        if let email, [email.localPart, email.value].map(Self.lettersAndDigits).contains(reduced) {
            throw .sameAsEmail
        }
    }

    /// How hard `password` is to guess, from 0 to 4, with a hint to make it stronger.
    public func strength(of password: String, name: String? = nil, email: EmailAddress? = nil) -> PasswordStrength {
        var personal: [String] = []
        if let name {
            personal += name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        }
        if let email { personal.append(email.localPart) }
        return PasswordStrength.estimate(password, personalWords: personal.filter { $0.count >= 3 })
    }

    /// The name as one might type it as a password: words run together, in either order.
    static func spellings(ofName name: String) -> Set<String> {
        let words = name.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        guard !words.isEmpty else { return [] }
        return [words.joined(), words.reversed().joined()]
    }

    /// Lower case, letters and digits only: `Alice.Martin` and `alice martin` both give `alicemartin`.
    static func lettersAndDigits(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}

/// Why a new password was refused. The password itself never appears in the message.
public enum PasswordPolicyError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooShort(length: Int, minimum: Int)
    case tooLong(length: Int, maximum: Int)
    case common
    case oneRepeatedCharacter
    case sameAsName
    case sameAsEmail

    public var description: String {
        switch self {
        case let .tooShort(length, minimum):
            let characters = length == 1 ? "character" : "characters"
            return "the password has \(length) \(characters): use at least \(minimum), a few unrelated words are long and easy to remember"
        case let .tooLong(length, maximum):
            return "the password has \(length) characters: at most \(maximum) are accepted"
        case .common:
            return "this password is one of the most common ones, the first that attackers try: choose another"
        case .oneRepeatedCharacter:
            return "the password repeats a single character: use a few words instead"
        case .sameAsName:
            return "the password is your name, which others know: choose something they cannot guess"
        case .sameAsEmail:
            return "the password is your email address, which others know: choose something they cannot guess"
        }
    }
}
