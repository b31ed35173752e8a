import ShopCore
import Testing
@testable import ShopSecurity

@Suite("Security: reading stored scrypt hashes")
struct ScryptHashFormatTests {
    let hasher = ScryptPasswordHasher(parameters: try! ScryptParameters(rounds: 1 << 10, blockSize: 8, parallelism: 1))
    /// 16 bytes and 32 bytes, base64.
    let salt = "MDEyMzQ1Njc4OWFiY2RlZg=="
    let key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="

    @Test("tampered or foreign hash strings are refused with the reason", arguments: [
        ("bcrypt$2b$10$abc", ScryptHashFormatError.notScrypt(scheme: "bcrypt")),
        ("no dollar at all", .notScrypt(scheme: nil)),
        ("scrypt$1024$8$1$salt", .wrongFieldCount(5)),
        ("scrypt$1024$8$1$a$b$c", .wrongFieldCount(7)),
        ("scrypt$abc$8$1$s$k", .parameterNotANumber(name: "N", text: "abc")),
        ("scrypt$1024$-8$1$s$k", .parameterNotANumber(name: "r", text: "-8")),
        ("scrypt$1024$8$$s$k", .parameterNotANumber(name: "p", text: "")),
        ("scrypt$99999999999$8$1$s$k", .parameterNotANumber(name: "N", text: "99999999999")),
        ("scrypt$1000$8$1$s$k", .roundsNotPowerOfTwo(1000)),
        ("scrypt$1$8$1$s$k", .parameterOutOfRange(name: "N", value: 1, allowed: 2...(1 << 20))),
        ("scrypt$2097152$8$1$s$k", .parameterOutOfRange(name: "N", value: 2_097_152, allowed: 2...(1 << 20))),
        ("scrypt$1024$0$1$s$k", .parameterOutOfRange(name: "r", value: 0, allowed: 1...16)),
        ("scrypt$1024$8$17$s$k", .parameterOutOfRange(name: "p", value: 17, allowed: 1...16)),
        ("scrypt$1024$17$1$s$k", .parameterOutOfRange(name: "r", value: 17, allowed: 1...16)),
        ("scrypt$1048576$8$1$s$k", .tooMuchMemory(bytes: 1 << 30, maximum: 256 << 20)),
    ])
    func refuses(_ encoded: String, _ expected: ScryptHashFormatError) {
        let hash = PasswordHash(encoded: encoded)
        #expect(throws: expected) { try ScryptEncodedHash(parsing: hash) }
        #expect(!hasher.verify("anything at all", against: hash))
        #expect(hasher.needsRehash(hash))
    }

    @Test("a salt or key that is not base64 is refused")
    func invalidBase64() {
        #expect(throws: ScryptHashFormatError.invalidBase64(field: "salt")) {
            try ScryptEncodedHash(parsing: PasswordHash(encoded: "scrypt$1024$8$1$not*base64$\(key)"))
        }
        #expect(throws: ScryptHashFormatError.invalidBase64(field: "key")) {
            try ScryptEncodedHash(parsing: PasswordHash(encoded: "scrypt$1024$8$1$\(salt)$%%%"))
        }
    }

    @Test("salts and keys of implausible lengths are refused")
    func lengths() {
        #expect(throws: ScryptHashFormatError.saltLengthOutOfRange(4, allowed: 8...64)) {
            try ScryptEncodedHash(parsing: PasswordHash(encoded: "scrypt$1024$8$1$TmFDbA==$\(key)"))
        }
        #expect(throws: ScryptHashFormatError.saltLengthOutOfRange(0, allowed: 8...64)) {
            try ScryptEncodedHash(parsing: PasswordHash(encoded: "scrypt$1024$8$1$$\(key)"))
        }
        #expect(throws: ScryptHashFormatError.keyLengthOutOfRange(4, allowed: 16...64)) {
            try ScryptEncodedHash(parsing: PasswordHash(encoded: "scrypt$1024$8$1$\(salt)$a2V5cw=="))
        }
    }

    @Test("a well-formed hash with a changed key no longer verifies")
    func flippedKey() throws {
        let hash = try hasher.hash("plum-kites-river")
        let parsed = try ScryptEncodedHash(parsing: hash)
        var key = parsed.key
        key[31] ^= 1
        let tampered = try ScryptEncodedHash(parameters: parsed.parameters, salt: parsed.salt, key: key).passwordHash
        #expect(!hasher.verify("plum-kites-river", against: tampered))
        var salt = parsed.salt
        salt[0] ^= 1
        let otherSalt = try ScryptEncodedHash(parameters: parsed.parameters, salt: salt, key: parsed.key).passwordHash
        #expect(!hasher.verify("plum-kites-river", against: otherSalt))
    }

    @Test("every format error has a message that names the fix")
    func messages() {
        #expect(ScryptHashFormatError.notScrypt(scheme: "bcrypt").description
            == "the stored hash uses scheme 'bcrypt', not scrypt: expected scrypt$N$r$p$base64salt$base64hash")
        #expect(ScryptHashFormatError.wrongFieldCount(5).description
            == "the stored hash has 5 '$'-separated fields instead of 6: expected scrypt$N$r$p$base64salt$base64hash")
        #expect(ScryptHashFormatError.parameterNotANumber(name: "r", text: "x").description
            == "scrypt parameter r is 'x', not a whole number: expected scrypt$N$r$p$base64salt$base64hash")
        #expect(ScryptHashFormatError.parameterOutOfRange(name: "p", value: 17, allowed: 1...16).description
            == "scrypt parameter p is 17: it must be between 1 and 16")
        #expect(ScryptHashFormatError.roundsNotPowerOfTwo(1000).description
            == "scrypt parameter N is 1000: it must be a power of two such as 32768")
        #expect(ScryptHashFormatError.tooMuchMemory(bytes: 1 << 30, maximum: 256 << 20).description
            == "scrypt parameters would use 1024 MiB: at most 256 MiB (128·N·r·p bytes) is allowed")
        #expect(ScryptHashFormatError.invalidBase64(field: "salt").description
            == "the stored hash's salt is not valid base64")
        #expect(ScryptHashFormatError.saltLengthOutOfRange(4, allowed: 8...64).description
            == "the stored hash's salt has 4 bytes: it must have 8 to 64")
        #expect(ScryptHashFormatError.keyLengthOutOfRange(4, allowed: 16...64).description
            == "the stored hash's key has 4 bytes: it must have 16 to 64")
        #expect(PasswordHashingError.keyDerivationFailed(reason: "x").description
            == "scrypt could not derive the key (x): the parameters may ask for more memory than is available")
    }

    @Test("parameters are checked when made, not only when read")
    func parameterInit() {
        #expect(throws: ScryptHashFormatError.roundsNotPowerOfTwo(3)) {
            try ScryptParameters(rounds: 3, blockSize: 8, parallelism: 1)
        }
        #expect(ScryptParameters.production.rounds == 32_768)
        #expect(ScryptParameters.production.blockSize == 8)
        #expect(ScryptParameters.production.parallelism == 1)
    }
}
