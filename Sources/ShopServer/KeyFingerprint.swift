import Crypto
import Foundation
import NIOSSH

/// OpenSSH's `SHA256:…` fingerprint of a public key: the SHA-256 of the key's wire encoding, in
/// base64 without padding, as `ssh-keygen -lf` prints it.
public enum KeyFingerprint {
    public static func of(_ key: NIOSSHPublicKey) -> String {
        of(openSSHLine: String(openSSHPublicKey: key)) ?? "SHA256:?"
    }

    /// The fingerprint of an `ssh-ed25519 AAAA… comment` line; nil when it is not one.
    public static func of(openSSHLine line: String) -> String? {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 2, let blob = Data(base64Encoded: String(fields[1])) else { return nil }
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }
}
