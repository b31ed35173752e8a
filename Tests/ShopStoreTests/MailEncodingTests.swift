import Testing
import ShopCore

@Suite("Mail encoding")
struct MailEncodingTests {
    @Test("quoted-printable encodes =, non-ASCII bytes and trailing whitespace")
    func quotedPrintableBasics() {
        #expect(QuotedPrintable.encode("a=b\n") == "a=3Db\r\n")
        #expect(QuotedPrintable.encode("café\n") == "caf=C3=A9\r\n")
        #expect(QuotedPrintable.encode("end  \nx\t\n") == "end =20\r\nx=09\r\n")
        #expect(QuotedPrintable.encode("a\r\nb\rc") == "a\r\nb\r\nc\r\n")
        #expect(QuotedPrintable.encode("") == "")
        #expect(QuotedPrintable.encode("\n\n") == "\r\n\r\n")
        #expect(QuotedPrintable.encode("From me\n.\n..\nA From \n") == "=46rom me\r\n=2E\r\n..\r\nA From=20\r\n")
        #expect(QuotedPrintable.decode("=46rom me\r\n=2E\r\n") == "From me\n.\n")
    }

    @Test("quoted-printable soft breaks keep lines at most 76 and never split =XX")
    func quotedPrintableSoftBreaks() {
        let exact = String(repeating: "a", count: 76)
        #expect(QuotedPrintable.encode(exact) == exact + "\r\n")
        let longer = String(repeating: "a", count: 77)
        #expect(QuotedPrintable.encode(longer) == String(repeating: "a", count: 75) + "=\r\naa\r\n")
        for text in [String(repeating: "é", count: 100), String(repeating: "x", count: 74) + "ééé", MailFixtures.longLine] {
            let encoded = QuotedPrintable.encode(text)
            for line in MailFixtures.crlfLines(encoded) {
                #expect(line.count <= 76)
                let characters = Array(line.hasSuffix("=") ? line.dropLast() : line)
                for (index, character) in characters.enumerated() where character == "=" {
                    #expect(index + 2 < characters.count && characters[index + 1].isHexDigit
                            && characters[index + 2].isHexDigit, "split escape in \(line)")
                }
            }
            #expect(QuotedPrintable.decode(encoded) == text + "\n")
        }
    }

    @Test("quoted-printable round trip of awkward texts")
    func quotedPrintableRoundTrip() {
        let texts = ["", "a\n", "   \n", "= == ===\n", "ligne 🇫🇷 drapeau\n", "tab\tin\tline\t\n",
                     String(repeating: " ", count: 200) + "\n", MailFixtures.longLine + "\n"]
        for text in texts {
            #expect(QuotedPrintable.decode(QuotedPrintable.encode(text)) == text)
        }
        #expect(QuotedPrintable.decode("bad =ZZ and =4\r\n") == "bad =ZZ and =4\n")
        #expect(QuotedPrintable.decode("soft=\r\nbreak   \r\n") == "softbreak\n")
    }

    @Test("non-ASCII subjects become UTF-8 Base64 encoded words, folded under 78 columns")
    func encodedWords() {
        let lines = EncodedWords.unstructuredField(name: "Subject", text: "Commande confirmée")
        #expect(lines == ["Subject: =?UTF-8?B?Q29tbWFuZGUgY29uZmlybcOpZQ==?="])
        let long = String(repeating: "Très long sujet à plier 😀 ", count: 8)
        let folded = EncodedWords.unstructuredField(name: "Subject", text: long)
        #expect(folded.count > 1)
        for line in folded {
            #expect(line.count <= 78)
            for word in line.split(separator: " ") where word.hasPrefix("=?") {
                #expect(word.count <= 75)
            }
        }
        #expect(EncodedWords.decode(String(folded.joined().dropFirst("Subject: ".count))) == long)
    }

    @Test("display names: atoms stay plain, other runs of words are encoded together")
    func displayNames() {
        #expect(EncodedWords.phraseTokens("Jean de La Fontaine", firstWordRoom: 74) == ["Jean", "de", "La", "Fontaine"])
        #expect(EncodedWords.phraseTokens("Zoë Müller", firstWordRoom: 74) == ["=?UTF-8?B?Wm/DqyBNw7xsbGVy?="])
        let mixed = EncodedWords.phraseTokens("Zoë de Müller", firstWordRoom: 74)
        #expect(mixed.count == 3 && mixed[1] == "de")
        #expect(EncodedWords.phraseTokens("O'Brien, Seán", firstWordRoom: 74).count == 1)
        let longAtom = String(repeating: "a", count: 74)
        #expect(EncodedWords.phraseTokens(longAtom, firstWordRoom: 72).allSatisfy { $0.hasPrefix("=?UTF-8?B?") })
        #expect(EncodedWords.phraseTokens("x " + longAtom, firstWordRoom: 72) == ["x", longAtom])
        let long = "Marie-Thérèse Françoise Hélène-Bérénice Müller-Lüdenscheidt"
        let words = EncodedWords.phraseTokens(long, firstWordRoom: 74)
        #expect(words.count == 2)
        #expect(words.allSatisfy { $0.count <= 75 })
        let first = String(decoding: Base64.decode(words[0].dropFirst(10).dropLast(2))!, as: UTF8.self)
        #expect(first.hasSuffix(" "), "the cut comes after a space, which stays in the first word")
        #expect(EncodedWords.decode(words.joined(separator: " ")) == long)
    }

    @Test("plain ASCII headers are folded at spaces and otherwise left alone")
    func plainFolding() {
        #expect(EncodedWords.unstructuredField(name: "X-Comptoir-Order", text: "C-2026-000123")
                == ["X-Comptoir-Order: C-2026-000123"])
        let words = (1...30).map { "word\($0)" }.joined(separator: " ")
        let lines = EncodedWords.unstructuredField(name: "Subject", text: words)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count <= 78 })
        #expect(lines.joined() == "Subject: " + words)
        // Double spaces and "=?" would not survive plain folding: they are encoded.
        #expect(EncodedWords.unstructuredField(name: "Subject", text: "a  b")[0].contains("=?UTF-8?B?"))
        #expect(EncodedWords.unstructuredField(name: "Subject", text: "=?x?=")[0].contains("=?UTF-8?B?"))
    }

    @Test("decoding encoded words: B and Q, UTF-8 and Latin-1, whitespace between words dropped")
    func decodeWords() {
        #expect(EncodedWords.decode("=?UTF-8?B?WsO2w6s=?= =?utf-8?q?_M=C3=BCller?=") == "Zöë Müller")
        #expect(EncodedWords.decode("=?ISO-8859-1?Q?caf=E9?= au lait") == "café au lait")
        #expect(EncodedWords.decode("plain =?UTF-8?B?w6k=?=  text") == "plain é  text")
        #expect(EncodedWords.decode("=?KOI8-R?B?abc?= kept") == "=?KOI8-R?B?abc?= kept")
        #expect(EncodedWords.decode("=?UTF-8?B?not base64!?=") == "=?UTF-8?B?not base64!?=")
        #expect(Base64.decode("w6k=") == [0xC3, 0xA9])
        #expect(Base64.decode("w6k") == nil)
        #expect(Base64.encode(Array("Zoë".utf8)) == "Wm/Dqw==")
    }

    @Test("RFC 5322 dates from shop time, and back")
    func dates() {
        #expect(RFC5322Date.format(MailFixtures.date) == "Mon, 23 Nov 2026 18:38:00 +0000")
        #expect(RFC5322Date.format(ShopInstant(secondsSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(RFC5322Date.parse("Mon, 23 Nov 2026 18:38:00 +0000") == MailFixtures.date)
        #expect(RFC5322Date.parse("23 Nov 2026 19:38 +0100") == MailFixtures.date)
        #expect(RFC5322Date.parse("Mon, 23 Nov 2026 13:38:00 -0500") == MailFixtures.date)
        #expect(RFC5322Date.parse("Mon, 23 Nov 2026 18:38:00 GMT") == MailFixtures.date)
        #expect(RFC5322Date.parse("Mon, 23 Nov 2026 18:38:00 +0000 (UTC)") == MailFixtures.date)
        #expect(RFC5322Date.parse("yesterday") == nil)
        #expect(RFC5322Date.parse("Mon, 23 Foo 2026 18:38:00 +0000") == nil)
        #expect(RFC5322Date.parse("Mon, 23 Nov 2026 25:38:00 +0000") == nil)
    }

    @Test("mail addresses: valid ones accepted, each invalid kind refused with its reason")
    func addresses() throws {
        let address = try MailAddress(name: " Zoë\nMüller ", address: " zoe.muller+shop@mail.example.fr ")
        #expect(address.address == "zoe.muller+shop@mail.example.fr")
        #expect(address.name == "Zoë Müller")
        #expect(address.description == "Zoë Müller <zoe.muller+shop@mail.example.fr>")
        #expect(throws: MailAddressError.notOneAtSign("zoe.example.fr")) { try MailAddress(name: "", address: "zoe.example.fr") }
        #expect(throws: MailAddressError.notOneAtSign("a@b@c.fr")) { try MailAddress(name: "", address: "a@b@c.fr") }
        #expect(throws: MailAddressError.invalidLocalPart("zoe..m@example.fr")) { try MailAddress(name: "", address: "zoe..m@example.fr") }
        #expect(throws: MailAddressError.invalidLocalPart(".zoe@example.fr")) { try MailAddress(name: "", address: ".zoe@example.fr") }
        #expect(throws: MailAddressError.invalidLocalPart("zo e@example.fr")) { try MailAddress(name: "", address: "zo e@example.fr") }
        #expect(throws: MailAddressError.invalidDomain("zoe@localhost")) { try MailAddress(name: "", address: "zoe@localhost") }
        #expect(throws: MailAddressError.invalidDomain("zoe@-bad.fr")) { try MailAddress(name: "", address: "zoe@-bad.fr") }
        #expect(throws: MailAddressError.invalidDomain("zoe@example..fr")) { try MailAddress(name: "", address: "zoe@example..fr") }
        #expect(throws: MailAddressError.notASCII("zoë@example.fr")) { try MailAddress(name: "", address: "zoë@example.fr") }
        let long = String(repeating: "a", count: 60) + "@" + String(repeating: "b", count: 60) + "." + String(repeating: "c", count: 140)
        #expect(throws: MailAddressError.tooLong(long)) { try MailAddress(name: "", address: long) }
        #expect(MailAddressError.invalidDomain("zoe@localhost").description.contains("example.fr"))
    }

    @Test("extra headers: names checked, reserved names refused, line breaks neutralised")
    func extraHeaders() throws {
        let header = try MessageHeader(name: "X-Note", value: "one\r\nBcc: victim@example.fr")
        #expect(header.value == "one  Bcc: victim@example.fr")
        #expect(throws: MessageHeaderError.invalidName("X Note")) { try MessageHeader(name: "X Note", value: "v") }
        #expect(throws: MessageHeaderError.invalidName("")) { try MessageHeader(name: "", value: "v") }
        #expect(throws: MessageHeaderError.invalidName("X:Y")) { try MessageHeader(name: "X:Y", value: "v") }
        #expect(throws: MessageHeaderError.reservedName("subject")) { try MessageHeader(name: "subject", value: "v") }
        #expect(MessageHeader.kind(.threeDSecureCode) == (try MessageHeader(name: "X-Comptoir-Kind", value: "3ds-code")))
    }

    @Test("a rendered message: CRLF everywhere, headers at most 78 columns, MIME headers present")
    func renderedMessages() {
        for message in MailFixtures.all {
            let bytes = message.rendered()
            #expect(bytes.allSatisfy { $0 < 0x80 }, "rendered messages are pure ASCII")
            for (index, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "\n") { #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r")) }
                if byte == UInt8(ascii: "\r") { #expect(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")) }
            }
            let text = message.renderedText
            let blank = text.firstRange(of: "\r\n\r\n")!
            let headerLines = MailFixtures.crlfLines(text[..<blank.lowerBound])
            let bodyLines = MailFixtures.crlfLines(text[blank.upperBound...])
            #expect(headerLines.allSatisfy { $0.count <= 78 }, "\(headerLines.filter { $0.count > 78 })")
            #expect(headerLines.contains("MIME-Version: 1.0"))
            #expect(headerLines.contains("Content-Type: text/plain; charset=utf-8"))
            #expect(headerLines.contains("Content-Transfer-Encoding: quoted-printable"))
            #expect(headerLines.contains("Message-ID: \(message.messageID)"))
            #expect(headerLines.contains("Date: \(RFC5322Date.format(message.date, in: MessageTime.zone))"))
            #expect(bodyLines.allSatisfy { $0.count <= 76 })
        }
    }

    @Test("message ids are stamped with the date and the sequence, and bodies end with a newline")
    func messageFields() {
        let id = MessageID(date: MailFixtures.date, sequence: 42, domain: "shop example.fr")
        #expect(id.description == "<20261123T183800Z.42@shopexample.fr>")
        let message = MailFixtures.message(1, subject: "Sujet\nsur deux lignes", body: "a\r\nb")
        #expect(message.subject == "Sujet sur deux lignes")
        #expect(message.body == "a\nb\n")
        #expect(message.kind == .orderConfirmation)
        #expect(message.orderNumber == "C-2026-000121")
    }
}
