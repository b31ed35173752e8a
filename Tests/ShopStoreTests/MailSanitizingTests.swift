import Foundation
import ShopCore
import Testing
@testable import ShopStore

/// Issue 16: a product title or a customer's text in a message carries no escape sequence, control
/// or bidirectional control into the message file, nor out of it once a mail reader decodes it.
@Suite("Mail carries no terminal escapes")
struct MailSanitizingTests {
    static let hostile = "Mug \u{1b}]0;pwned\u{07}blue\u{1b}[2J\u{202e}gnp.exe\u{9b}31m\u{0}"

    @Test func bodyAndHeadersAreCleanedBeforeEncoding() throws {
        let message = MailFixtures.message(
            7, subject: "Order: \(Self.hostile)\r\nBcc: eve@example.org",
            body: "1 × \(Self.hostile)\n\tqty\u{7}\r\nTotal \u{2066}€12\u{2069}\n")
        #expect(message.subject == "Order: Mug bluegnp.exe  Bcc: eve@example.org")
        #expect(message.body == "1 × Mug bluegnp.exe\n\tqty\nTotal €12\n")
        let rendered = message.rendered()
        #expect(!rendered.contains(0x1B) && !rendered.contains(0x07) && !rendered.contains(0x00))
        let text = String(decoding: rendered, as: UTF8.self)
        for encoded in ["=1B", "=07", "=00", "=E2=80=AE", "=C2=9B", "=E2=81=A6"] {
            #expect(!text.uppercased().contains(encoded), "carries \(encoded)")
        }
        let entry = MailParser.entry(key: "k", flags: "", bytes: rendered)
        for field in [entry.body, entry.subject] {
            #expect(!field.unicodeScalars.contains { !TextSanitizer.isSafe($0) && $0 != "\n" && $0 != "\t" }, "\(field)")
        }
        #expect(entry.body == message.body)
    }

    @Test func aHostileDisplayNameIsCleaned() throws {
        let address = try MailAddress(name: "Eve\u{1b}]52;c;cm0=\u{07} \u{202e}Admin", address: "eve@example.fr")
        #expect(address.name == "Eve Admin")
    }
}
