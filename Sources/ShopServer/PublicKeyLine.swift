import NIOSSH
import ShopCore

/// Reads one OpenSSH public key line (`ssh-ed25519 AAAA… comment`, as in a `.pub` file) into the
/// entry an account registers: the key must be one `comptoir serve` can check a signature with.
public enum PublicKeyLine {
    /// Longer lines are no public key a customer would paste (an ed25519 line is about 100 bytes).
    static let maximumLength = 16_384
    static let maximumCommentLength = 200

    public static func parse(_ text: String) throws(PublicKeyLineError) -> PublicKeyEntry {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
        guard let line = lines.first else { throw .empty }
        guard lines.count == 1 else { throw .severalLines(lines.count) }
        guard line.utf8.count <= maximumLength else { throw .notAKey("the line is longer than \(maximumLength) bytes") }
        let key: NIOSSHPublicKey
        do {
            key = try NIOSSHPublicKey(openSSHPublicKey: line)
        } catch {
            let type = line.split(separator: " ").first.map(String.init) ?? ""
            if type == "ssh-rsa" || type == "ssh-dss" { throw .unsupportedType(type) }
            throw .notAKey("it is not 'TYPE BASE64 [COMMENT]' with a key the base64 encodes")
        }
        let canonical = String(openSSHPublicKey: key)
        let fields = canonical.split(separator: " ", maxSplits: 1)
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        let comment = parts.count == 3 ? String(parts[2].unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7f })
            .trimmingCharacters() : ""
        guard comment.count <= maximumCommentLength else {
            throw .notAKey("its comment is longer than \(maximumCommentLength) characters")
        }
        return PublicKeyEntry(
            type: String(fields[0]), blob: String(fields[1]), comment: comment, fingerprint: KeyFingerprint.of(key))
    }
}

/// Why a public key line was refused.
public enum PublicKeyLineError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case severalLines(Int)
    case unsupportedType(String)
    case notAKey(String)

    public var description: String {
        let wanted = "give one OpenSSH public key line such as the contents of ~/.ssh/id_ed25519.pub"
        switch self {
        case .empty: return "no public key was given: \(wanted)"
        case let .severalLines(count): return "\(count) lines were given, one key at a time: \(wanted)"
        case let .unsupportedType(type):
            return "\(type) keys are not supported: use an ed25519 or ECDSA key ('ssh-keygen -t ed25519')"
        case let .notAKey(reason): return "not an OpenSSH public key (\(reason)): \(wanted)"
        }
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
