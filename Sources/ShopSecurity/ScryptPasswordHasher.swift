import Foundation
import ShopCore
import _CryptoExtras

/// Hashes passwords with scrypt (swift-crypto's `_CryptoExtras`, backed by BoringSSL):
/// a 16-byte random salt per password, a 32-byte key, stored as `scrypt$N$r$p$salt$key`.
///
/// Passwords are normalized to Unicode NFC before hashing (as RFC 8265 asks), so "é" typed as
/// one code point or as "e" plus an accent gives the same hash.
public struct ScryptPasswordHasher: PasswordHasher {
    public static let saltByteCount = 16
    public static let keyByteCount = 32

    /// The parameters new hashes are made with; stored hashes carry their own.
    public let parameters: ScryptParameters

    public init(parameters: ScryptParameters = .production) {
        self.parameters = parameters
    }

    public func hash(_ password: String) throws(PasswordHashingError) -> PasswordHash {
        let salt = Self.randomSalt()
        let key = try Self.deriveKey(password, salt: salt, parameters: parameters, byteCount: Self.keyByteCount)
        do {
            return try ScryptEncodedHash(parameters: parameters, salt: salt, key: key).passwordHash
        } catch {
            // The salt and key lengths are this type's own constants, always within the allowed ranges.
            preconditionFailure("scrypt hash of the hasher's own sizes refused: \(error)")
        }
    }

    public func verify(_ password: String, against hash: PasswordHash) -> Bool {
        guard let stored = try? ScryptEncodedHash(parsing: hash),
            let derived = try? Self.deriveKey(
                password, salt: stored.salt, parameters: stored.parameters, byteCount: stored.key.count)
        else { return false }
        return Self.constantTimeEqual(derived, stored.key)
    }

    /// Does the work of one verification and answers false: call it when no account has the email
    /// given at login, so that the answer takes as long as for a real account and timing does not
    /// tell which addresses have accounts.
    public func verifyWithoutAccount(_ password: String) -> Bool {
        let salt = [UInt8](repeating: 0, count: Self.saltByteCount)
        _ = try? Self.deriveKey(password, salt: salt, parameters: parameters, byteCount: Self.keyByteCount)
        return false
    }

    /// Whether `hash` was made with other parameters than this hasher's (or cannot be read), so it
    /// should be replaced by a fresh hash the next time the customer logs in successfully.
    public func needsRehash(_ hash: PasswordHash) -> Bool {
        guard let stored = try? ScryptEncodedHash(parsing: hash) else { return true }
        return stored.parameters != parameters || stored.salt.count != Self.saltByteCount
            || stored.key.count != Self.keyByteCount
    }

    private static func deriveKey(
        _ password: String, salt: [UInt8], parameters: ScryptParameters, byteCount: Int
    ) throws(PasswordHashingError) -> [UInt8] {
        let bytes = Array(password.precomposedStringWithCanonicalMapping.utf8)
        guard !bytes.isEmpty else { throw .emptyPassword }
        do {
            let key = try KDF.Scrypt.deriveKey(
                from: bytes, salt: salt, outputByteCount: byteCount, rounds: parameters.rounds,
                blockSize: parameters.blockSize, parallelism: parameters.parallelism)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .keyDerivationFailed(reason: "\(error)")
        }
    }

    private static func randomSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<saltByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Compares every byte whatever the first difference, so the time taken does not reveal
    /// how much of a guess was right.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
