/// Identifies an account; stable for the account's life, whatever its email becomes.
public struct AccountID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public static func < (lhs: AccountID, rhs: AccountID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }
}

/// A customer account. The password is kept only as a salted hash; the failed-login fields are
/// the state `LoginThrottle` reads and updates.
public struct Account: Hashable, Sendable, Identifiable {
    public let id: AccountID
    public var name: String
    /// Normalized to lower case: the account's identity for logging in.
    public var email: EmailAddress
    public var passwordHash: PasswordHash
    public var address: PostalAddress
    public var phone: PhoneNumber?
    /// Failed logins in a row since the last success or the last lock.
    public var failedLoginCount: Int
    /// Locks since the last successful login: decides how long the next lock lasts.
    public var lockoutCount: Int
    /// Logins are refused before this instant; nil when the account is not locked.
    public var lockedUntil: ShopInstant?

    public init(
        id: AccountID, name: String, email: EmailAddress, passwordHash: PasswordHash, address: PostalAddress,
        phone: PhoneNumber? = nil, failedLoginCount: Int = 0, lockoutCount: Int = 0, lockedUntil: ShopInstant? = nil
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.passwordHash = passwordHash
        self.address = address
        self.phone = phone
        self.failedLoginCount = failedLoginCount
        self.lockoutCount = lockoutCount
        self.lockedUntil = lockedUntil
    }

    /// Whether logins are refused at `now`.
    public func isLocked(at now: ShopInstant) -> Bool {
        guard let lockedUntil else { return false }
        return now < lockedUntil
    }
}
