/// Turns a password into a salted, slow hash and checks a password against one.
/// ShopCore only states the contract; `ShopSecurity.ScryptPasswordHasher` is the real one.
public protocol PasswordHasher: Sendable {
    /// Hashes `password` with a fresh random salt: two calls give two different hashes.
    func hash(_ password: String) throws -> PasswordHash
    /// Whether `password` is the one `hash` was made from. A hash that cannot be read verifies nothing.
    func verify(_ password: String, against hash: PasswordHash) -> Bool
    /// Does the work of one verification and answers false: for a login whose email has no
    /// account, so that timing does not tell which addresses have accounts.
    func verifyWithoutAccount(_ password: String) -> Bool
}

extension PasswordHasher {
    public func verifyWithoutAccount(_ password: String) -> Bool {
        _ = verify(password, against: PasswordHash(encoded: ""))
        return false
    }
}
