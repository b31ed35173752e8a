import Foundation
import ShopCore
import Testing
@testable import ShopStore

@Suite("Maildir")
struct MaildirTests {
    /// A fresh data folder under the system's temporary folder, removed by `cleanUp`.
    static func temporaryFolder() -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("comptoir-mail-\(UUID().uuidString)").path
        return folder
    }

    static func cleanUp(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("messages round-trip through the Maildir with their text intact")
    func roundTrip() throws {
        let folder = Self.temporaryFolder()
        defer { Self.cleanUp(folder) }
        let maildir = try Maildir(dataFolder: folder)
        let messages = MailFixtures.all
        var keys: [String] = []
        for message in messages { keys.append(try maildir.deliver(message)) }
        #expect(Set(keys).count == messages.count)

        let entries = try maildir.messages()
        #expect(entries.map(\.key) == keys, "listed oldest first")
        for (message, entry) in zip(messages, entries) {
            #expect(entry.subject == message.subject)
            #expect(entry.body == message.body)
            #expect(entry.date == message.date)
            #expect(entry.from == "Comptoir <boutique@comptoir.example>")
            #expect(entry.to == message.to.description)
            #expect(entry.kind == message.kind?.rawValue)
            #expect(entry.orderNumber == message.orderNumber)
            #expect(entry.messageID == message.messageID.value)
            #expect(!entry.isRead && entry.flags.isEmpty)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(folder)/mail/tmp").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(folder)/mail/new").sorted() == keys.sorted())
    }

    @Test("folders are 0700 and messages 0600")
    func permissions() throws {
        let folder = Self.temporaryFolder()
        defer { Self.cleanUp(folder) }
        let maildir = try Maildir(dataFolder: folder)
        let key = try maildir.deliver(MailFixtures.all[0])
        for sub in ["", "/tmp", "/new", "/cur"] {
            #expect(try Self.mode("\(folder)/mail\(sub)") == 0o700)
        }
        #expect(try Self.mode("\(folder)/mail/new/\(key)") == 0o600)
        try maildir.markRead(key)
        #expect(try Self.mode("\(folder)/mail/cur/\(key):2,S") == 0o600)
    }

    @Test("the stored file is exactly the rendered message, and names follow time.MusecPpidQn.host")
    func storedBytes() throws {
        let folder = Self.temporaryFolder()
        defer { Self.cleanUp(folder) }
        let maildir = try Maildir(path: "\(folder)/deep/er/mail")
        let message = MailFixtures.all[2]
        let key = try maildir.deliver(message)
        let stored = try #require(FileManager.default.contents(atPath: "\(folder)/deep/er/mail/new/\(key)"))
        #expect(Array(stored) == message.rendered())
        let parts = key.split(separator: ".", maxSplits: 2)
        #expect(parts.count == 3 && Int(parts[0]) != nil)
        #expect(parts[1].hasPrefix("M") && parts[1].contains("P\(ProcessInfo.processInfo.processIdentifier)Q"))
        #expect(!key.contains("/") && !key.contains(":"))
    }

    @Test("marking read moves the message to cur/ with the S flag, once")
    func markRead() throws {
        let folder = Self.temporaryFolder()
        defer { Self.cleanUp(folder) }
        let maildir = try Maildir(dataFolder: folder)
        let first = try maildir.deliver(MailFixtures.all[0])
        let second = try maildir.deliver(MailFixtures.all[1])
        try maildir.markRead(first)
        #expect(FileManager.default.fileExists(atPath: "\(folder)/mail/cur/\(first):2,S"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/mail/new/\(first)"))
        try maildir.markRead(first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(folder)/mail/cur") == ["\(first):2,S"])

        #expect(try maildir.message(first).isRead)
        #expect(try maildir.message(second).subject == MailFixtures.all[1].subject)
        #expect(throws: MaildirError.noSuchMessage(key: "missing")) { try maildir.message("missing") }

        let entries = try maildir.messages()
        #expect(entries.map(\.key) == [first, second])
        #expect(entries.map(\.isRead) == [true, false])
        #expect(entries[0].subject == MailFixtures.all[0].subject)

        // A flag another mail client set (R, replied) is kept and S is added in order.
        try FileManager.default.moveItem(atPath: "\(folder)/mail/new/\(second)", toPath: "\(folder)/mail/cur/\(second):2,R")
        #expect(try maildir.messages().map(\.isRead) == [true, false])
        try maildir.markRead(second)
        #expect(FileManager.default.fileExists(atPath: "\(folder)/mail/cur/\(second):2,RS"))
        #expect(try maildir.messages().map(\.flags) == ["S", "RS"])
    }

    @Test("refusals: unknown message, a file where the mail folder should be")
    func refusals() throws {
        let folder = Self.temporaryFolder()
        defer { Self.cleanUp(folder) }
        let maildir = try Maildir(dataFolder: folder)
        #expect(throws: MaildirError.noSuchMessage(key: "nope")) { try maildir.markRead("nope") }
        #expect(MaildirError.noSuchMessage(key: "nope").description
                == "no message 'nope' in the mailbox: list the messages to see their keys")
        _ = FileManager.default.createFile(atPath: "\(folder)/notes", contents: Data("x".utf8))
        #expect(throws: MaildirError.notAFolder(path: "\(folder)/notes")) { try Maildir(path: "\(folder)/notes") }
        #expect(throws: MaildirError.notAFolder(path: "\(folder)/notes")) { try Maildir(path: "\(folder)/notes/mail") }
    }

    @Test("a message written by another program is read leniently")
    func foreignMessage() throws {
        let folder = Self.temporaryFolder()
        defer { Self.cleanUp(folder) }
        let maildir = try Maildir(dataFolder: folder)
        let raw = "Subject: =?ISO-8859-1?Q?R=E9ponse?=\n  suite\nFrom: Support <s@x.fr>\nDate: nonsense\n\nLigne 1\r\nLigne 2"
        let key = try maildir.deliver(bytes: Array(raw.utf8))
        let entry = try #require(try maildir.messages().first)
        #expect(entry.key == key)
        #expect(entry.subject == "Réponse  suite")
        #expect(entry.date == nil)
        #expect(entry.kind == nil && entry.orderNumber == nil && entry.messageID == nil)
        #expect(entry.body == "Ligne 1\nLigne 2\n")
    }

    @Test("Python's mailbox.Maildir and email parser read every message without defects")
    func pythonReadsEveryMessage() throws {
        let folder = Self.temporaryFolder()
        defer { Self.cleanUp(folder) }
        let maildir = try Maildir(dataFolder: folder)
        let messages = MailFixtures.all
        for message in messages { try maildir.deliver(message) }
        try maildir.markRead(try maildir.messages()[0].key)

        let expected: [[String: String]] = messages.enumerated().map { index, message in
            [
                "flags": index == 0 ? "S" : "",
                "id": message.messageID.description, "subject": message.subject, "body": message.body,
                "from_name": message.from.name, "from_address": message.from.address,
                "to_name": message.to.name, "to_address": message.to.address,
                "kind": message.kind?.rawValue ?? "", "order": message.orderNumber ?? "",
                "date": message.date.iso8601,
            ]
        }
        let (status, report) = try Self.runPythonCheck(folder: folder, expected: expected)
        #expect(status == 0, "\(report)")
        #expect(report.contains("checked \(messages.count) messages"), "\(report)")
    }

    @Test("the Python check is not vacuous: it reports a message with raw 8-bit header bytes")
    func pythonCheckFindsDefects() throws {
        let folder = Self.temporaryFolder()
        defer { Self.cleanUp(folder) }
        let maildir = try Maildir(dataFolder: folder)
        let raw = "From: Zoë <zoe@example.fr>\r\nTo: a@example.fr\r\nSubject: x\r\nMessage-ID: <bad@example.fr>\r\n"
            + "Date: Mon, 23 Nov 2026 18:38:00 +0000\r\n\r\nbody\r\n"
        try maildir.deliver(bytes: Array(raw.utf8))
        let expected: [[String: String]] = [[
            "id": "<bad@example.fr>", "subject": "x", "body": "body\n", "from_name": "Zoë",
            "from_address": "zoe@example.fr", "to_name": "", "to_address": "a@example.fr", "kind": "",
            "order": "", "date": "2026-11-23T18:38:00Z",
        ]]
        let (status, report) = try Self.runPythonCheck(folder: folder, expected: expected)
        #expect(status == 1)
        #expect(report.contains("UndecodableBytesDefect"), "\(report)")
    }

    /// Runs `pythonCheck` over `folder/mail` and returns its exit status and output.
    static func runPythonCheck(folder: String, expected: [[String: String]]) throws -> (Int32, String) {
        let expectedPath = "\(folder)/expected.json"
        let scriptPath = "\(folder)/check.py"
        try JSONSerialization.data(withJSONObject: expected).write(to: URL(fileURLWithPath: expectedPath))
        try Data(pythonCheck.utf8).write(to: URL(fileURLWithPath: scriptPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptPath, "\(folder)/mail", expectedPath]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, report)
    }

    /// Reads the Maildir with the standard library only and compares with the expected texts.
    static let pythonCheck = #"""
    import datetime, email, email.policy, json, mailbox, sys

    maildir_path, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path, encoding="utf-8") as handle:
        expected = {item["id"]: item for item in json.load(handle)}
    problems = []
    box = mailbox.Maildir(maildir_path, factory=None, create=False)
    seen = set()
    for key in box.keys():
        raw = box.get_bytes(key)
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        defects = list(msg.defects)
        for name, value in msg.items():
            defects += [f"{name}: {d!r}" for d in getattr(value, "defects", [])]
        if defects:
            problems.append(f"{key}: defects {defects}")
        message_id = str(msg["Message-ID"])
        want = expected.get(message_id)
        if want is None:
            problems.append(f"{key}: unexpected Message-ID {message_id}")
            continue
        seen.add(message_id)
        def check(what, got, wanted):
            if got != wanted:
                problems.append(f"{key}: {what} is {got!r}, expected {wanted!r}")
        check("subject", str(msg["Subject"]), want["subject"])
        # The wire has CRLF line ends and the parser keeps them; the text itself must be equal.
        check("body", msg.get_content().replace("\r\n", "\n"), want["body"])
        check("content type", msg.get_content_type(), "text/plain")
        check("charset", msg.get_content_charset(), "utf-8")
        sender = msg["From"].addresses[0]
        check("from name", sender.display_name, want["from_name"])
        check("from address", sender.addr_spec, want["from_address"])
        recipient = msg["To"].addresses[0]
        # Python joins the encoded words of a long name with an extra space; compare words.
        check("to name", " ".join(recipient.display_name.split()), " ".join(want["to_name"].split()))
        check("to address", recipient.addr_spec, want["to_address"])
        check("kind", str(msg.get("X-Comptoir-Kind", "")), want["kind"])
        check("order", str(msg.get("X-Comptoir-Order", "")), want["order"])
        date = msg["Date"].datetime.astimezone(datetime.timezone.utc)
        check("date", date.strftime("%Y-%m-%dT%H:%M:%SZ"), want["date"])
        check("flags", box.get_message(key).get_flags(), want.get("flags", ""))
        for line in raw.split(b"\r\n"):
            if b"\n" in line or b"\r" in line:
                problems.append(f"{key}: bare line break in {line!r}")
    for missing in set(expected) - seen:
        problems.append(f"message {missing} not found by mailbox.Maildir")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"checked {len(seen)} messages")
    """#
}
