/// An SSH public key registered to an account: its owner logs in with it over `comptoir serve`
/// without a password. The fingerprint (`SHA256:…`, as `ssh-keygen -lf` prints it) is computed
/// at the edge, where SHA-256 is, and is the key's identity: one key belongs to one account.
public struct AccountKey: Hashable, Sendable {
    public let account: AccountID
    /// The key's algorithm as OpenSSH names it: `ssh-ed25519`, `ecdsa-sha2-nistp256`…
    public let type: String
    /// The key's wire encoding in base64, as in an OpenSSH public key line.
    public let blob: String
    /// The free text after the key on its line (often `user@host`); may be empty.
    public let comment: String
    public let fingerprint: String
    public let addedAt: ShopInstant

    public init(account: AccountID, type: String, blob: String, comment: String, fingerprint: String, addedAt: ShopInstant) {
        self.account = account
        self.type = type
        self.blob = blob
        self.comment = comment
        self.fingerprint = fingerprint
        self.addedAt = addedAt
    }

    /// The key as an OpenSSH public key line: `type blob comment`.
    public var openSSHLine: String { comment.isEmpty ? "\(type) \(blob)" : "\(type) \(blob) \(comment)" }
}

/// A public key the customer asks to register, checked and fingerprinted by the edge that read it.
public struct PublicKeyEntry: Hashable, Sendable {
    public let type: String
    public let blob: String
    public let comment: String
    public let fingerprint: String

    public init(type: String, blob: String, comment: String, fingerprint: String) {
        self.type = type
        self.blob = blob
        self.comment = comment
        self.fingerprint = fingerprint
    }
}
