import ShopCore
import ShopStore

/// The account a registration or login let in, and the events journaled for it.
public struct LoggedIn: Sendable {
    public let account: Account
    public let events: [ShopEvent]
}

extension ShopService {
    /// Creates an account with the password hashed by the injected hasher; `session` (if any) is
    /// logged in to it. Refused when the address already has an account (checked again on the
    /// state the registration is decided on).
    @discardableResult
    public func register(
        _ registration: AccountRegistration, password: String, session: String?
    ) throws(ServiceError) -> LoggedIn {
        try? store.refresh()
        let email = registration.email.value
        if commerce.account(email: email) != nil { throw .emailTaken(email) }
        let hash: PasswordHash
        do {
            hash = try hasher.hash(password)
        } catch {
            throw .hashing(String(describing: error))
        }
        let events = try trade(.register(registration, passwordHash: hash, session: session))
        guard let account = commerce.account(email: email) else { throw .emailTaken(email) }
        return LoggedIn(account: account, events: events)
    }

    /// Verifies the password against the account as other processes may just have changed it and
    /// journals the attempt (the throttle counts failures and locks the account); a right one logs
    /// `session` in (nil: it only proves who acts, as `--email` does). An address without an account
    /// costs the same hashing time as a real check, so timing does not tell which addresses exist.
    @discardableResult
    public func logIn(email: String, password: String, session: String?) throws(ServiceError) -> LoggedIn {
        try? store.refresh()
        let at = now
        if commerce.account(email: email) == nil {
            _ = hasher.verifyWithoutAccount(password)
        }
        let command = commerce.logInCommand(email: email, password: password, hasher: hasher, at: at, session: session)
        let events: [ShopEvent]
        do throws(ServiceError) {
            events = try trade(command)
        } catch .store(.rejected(.commerce(.login(let refusal)))) {
            // An unknown address, or a locked account: refused before anything is journaled.
            throw .login(refusal)
        }
        if let refusal = commerce.loginRefusal(after: command, at: now) { throw .login(refusal) }
        guard let account = commerce.account(email: email) else { throw .login(.wrongEmailOrPassword) }
        return LoggedIn(account: account, events: events)
    }

    /// Logs the session out; its cart stays with the account.
    public func logOut(_ shopper: Shopper) throws(ServiceError) {
        try trade(.logOut(by: shopper))
    }
}

extension ShopService {
    /// Changes the password of the account `shopper` acts as, once the current one is proven and
    /// the new one meets the policy.
    public func changePassword(current: String, new: String, by shopper: Shopper) throws(ServiceError) {
        let account = try customer(shopper)
        let changed: Account
        do throws(PasswordChangeError) {
            changed = try account.changingPassword(current: current, new: new, hasher: hasher)
        } catch {
            throw .passwordChange(error)
        }
        try trade(.changePassword(newHash: changed.passwordHash, by: shopper))
    }
}
