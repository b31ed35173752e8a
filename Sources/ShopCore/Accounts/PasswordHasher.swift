/// Turns a password into a salted, slow hash and checks a password against one.
/// ShopCore only states the contract; `ShopSecurity.ScryptPasswordHasher` is the real one.
public protocol PasswordHasher: Sendable {
    /// Hashes `password` with a fresh random salt: two calls give two different hashes.
    func hash(_ password: String) throws -> PasswordHash
    /// Whether `password` is the one `hash` was made from. A hash that cannot be read verifies nothing.
    func verify(_ password: String, against hash: PasswordHash) -> Bool
}
