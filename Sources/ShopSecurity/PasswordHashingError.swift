/// Why a password could not be hashed. The password itself never appears in the message.
public enum PasswordHashingError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyPassword
    case keyDerivationFailed(reason: String)

    public var description: String {
        switch self {
        case .emptyPassword:
            return "an empty password cannot be hashed: choose one of at least 10 characters"
        case let .keyDerivationFailed(reason):
            return "scrypt could not derive the key (\(reason)): the parameters may ask for more memory than is available"
        }
    }
}
