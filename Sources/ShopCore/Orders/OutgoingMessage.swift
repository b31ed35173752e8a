/// A message the shop has decided to send, kept in the state until it is written to the mailbox.
/// Its `sequence` makes its Message-ID, so delivering it twice can be detected.
public struct OutgoingMessage: Hashable, Sendable {
    public let sequence: Int
    public let kind: MessageKind
    public let toName: String
    public let toAddress: String
    public let subject: String
    public let body: String
    public let date: ShopInstant
    public let orderNumber: String?

    public init(sequence: Int, kind: MessageKind, toName: String, toAddress: String, subject: String, body: String,
                date: ShopInstant, orderNumber: String?) {
        self.sequence = sequence
        self.kind = kind
        self.toName = toName
        self.toAddress = toAddress
        self.subject = subject
        self.body = body
        self.date = date
        self.orderNumber = orderNumber
    }

    public static let shopAddress = "boutique@comptoir.localhost"

    public var messageID: MessageID { MessageID(date: date, sequence: sequence) }

    /// The RFC 5322 message; nil when the recipient's address cannot be written in a mail header.
    public var shopMessage: ShopMessage? {
        guard let from = try? MailAddress(name: "Comptoir", address: Self.shopAddress),
              let to = try? MailAddress(name: toName, address: toAddress) else { return nil }
        var headers = [MessageHeader.kind(kind)]
        if let orderNumber { headers.append(.order(orderNumber)) }
        return ShopMessage(from: from, to: to, subject: subject, date: date, body: body, messageID: messageID, headers: headers)
    }
}
