extension CommerceDecision {
    /// A new account, logged in at once, with a welcome message.
    mutating func register(_ registration: AccountRegistration, hash: PasswordHash) throws(CommerceError) {
        guard commerce.account(email: registration.email.value) == nil else {
            throw .emailTaken(registration.email.value)
        }
        let id = AccountID("A-\(zeroPadded(commerce.accounts.count + 1, width: 6))")
        let account = registration.account(id: id, passwordHash: hash)
        emit(.accountRegistered(account))
        emit(.sessionStarted(id))
        send(.accountCreated, to: account, subject: "Welcome to Comptoir, \(account.name)", body: OrderMessages.welcome(account))
    }

    /// Refused while locked (and not counted); otherwise the attempt is recorded by the login
    /// throttle, and a right password starts the session. A wrong password is journaled, not
    /// thrown: the caller reads the outcome from the state (`Commerce.session`).
    mutating func logIn(email: String, passwordVerified: Bool) throws(CommerceError) {
        guard let account = commerce.account(email: email) else { throw .login(.wrongEmailOrPassword) }
        let throttle = LoginThrottle.standard
        do throws(LoginError) {
            try throttle.checkNotLocked(account, at: now)
        } catch {
            throw .login(error)
        }
        let updated = passwordVerified
            ? throttle.recordingSuccess(on: account)
            : throttle.recordingFailure(on: account, at: now)
        if updated != account {
            emit(.loginRecorded(updated.id, failedLoginCount: updated.failedLoginCount,
                                lockoutCount: updated.lockoutCount, lockedUntil: updated.lockedUntil))
        }
        if passwordVerified && commerce.session != account.id { emit(.sessionStarted(account.id)) }
    }
}

func zeroPadded(_ value: Int, width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}
