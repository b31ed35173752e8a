import Crypto
import Foundation
import NIOSSH

/// The server's ed25519 host key, kept in the data folder (`ssh_host_ed25519_key`, 0600): made on
/// the first start, read on the next ones so that customers' `known_hosts` stay valid.
public struct SSHHostKey: Sendable {
    public static let fileName = "ssh_host_ed25519_key"
    private static let header = "comptoir-ssh-ed25519-private-key "

    public let key: NIOSSHPrivateKey
    public let fingerprint: String
    /// Whether this start made the key.
    public let isNew: Bool

    /// Reads the key in `folder`, or makes it there (0600) when there is none.
    public static func loadOrCreate(in folder: String) throws(ServeError) -> SSHHostKey {
        let path = folder + "/" + fileName
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            guard text.hasPrefix(header),
                  let raw = Data(base64Encoded: text.dropFirst(header.count).trimmingCharacters(in: .whitespacesAndNewlines)),
                  let signing = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
                throw .hostKey("\(path) is not a Comptoir host key: move it away and a new one is made")
            }
            return SSHHostKey(signing, isNew: false)
        }
        let signing = Curve25519.Signing.PrivateKey()
        let text = header + signing.rawRepresentation.base64EncodedString() + "\n"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .hostKey("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let written = text.withCString { write(fd, $0, strlen($0)) }
        guard written == text.utf8.count, fsync(fd) == 0 else { throw .hostKey("cannot write \(path): \(String(cString: strerror(errno)))") }
        return SSHHostKey(signing, isNew: true)
    }

    private init(_ signing: Curve25519.Signing.PrivateKey, isNew: Bool) {
        key = NIOSSHPrivateKey(ed25519Key: signing)
        fingerprint = KeyFingerprint.of(key.publicKey)
        self.isNew = isNew
    }
}
