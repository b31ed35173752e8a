extension Commerce {
    /// The `.logIn` command for a password typed for `email`: the password is verified here with
    /// `hasher` (not at all while the account is locked), so the decision itself stays pure. A
    /// right password logs `session` in; with no session it only proves who acts (`--email`).
    public func logInCommand(
        email: String, password: String, hasher: some PasswordHasher, at now: ShopInstant, session: String?
    ) -> CommerceCommand {
        guard let account = account(email: email), !account.isLocked(at: now) else {
            return .logIn(email: email, passwordVerified: false, session: session)
        }
        return .logIn(email: email, passwordVerified: hasher.verify(password, against: account.passwordHash), session: session)
    }

    /// After a `.logIn` command was journaled: nil when its password was right, else why the login
    /// failed (a wrong email and a wrong password give the same answer; a lock says how long it
    /// lasts). Whatever any session is doing, a wrong password fails.
    public func loginRefusal(after command: CommerceCommand, at now: ShopInstant) -> LoginError? {
        guard case let .logIn(email, verified, _) = command, let account = account(email: email) else {
            return .wrongEmailOrPassword
        }
        if verified { return nil }
        if let until = account.lockedUntil, now < until { return .locked(remainingSeconds: until.seconds(since: now)) }
        return .wrongEmailOrPassword
    }
}
