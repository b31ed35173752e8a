extension Account {
    /// The account with a new password hash, once the current password is proven and the new one
    /// meets the policy. A wrong current password is not counted by the login throttle: the
    /// customer is already logged in to change it.
    public func changingPassword(
        current: String, new: String, policy: PasswordPolicy = .standard, hasher: some PasswordHasher
    ) throws(PasswordChangeError) -> Account {
        guard hasher.verify(current, against: passwordHash) else { throw .wrongCurrentPassword }
        guard new != current else { throw .sameAsCurrent }
        do throws(PasswordPolicyError) {
            try policy.check(new, name: name, email: email)
        } catch {
            throw .policy(error)
        }
        var updated = self
        do {
            updated.passwordHash = try hasher.hash(new)
        } catch {
            throw .hashingFailed(reason: "\(error)")
        }
        return updated
    }
}

/// Why a password change was refused. No password appears in the message.
public enum PasswordChangeError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongCurrentPassword
    case sameAsCurrent
    case policy(PasswordPolicyError)
    case hashingFailed(reason: String)

    public var description: String {
        switch self {
        case .wrongCurrentPassword:
            return "the current password is wrong: type the password you log in with now"
        case .sameAsCurrent:
            return "the new password is the current one: choose a different one"
        case let .policy(error):
            return error.description
        case let .hashingFailed(reason):
            return "the new password could not be stored: \(reason)"
        }
    }
}
