/// An extra header field of a shop message, such as `X-Comptoir-Order: C-2026-000123`.
public struct MessageHeader: Hashable, Sendable {
    public let name: String
    public let value: String

    /// Header fields the message writes itself; an extra header may not repeat them.
    public static let reservedNames: Set<String> = [
        "date", "from", "to", "cc", "bcc", "subject", "message-id", "mime-version",
        "content-type", "content-transfer-encoding",
    ]

    /// A header field; line breaks in `value` become spaces, so a value can never start a new
    /// header, and other controls are removed (see `sanitised`).
    public init(name: String, value: String) throws(MessageHeaderError) {
        guard !name.isEmpty, name.utf8.count <= 60,
              name.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != ":" })
        else { throw .invalidName(name) }
        guard !Self.reservedNames.contains(name.lowercased()) else { throw .reservedName(name) }
        self.name = name
        self.value = Self.sanitised(value)
    }

    private init(trustedName: String, value: String) {
        name = trustedName
        self.value = Self.sanitised(value)
    }

    public static let kindName = "X-Comptoir-Kind"
    public static let orderName = "X-Comptoir-Order"

    /// `X-Comptoir-Kind: order-confirmation`.
    public static func kind(_ kind: MessageKind) -> MessageHeader {
        MessageHeader(trustedName: kindName, value: kind.rawValue)
    }

    /// `X-Comptoir-Order: C-2026-000123`.
    public static func order(_ orderNumber: String) -> MessageHeader {
        MessageHeader(trustedName: orderName, value: orderNumber)
    }

    /// `text` cleaned for a header (escape sequences, controls and bidirectional controls
    /// removed, line breaks and tabs made spaces) and with outer spaces trimmed.
    static func sanitised(_ text: String) -> String {
        TextSanitizer.clean(text, for: .mailHeader).trimmingSpaces()
    }
}

/// Why an extra header was refused.
public enum MessageHeaderError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidName(String)
    case reservedName(String)

    public var description: String {
        switch self {
        case let .invalidName(name):
            return "\(Quote.value(name)) is not a header name: use 1 to 60 printable ASCII characters without ':' or spaces, like X-Comptoir-Order"
        case let .reservedName(name):
            return "\(Quote.value(name)) is written by the message itself: give it through the message's own fields"
        }
    }
}
