/// The gateway's handle on a payment (`tok_` + 24 random letters and digits), the only way the
/// shop refers to a card payment after authorization.
public struct GatewayToken: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(value: String) { self.value = value }

    static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    static let randomLength = 24

    /// A fresh token with `prefix` (`tok_` for cards, `wal_` for wallet payments).
    static func generate<R: RandomNumberGenerator>(prefix: String, using random: inout R) -> GatewayToken {
        var text = prefix
        for _ in 0..<randomLength {
            text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)])
        }
        return GatewayToken(value: text)
    }

    public var description: String { value }
}
