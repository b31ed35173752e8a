import ShopCore
import ShopStore

/// The account a registration or login let in, and the events journaled for it.
public struct LoggedIn: Sendable {
    public let account: Account
    public let events: [ShopEvent]
}

/// What a login's password is checked against: the account's hash, or none (no such account, or
/// locked), taken on the store's thread so that the slow check itself may run on any thread.
public struct PasswordCheck: Sendable {
    public let email: String
    let hash: PasswordHash?

    /// Whether `password` is right; without a usable account, the same work and false.
    public func verify(_ password: String, with hasher: any PasswordHasher) -> Bool {
        guard let hash else { return hasher.verifyWithoutAccount(password) }
        return hasher.verify(password, against: hash)
    }
}

extension ShopService {
    /// Creates an account with the password hashed by the injected hasher; `session` (if any) is
    /// logged in to it. Refused when the address already has an account (checked again on the
    /// state the registration is decided on).
    @discardableResult
    public func register(
        _ registration: AccountRegistration, password: String, session: String?
    ) throws(ServiceError) -> LoggedIn {
        try checkAddressFree(registration)
        let hash: PasswordHash
        do {
            hash = try hasher.hash(password)
        } catch {
            throw .hashing(String(describing: error))
        }
        return try finishRegistration(registration, passwordHash: hash, session: session)
    }

    /// The first step of a registration, on the store's thread: refused at once when the address
    /// already has an account, before any hashing.
    public func checkAddressFree(_ registration: AccountRegistration) throws(ServiceError) {
        try? refresh()
        let email = registration.email.value
        if commerce.account(email: email) != nil { throw .emailTaken(email) }
    }

    /// The last step of a registration, once the password is hashed (anywhere): the account journaled.
    @discardableResult
    public func finishRegistration(
        _ registration: AccountRegistration, passwordHash: PasswordHash, session: String?
    ) throws(ServiceError) -> LoggedIn {
        try checkAddressFree(registration)
        let email = registration.email.value
        let events = try trade(.register(registration, passwordHash: passwordHash, session: session))
        guard let account = commerce.account(email: email) else { throw .emailTaken(email) }
        return LoggedIn(account: account, events: events)
    }

    /// Verifies the password against the account as other processes may just have changed it and
    /// journals the attempt (the throttle counts failures and locks the account); a right one logs
    /// `session` in (nil: it only proves who acts, as `--email` does). An address without an account
    /// costs the same hashing time as a real check, so timing does not tell which addresses exist.
    @discardableResult
    public func logIn(email: String, password: String, session: String?) throws(ServiceError) -> LoggedIn {
        let check = passwordCheck(email: email)
        return try finishLogIn(check, verified: check.verify(password, with: hasher), session: session)
    }

    /// The first step of a login, on the store's thread: what the password will be checked against.
    public func passwordCheck(email: String) -> PasswordCheck {
        try? refresh()
        let account = commerce.account(email: email)
        let usable = account.flatMap { $0.isLocked(at: now) ? nil : $0 }
        return PasswordCheck(email: email, hash: usable?.passwordHash)
    }

    /// The last step of a login, on the store's thread, once `check` was verified (anywhere): the
    /// attempt journaled, and the refusal if any. A password changed or an account locked since
    /// the check counts as a wrong password.
    @discardableResult
    public func finishLogIn(_ check: PasswordCheck, verified: Bool, session: String?) throws(ServiceError) -> LoggedIn {
        try? refresh()
        let account = commerce.account(email: check.email)
        let stillRight = verified && account != nil && account?.passwordHash == check.hash && account?.isLocked(at: now) == false
        let command = CommerceCommand.logIn(email: check.email, passwordVerified: stillRight, session: session)
        let events: [ShopEvent]
        do throws(ServiceError) {
            events = try trade(command)
        } catch .store(.rejected(.commerce(.login(let refusal)))) {
            // An unknown address, or a locked account: refused before anything is journaled.
            throw .login(refusal)
        }
        if let refusal = commerce.loginRefusal(after: command, at: now) { throw .login(refusal) }
        guard let account = commerce.account(email: check.email) else { throw .login(.wrongEmailOrPassword) }
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
