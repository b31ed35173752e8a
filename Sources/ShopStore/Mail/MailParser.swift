import ShopCore

/// Reads a stored RFC 5322 message back into a `MailboxEntry`: unfolds and decodes the headers
/// (RFC 2047) and decodes a quoted-printable, Base64 or plain body as UTF-8. It is lenient:
/// any bytes give an entry, with empty fields for what is missing.
enum MailParser {
    static func entry(key: String, flags: String, bytes: [UInt8]) -> MailboxEntry {
        let (headerBytes, bodyBytes) = split(bytes)
        let fields = headerFields(String(decoding: headerBytes, as: UTF8.self))
        func field(_ name: String) -> String? {
            fields.first { $0.name.lowercased() == name.lowercased() }?.value
        }
        let encoding = field("Content-Transfer-Encoding")?.lowercased() ?? "7bit"
        let bodyText = String(decoding: bodyBytes, as: UTF8.self)
        let body: String
        switch encoding {
        case "quoted-printable":
            body = QuotedPrintable.decode(bodyText)
        case "base64":
            body = Base64.decode(bodyText).map { String(decoding: $0, as: UTF8.self) } ?? bodyText
        default:
            body = QuotedPrintable.normalisedLines(bodyText).map { $0 + "\n" }.joined()
        }
        let messageID = field("Message-ID").map { id in
            String(id.unicodeScalars.filter { $0 != "<" && $0 != ">" && $0 != " " }.map(Character.init))
        }
        return MailboxEntry(
            key: key, flags: flags,
            subject: field("Subject").map(EncodedWords.decode) ?? "",
            date: field("Date").flatMap(RFC5322Date.parse),
            from: field("From").map(EncodedWords.decode) ?? "",
            to: field("To").map(EncodedWords.decode) ?? "",
            kind: field(MessageHeader.kindName).map(EncodedWords.decode),
            orderNumber: field(MessageHeader.orderName).map(EncodedWords.decode),
            messageID: messageID, body: body
        )
    }

    /// The header block and the body, split at the first empty line (CRLF or LF).
    private static func split(_ bytes: [UInt8]) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var index = 0
        var lineStart = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                let line = bytes[lineStart..<index]
                if line.isEmpty || line == [UInt8(ascii: "\r")] {
                    return (bytes[..<lineStart], bytes[(index + 1)...])
                }
                lineStart = index + 1
            }
            index += 1
        }
        return (bytes[...], [])
    }

    /// Header fields in order, unfolded (a line starting with a space or tab continues the
    /// previous one) and with the value's outer whitespace trimmed.
    private static func headerFields(_ text: String) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for line in QuotedPrintable.normalisedLines(text) {
            if let first = line.unicodeScalars.first, first == " " || first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += line
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        return fields.map { ($0.name.trimmingWhitespace, $0.value.trimmingWhitespace) }
    }
}

extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}
