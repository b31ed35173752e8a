/// A stored password hash in its self-describing encoded form (for scrypt:
/// `scrypt$N$r$p$base64salt$base64hash`). Opaque to the domain: only a `PasswordHasher` reads it.
///
/// Printing it never shows the encoded text, so a hash cannot leak into logs or messages;
/// the store persists `encoded` explicitly.
public struct PasswordHash: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public let encoded: String

    public init(encoded: String) {
        self.encoded = encoded
    }

    /// The scheme named before the first `$`, such as `scrypt`; nil when there is none.
    public var scheme: String? {
        guard let dollar = encoded.firstIndex(of: "$"), dollar != encoded.startIndex else { return nil }
        return String(encoded[..<dollar])
    }

    public var description: String { "PasswordHash(\(scheme ?? "unknown scheme"), redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
