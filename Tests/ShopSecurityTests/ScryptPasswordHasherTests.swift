import Foundation
import ShopCore
import Testing
@testable import ShopSecurity

@Suite("Security: scrypt password hasher")
struct ScryptPasswordHasherTests {
    /// N = 2^10 keeps tests fast; one test uses the production parameters.
    let hasher = ScryptPasswordHasher(parameters: try! ScryptParameters(rounds: 1 << 10, blockSize: 8, parallelism: 1))

    @Test("a password verifies against its own hash and no other password does")
    func roundTrip() throws {
        let hash = try hasher.hash("correct horse battery staple")
        #expect(hasher.verify("correct horse battery staple", against: hash))
        #expect(!hasher.verify("correct horse battery stapl", against: hash))
        #expect(!hasher.verify("Correct horse battery staple", against: hash))
        #expect(!hasher.verify("", against: hash))
    }

    @Test("the encoded form names scheme, parameters, a 16-byte salt and a 32-byte key")
    func encodedForm() throws {
        let hash = try hasher.hash("plum-kites-river")
        let fields = hash.encoded.split(separator: "$", omittingEmptySubsequences: false)
        #expect(fields.count == 6)
        #expect(Array(fields[0...3]) == ["scrypt", "1024", "8", "1"])
        let parsed = try ScryptEncodedHash(parsing: hash)
        #expect(parsed.salt.count == 16)
        #expect(parsed.key.count == 32)
        #expect(parsed.passwordHash == hash)
        #expect(hash.scheme == "scrypt")
    }

    @Test("two hashes of the same password differ, and both verify")
    func saltMakesHashesDiffer() throws {
        let first = try hasher.hash("plum-kites-river")
        let second = try hasher.hash("plum-kites-river")
        #expect(first != second)
        #expect(try ScryptEncodedHash(parsing: first).salt != ScryptEncodedHash(parsing: second).salt)
        #expect(hasher.verify("plum-kites-river", against: first))
        #expect(hasher.verify("plum-kites-river", against: second))
    }

    @Test("a hash made with other parameters still verifies, and asks to be renewed")
    func otherParameters() throws {
        let older = ScryptPasswordHasher(parameters: try ScryptParameters(rounds: 1 << 9, blockSize: 4, parallelism: 2))
        let hash = try older.hash("plum-kites-river")
        #expect(hash.encoded.hasPrefix("scrypt$512$4$2$"))
        #expect(hasher.verify("plum-kites-river", against: hash))
        #expect(hasher.needsRehash(hash))
        #expect(!hasher.needsRehash(try hasher.hash("plum-kites-river")))
        #expect(hasher.needsRehash(PasswordHash(encoded: "bcrypt$whatever")))
    }

    @Test("the extreme allowed block size and parallelism work within the KDF's memory allowance",
          arguments: [(16, 1), (1, 16)])
    func extremeParameters(_ blockSize: Int, _ parallelism: Int) throws {
        let parameters = try ScryptParameters(rounds: 1 << 10, blockSize: blockSize, parallelism: parallelism)
        let extreme = ScryptPasswordHasher(parameters: parameters)
        let hash = try extreme.hash("plum-kites-river")
        #expect(extreme.verify("plum-kites-river", against: hash))
    }

    @Test("the RFC 7914 test vector verifies, so hashes are standard scrypt")
    func rfc7914Vector() {
        // RFC 7914 §12, third vector: P="pleaseletmein", S="SodiumChloride", N=16384, r=8, p=1, 64-byte key.
        let key = hex("""
            7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2\
            d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887
            """)
        let salt = Data("SodiumChloride".utf8).base64EncodedString()
        let hash = PasswordHash(encoded: "scrypt$16384$8$1$\(salt)$\(Data(key).base64EncodedString())")
        #expect(hasher.verify("pleaseletmein", against: hash))
        #expect(!hasher.verify("pleaseletmeout", against: hash))
    }

    @Test("the password is normalized to NFC: composed and decomposed accents give the same hash")
    func unicodeNormalization() throws {
        let composed = "caf\u{E9} au lait chaud"
        let decomposed = "cafe\u{301} au lait chaud"
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        let hash = try hasher.hash(composed)
        #expect(hasher.verify(decomposed, against: hash))
    }

    @Test("an empty password is not hashed")
    func emptyPassword() {
        #expect(throws: PasswordHashingError.emptyPassword) { try hasher.hash("") }
        #expect(PasswordHashingError.emptyPassword.description
            == "an empty password cannot be hashed: choose one of at least 10 characters")
    }

    @Test("descriptions never contain the password")
    func noPasswordInDescriptions() throws {
        let password = "plum-kites-river"
        let hash = try hasher.hash(password)
        #expect(!"\(hash)".contains(password))
        #expect(!String(reflecting: hash).contains(password))
        #expect(!"\(hasher)".contains(password))
        #expect(!"\(try ScryptEncodedHash(parsing: hash))".contains(password))
        #expect(!String(reflecting: hash).contains(String(hash.encoded.suffix(20))))
    }

    @Test("hashing with the production parameters works once")
    func productionParameters() throws {
        let production = ScryptPasswordHasher()
        #expect(production.parameters == .production)
        #expect(ScryptParameters.production.description == "scrypt N=32768 r=8 p=1")
        let hash = try production.hash("correct horse battery staple")
        #expect(hash.encoded.hasPrefix("scrypt$32768$8$1$"))
        #expect(production.verify("correct horse battery staple", against: hash))
    }

    @Test("a login for an unknown email does the same work and fails")
    func unknownAccount() {
        #expect(!hasher.verifyWithoutAccount("plum-kites-river"))
        #expect(!hasher.verifyWithoutAccount(""))
    }

    @Test("constant-time comparison compares whole arrays")
    func constantTimeEqual() {
        #expect(ScryptPasswordHasher.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!ScryptPasswordHasher.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!ScryptPasswordHasher.constantTimeEqual([9, 2, 3], [1, 2, 3]))
        #expect(!ScryptPasswordHasher.constantTimeEqual([1, 2], [1, 2, 3]))
        #expect(ScryptPasswordHasher.constantTimeEqual([], []))
    }
}

func hex(_ text: String) -> [UInt8] {
    let digits = Array(text.filter { $0.isHexDigit })
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
}
