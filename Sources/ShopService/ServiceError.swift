import ShopCore
import ShopStore

/// Why a use case of `ShopService` did not go through, with a message for the customer.
public enum ServiceError: Error, Equatable, CustomStringConvertible {
    /// The store refused or failed (a refusal of the shop's rules is `.rejected`).
    case store(StoreError)
    /// The command's events are journaled; only writing its mail to `folder`/mail failed.
    case mailNotWritten(folder: String, reason: String)
    /// A login refused: wrong email or password, or too many failures.
    case login(LoginError)
    /// The command needs a logged-in customer (no session logged in, no `--email`).
    case notLoggedIn
    /// A registration with an address that already has an account.
    case emailTaken(String)
    /// The password hasher failed (the system's randomness, memory).
    case hashing(String)
    /// A wrong 3-D Secure code: the payment still waits for the right one.
    case codeRejected(ChallengeVerification)
    /// The Maildir could not be read or written (the reason names the file).
    case mailbox(String)
    /// A password change refused: wrong current password, or a new one the policy refuses.
    case passwordChange(PasswordChangeError)
    /// The back office refused before anything was decided: not staff, a customer account, a weak password.
    case merchant(MerchantError)
    case weakPassword(PasswordPolicyError)

    public var description: String {
        switch self {
        case let .store(error): return error.description
        case let .mailNotWritten(folder, reason): return "the shop's messages could not be written to \(folder)/mail: \(reason)"
        case let .login(error): return error.description
        case .notLoggedIn: return CommerceError.notLoggedIn.description
        case let .emailTaken(email): return CommerceError.emailTaken(email).description
        case let .hashing(reason): return "the password could not be hashed: \(reason)"
        case let .codeRejected(verification): return verification.description
        case let .mailbox(reason): return reason
        case let .passwordChange(error): return String(describing: error)
        case let .merchant(error): return error.description
        case let .weakPassword(error): return String(describing: error)
        }
    }

    /// Whether the shop's rules refused (as opposed to the machine failing).
    public var isRefusal: Bool {
        switch self {
        case .store(.rejected), .login, .notLoggedIn, .emailTaken, .codeRejected, .passwordChange, .merchant, .weakPassword: return true
        case .store, .mailNotWritten, .hashing, .mailbox: return false
        }
    }
}
