extension Commerce {
    /// The `.logIn` command for a password typed for `email`: the password is verified here with
    /// `hasher` (not at all while the account is locked), so the decision itself stays pure.
    public func logInCommand(email: String, password: String, hasher: some PasswordHasher, at now: ShopInstant) -> CommerceCommand {
        guard let account = account(email: email), !account.isLocked(at: now) else {
            return .logIn(email: email, passwordVerified: false)
        }
        return .logIn(email: email, passwordVerified: hasher.verify(password, against: account.passwordHash))
    }

    /// After a `.logIn` command: nil when `email` is now logged in, else why not (a wrong email
    /// and a wrong password give the same answer; a lock says how long it lasts).
    public func loginRefusal(email: String, at now: ShopInstant) -> LoginError? {
        guard let account = account(email: email) else { return .wrongEmailOrPassword }
        if session == account.id { return nil }
        if let until = account.lockedUntil, now < until { return .locked(remainingSeconds: until.seconds(since: now)) }
        return .wrongEmailOrPassword
    }
}
