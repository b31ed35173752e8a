/// A message's unique identifier, written `<left@right>` in the `Message-ID` header.
public struct MessageID: Hashable, Sendable, CustomStringConvertible {
    /// The identifier without angle brackets, e.g. `20261123T183803Z.42@comptoir.localhost`.
    public let value: String

    /// An identifier unique within the shop: the message's date and the caller's sequence
    /// number (e.g. the journal position), at `domain`.
    public init(date: ShopInstant, sequence: Int, domain: String = "comptoir.localhost") {
        let stamp = date.iso8601.filter { $0 != "-" && $0 != ":" }
        let safeDomain = String(domain.unicodeScalars.filter { EncodedWords.isAtext($0) || $0 == "." }
            .map(Character.init))
        value = "\(stamp).\(sequence)@\(safeDomain.isEmpty ? "comptoir.localhost" : safeDomain)"
    }

    /// `<value>`.
    public var description: String { "<\(value)>" }
}
