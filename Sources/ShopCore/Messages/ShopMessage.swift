/// A message the shop sends a customer, rendered as an RFC 5322 / MIME message: UTF-8 plain
/// text in quoted-printable, non-ASCII header text in RFC 2047 encoded words, CRLF line ends,
/// no header line longer than 78 characters.
public struct ShopMessage: Hashable, Sendable {
    public let from: MailAddress
    public let to: MailAddress
    /// One line, cleaned as every header is (see `MessageHeader.sanitised`).
    public let subject: String
    public let date: ShopInstant
    /// Plain text; line breaks are stored as `\n` and the text ends with one (unless empty).
    /// Escape sequences, controls other than line breaks and tabs, and bidirectional controls
    /// are removed, so that no mail reader decodes them into a terminal.
    public let body: String
    public let messageID: MessageID
    /// Extra fields such as `X-Comptoir-Kind` and `X-Comptoir-Order`, written in this order.
    public let headers: [MessageHeader]

    public init(
        from: MailAddress, to: MailAddress, subject: String, date: ShopInstant, body: String,
        messageID: MessageID, headers: [MessageHeader] = []
    ) {
        self.from = from
        self.to = to
        self.subject = MessageHeader.sanitised(subject)
        self.date = date
        let lines = QuotedPrintable.normalisedLines(TextSanitizer.clean(body, for: .mailBody))
        self.body = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        self.messageID = messageID
        self.headers = headers
    }

    /// The value of the first extra header called `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// `X-Comptoir-Kind`, when it names a known kind.
    public var kind: MessageKind? { header(MessageHeader.kindName).flatMap(MessageKind.init(rawValue:)) }

    /// `X-Comptoir-Order`.
    public var orderNumber: String? { header(MessageHeader.orderName) }

    /// The message as it goes into a mailbox: ASCII-only bytes with CRLF line ends.
    public func rendered() -> [UInt8] {
        Array(renderedText.utf8)
    }

    /// The rendered message as text (it is pure ASCII).
    public var renderedText: String {
        var lines: [String] = []
        lines += EncodedWords.fold(name: "Date", tokens: [RFC5322Date.format(date, in: MessageTime.zone)])
        lines += addressField(name: "From", from)
        lines += addressField(name: "To", to)
        lines += EncodedWords.unstructuredField(name: "Subject", text: subject)
        lines.append("Message-ID: \(messageID)")
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: text/plain; charset=utf-8")
        lines.append("Content-Transfer-Encoding: quoted-printable")
        for header in headers where !header.value.isEmpty {
            lines += EncodedWords.unstructuredField(name: header.name, text: header.value)
        }
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + QuotedPrintable.encode(body)
    }

    private func addressField(name: String, _ mailbox: MailAddress) -> [String] {
        let angleAddress = "<\(mailbox.address)>"
        guard !mailbox.name.isEmpty else { return EncodedWords.fold(name: name, tokens: [mailbox.address]) }
        let phrase = EncodedWords.phraseTokens(mailbox.name, firstWordRoom: EncodedWords.maximumLineLength - name.count - 2)
        return EncodedWords.fold(name: name, tokens: phrase + [angleAddress])
    }
}
