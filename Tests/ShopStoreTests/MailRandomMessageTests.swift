import Foundation
import ShopCore
import Testing
@testable import ShopStore

/// Seeded random messages built from awkward pieces of text: every one must survive rendering,
/// our own reader, and Python's parser.
@Suite("Mail random messages")
struct MailRandomMessageTests {
    static let pieces = [
        "a", "Z", "commande", " ", "  ", "\t", "é", "Ü", "ß", "€", "😀", "👨‍👩‍👧", "🇫🇷", "中文", "العربية",
        "=", "=?", "?=", "_", "\"", "'", ",", "<", ">", "@", ".", ":", ";", "(", ")", "\\", "%",
        String(repeating: "x", count: 90), String(repeating: "é", count: 50), "e\u{301}", "\u{200B}",
    ]

    static func text(_ generator: inout SplitMix64, maxPieces: Int, lineBreaks: Bool) -> String {
        let count = Int(generator.next() % UInt64(maxPieces + 1))
        var result = ""
        for _ in 0..<count {
            if lineBreaks && generator.next() % 6 == 0 {
                result += ["\n", "\r\n", "\n\n", " \n"][Int(generator.next() % 4)]
            } else {
                result += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
        }
        return result
    }

    /// A name of up to 5 words of 1 or 2 short pieces: no word needs more than one encoded word.
    static func realisticName(_ generator: inout SplitMix64) -> String {
        let shortPieces = pieces.filter { $0.utf8.count <= 18 && !$0.contains(" ") && !$0.contains("\t") }
        let wordCount = Int(generator.next() % 6)
        return (0..<wordCount).map { _ in
            (0...(generator.next() % 2)).map { _ in shortPieces[Int(generator.next() % UInt64(shortPieces.count))] }.joined()
        }.joined(separator: " ")
    }

    /// Random messages; with `realisticNames`, names are made by `realisticName`, else they are
    /// any mix of pieces (very long unbroken words included).
    static func messages(count: Int, seed: UInt64, realisticNames: Bool = false) -> [ShopMessage] {
        var generator = SplitMix64(seed: seed)
        let date = CalendarDay(year: 2026, month: 11, day: 23).at(hour: 8)
        return (0..<count).map { index in
            let name = realisticNames ? realisticName(&generator) : text(&generator, maxPieces: 8, lineBreaks: false)
            let to = try! MailAddress(name: name, address: "client\(index)@example.fr")
            let when = date.adding(minutes: index * 7)
            return ShopMessage(
                from: MailFixtures.shop, to: to, subject: text(&generator, maxPieces: 14, lineBreaks: false),
                date: when, body: text(&generator, maxPieces: 60, lineBreaks: true),
                messageID: MessageID(date: when, sequence: index),
                headers: [.kind(MessageKind.allCases[index % MessageKind.allCases.count]), .order("C-2026-\(index)")]
            )
        }
    }

    @Test("rendered random messages keep the line limits and read back identically")
    func renderAndReadBack() {
        for (index, message) in Self.messages(count: 400, seed: 2_026).enumerated() {
            let text = message.renderedText
            let blank = text.firstRange(of: "\r\n\r\n")!
            #expect(MailFixtures.crlfLines(text[..<blank.lowerBound]).allSatisfy { $0.count <= 78 })
            #expect(MailFixtures.crlfLines(text[blank.upperBound...]).allSatisfy { $0.count <= 76 })
            let entry = MailParser.entry(key: "k\(index)", flags: "", bytes: message.rendered())
            #expect(entry.subject == message.subject)
            #expect(entry.body == message.body)
            #expect(entry.to == message.to.description)
            #expect(entry.date == message.date)
        }
    }

    @Test("Python reads 150 random messages without defects and with the same text")
    func pythonReadsRandomMessages() throws {
        let folder = MaildirTests.temporaryFolder()
        defer { MaildirTests.cleanUp(folder) }
        let maildir = try Maildir(dataFolder: folder)
        // Python joins the encoded words of one over-long unbroken word with a space (RFC 2047
        // says not to), so names here keep their words short enough for one encoded word.
        let messages = Self.messages(count: 150, seed: 77, realisticNames: true)
        for message in messages { try maildir.deliver(message) }
        let expected: [[String: String]] = messages.map { message in
            [
                "id": message.messageID.description, "subject": message.subject, "body": message.body,
                "from_name": message.from.name, "from_address": message.from.address,
                "to_name": message.to.name, "to_address": message.to.address,
                "kind": message.kind?.rawValue ?? "", "order": message.orderNumber ?? "",
                "date": message.date.iso8601,
            ]
        }
        let (status, report) = try MaildirTests.runPythonCheck(folder: folder, expected: expected)
        #expect(status == 0, "\(report)")
        #expect(report.contains("checked 150 messages"), "\(report)")
    }
}
