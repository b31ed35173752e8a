extension CommerceDecision {
    /// Registers the key to the customer's account, unless some account has it already.
    mutating func addKey(_ entry: PublicKeyEntry) throws(CommerceError) {
        let account = try customer()
        if let owner = commerce.accountKeys[entry.fingerprint] {
            throw .keyTaken(fingerprint: entry.fingerprint, yours: owner.account == account.id)
        }
        emit(.accountKeyAdded(AccountKey(
            account: account.id, type: entry.type, blob: entry.blob, comment: entry.comment,
            fingerprint: entry.fingerprint, addedAt: now)))
    }

    mutating func removeKey(_ fingerprint: String) throws(CommerceError) {
        let account = try customer()
        let typed = fingerprint.trimmingSpaces()
        guard let key = commerce.accountKeys[typed], key.account == account.id else { throw .unknownKey(typed) }
        emit(.accountKeyRemoved(account.id, fingerprint: typed))
    }

    /// The key's owner logs in as a right password would; anyone else is refused as a wrong
    /// password is, without saying whether the account exists.
    mutating func logInWithKey(email: String, fingerprint: String, session: String) throws(CommerceError) {
        guard let account = commerce.account(email: email), commerce.accountKeys[fingerprint]?.account == account.id else {
            throw .login(.wrongEmailOrPassword)
        }
        try logIn(email: email, passwordVerified: true, session: session)
    }
}
