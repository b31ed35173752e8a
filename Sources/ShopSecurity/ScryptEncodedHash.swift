import Foundation
import ShopCore

/// The parts of a scrypt hash and its self-describing text form
/// `scrypt$N$r$p$base64salt$base64hash` (standard base64 with padding), so that the
/// parameters can be raised later while old hashes still verify.
public struct ScryptEncodedHash: Hashable, Sendable {
    public static let scheme = "scrypt"
    public static let saltLengthRange = 8...64
    public static let keyLengthRange = 16...64

    public let parameters: ScryptParameters
    public let salt: [UInt8]
    public let key: [UInt8]

    public init(parameters: ScryptParameters, salt: [UInt8], key: [UInt8]) throws(ScryptHashFormatError) {
        guard Self.saltLengthRange.contains(salt.count) else {
            throw .saltLengthOutOfRange(salt.count, allowed: Self.saltLengthRange)
        }
        guard Self.keyLengthRange.contains(key.count) else {
            throw .keyLengthOutOfRange(key.count, allowed: Self.keyLengthRange)
        }
        self.parameters = parameters
        self.salt = salt
        self.key = key
    }

    public init(parsing hash: PasswordHash) throws(ScryptHashFormatError) {
        let fields = hash.encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.first == Substring(Self.scheme) else { throw .notScrypt(scheme: hash.scheme) }
        guard fields.count == 6 else { throw .wrongFieldCount(fields.count) }
        let rounds = try Self.number(fields[1], name: "N")
        let blockSize = try Self.number(fields[2], name: "r")
        let parallelism = try Self.number(fields[3], name: "p")
        let parameters = try ScryptParameters(rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        guard let salt = Data(base64Encoded: String(fields[4])) else { throw .invalidBase64(field: "salt") }
        guard let key = Data(base64Encoded: String(fields[5])) else { throw .invalidBase64(field: "key") }
        try self.init(parameters: parameters, salt: Array(salt), key: Array(key))
    }

    public var passwordHash: PasswordHash {
        let fields = [
            Self.scheme, String(parameters.rounds), String(parameters.blockSize), String(parameters.parallelism),
            Data(salt).base64EncodedString(), Data(key).base64EncodedString(),
        ]
        return PasswordHash(encoded: fields.joined(separator: "$"))
    }

    /// Digits only: no sign, no spaces, at most 9 digits so the value cannot overflow.
    private static func number(_ field: Substring, name: String) throws(ScryptHashFormatError) -> Int {
        guard !field.isEmpty, field.count <= 9, field.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(field)
        else { throw .parameterNotANumber(name: name, text: String(field)) }
        return value
    }
}
