extension CommerceDecision {
    /// A new account, logged in at once on `session`, with a welcome message. The SSH key the
    /// customer registered from becomes the account's, unless it already is another account's
    /// (the registration goes through without it: a key belongs to one account); the welcome
    /// names it, so no separate "key added" notice goes with it.
    mutating func register(_ registration: AccountRegistration, hash: PasswordHash, session: String?) throws(CommerceError) {
        guard commerce.account(email: registration.email.value) == nil else {
            throw .emailTaken(registration.email.value)
        }
        let id = AccountID("A-\(zeroPadded(commerce.accounts.count + 1, width: 6))")
        let account = registration.account(id: id, passwordHash: hash)
        emit(.accountRegistered(account))
        if registration.marketingConsent { emit(.backOffice(.marketingConsent(id, given: true, at: now))) }
        var registeredKey: AccountKey?
        if let entry = registration.sshKey, commerce.accountKeys[entry.fingerprint] == nil {
            let key = AccountKey(
                account: id, type: entry.type, blob: entry.blob, comment: entry.comment, fingerprint: entry.fingerprint, addedAt: now)
            emit(.accountKeyAdded(key))
            registeredKey = key
        }
        if let session { emit(.sessionStarted(session: session, account: id)) }
        send(.accountCreated, to: account, subject: "Welcome to Comptoir, \(account.name)",
             body: OrderMessages.welcome(account, key: registeredKey, seller: state.seller))
    }

    /// The customer proved the current password (checked by the caller); the new hash is
    /// journaled and the customer told (`AccountNotices.passwordChanged`), without the password.
    mutating func changePassword(_ hash: PasswordHash) throws(CommerceError) {
        let account = try customer()
        emit(.passwordChanged(account.id, hash))
        send(.passwordChanged, to: account, subject: "Your Comptoir password was changed",
             body: AccountNotices.passwordChanged(account, at: now, by: shopper, seller: state.seller))
    }

    /// Refused while locked (and not counted); otherwise the attempt is recorded by the login
    /// throttle (the failure that locks the account tells the customer, `AccountNotices.locked`),
    /// and a right password logs `session` in. A wrong password is journaled, not
    /// thrown: the caller reads the outcome with `Commerce.loginRefusal(after:at:)`.
    mutating func logIn(email: String, passwordVerified: Bool, session: String?) throws(CommerceError) {
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
        if updated.lockoutCount > account.lockoutCount, let until = updated.lockedUntil {
            send(.accountLocked, to: updated, subject: "Your Comptoir account is locked until \(MessageTime.text(until))",
                 body: AccountNotices.locked(updated, until: until, failures: throttle.failuresBeforeLock, at: now,
                                             session: session, seller: state.seller))
        }
        if passwordVerified, let session, commerce.sessions[session] != account.id {
            emit(.sessionStarted(session: session, account: account.id))
        }
    }

    /// A session logs out; an account acting by itself logs out every session logged in to it.
    mutating func logOut(_ shopper: Shopper) throws(CommerceError) {
        switch shopper {
        case let .session(name):
            guard commerce.sessions[name] != nil else { throw .notLoggedIn }
            emit(.sessionEnded(session: name))
        case let .account(id):
            guard commerce.accounts[id] != nil else { throw .notLoggedIn }
            for name in commerce.sessions(of: id) { emit(.sessionEnded(session: name)) }
        }
    }
}

func zeroPadded(_ value: Int, width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}
