extension CommerceDecision {
    /// Registers the key to the customer's account, unless some account has it already, and
    /// tells the customer (`AccountNotices.keyAdded`).
    mutating func addKey(_ entry: PublicKeyEntry) throws(CommerceError) {
        let account = try customer()
        if let owner = commerce.accountKeys[entry.fingerprint] {
            throw .keyTaken(fingerprint: entry.fingerprint, yours: owner.account == account.id)
        }
        let key = AccountKey(
            account: account.id, type: entry.type, blob: entry.blob, comment: entry.comment,
            fingerprint: entry.fingerprint, addedAt: now)
        emit(.accountKeyAdded(key))
        send(.accountKeyAdded, to: account, subject: "An SSH key was added to your Comptoir account",
             body: AccountNotices.keyAdded(key, to: account, by: shopper, seller: state.seller))
    }

    /// Unregisters the key from the customer's account and tells the customer.
    mutating func removeKey(_ fingerprint: String) throws(CommerceError) {
        let account = try customer()
        let typed = fingerprint.trimmingSpaces()
        guard let key = commerce.accountKeys[typed], key.account == account.id else { throw .unknownKey(typed) }
        emit(.accountKeyRemoved(account.id, fingerprint: typed))
        send(.accountKeyRemoved, to: account, subject: "An SSH key was removed from your Comptoir account",
             body: AccountNotices.keyRemoved(key, from: account, at: now, by: shopper, seller: state.seller))
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
