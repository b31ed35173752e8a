import Foundation
import ShopCore

/// A message as the shop's inbox shows it: the decoded headers that matter and the body text.
public struct MailboxEntry: Hashable, Sendable {
    /// The message's unique Maildir name without its `:2,` flags; pass it to `Maildir.markRead`.
    public let key: String
    /// Maildir flags (`S` seen, `R` replied...), empty for a message still in `new/`.
    public let flags: String
    public let subject: String
    /// Nil when the `Date` header is missing or not an RFC 5322 date.
    public let date: ShopInstant?
    /// Decoded `From`, e.g. `Comptoir <shop@comptoir.example>`.
    public let from: String
    /// Decoded `To`, e.g. `Zoë Müller <zoe@example.fr>`.
    public let to: String
    /// `X-Comptoir-Kind`, e.g. `order-confirmation` or `3ds-code`.
    public let kind: String?
    /// `X-Comptoir-Order`, e.g. `C-2026-000123`.
    public let orderNumber: String?
    /// `Message-ID` without angle brackets.
    public let messageID: String?
    /// The decoded text body, line breaks as `\n`.
    public let body: String

    /// Whether the customer has read the message (the Maildir `S` flag).
    public var isRead: Bool { flags.contains("S") }

    /// The recipient's address alone (`zoe@example.fr` of `Zoë Müller <zoe@example.fr>`), in lower case.
    public var recipientAddress: String {
        var text = Substring(to)
        if let close = text.lastIndex(of: ">"), let open = text[..<close].lastIndex(of: "<") {
            text = text[text.index(after: open)..<close]
        }
        return text.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Whether the message is addressed to exactly `address` (case-insensitive, the whole address:
    /// `oe@example.fr` never reads `zoe@example.fr`'s mail).
    public func isAddressed(to address: String) -> Bool {
        recipientAddress == address.trimmingCharacters(in: .whitespaces).lowercased()
    }

    public init(
        key: String, flags: String, subject: String, date: ShopInstant?, from: String, to: String,
        kind: String?, orderNumber: String?, messageID: String?, body: String
    ) {
        self.key = key
        self.flags = flags
        self.subject = subject
        self.date = date
        self.from = from
        self.to = to
        self.kind = kind
        self.orderNumber = orderNumber
        self.messageID = messageID
        self.body = body
    }
}
