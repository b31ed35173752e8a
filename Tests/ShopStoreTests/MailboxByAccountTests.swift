import Foundation
import ShopCore
import Testing
@testable import ShopStore

/// The shop's messages by account, matched on the exact address, and delivery that looks up one
/// name instead of reading the mailbox.
@Suite("Mailbox by account")
struct MailboxByAccountTests {
    static func outgoing(_ sequence: Int, to address: String, subject: String) -> OutgoingMessage {
        OutgoingMessage(sequence: sequence, kind: .threeDSecureCode, toName: "Client", toAddress: address, subject: subject,
                        body: "Your code: 123456", date: ShopInstant.utc(year: 2026, month: 11, day: 30, hour: 9), orderNumber: nil)
    }

    @Test func anAccountSeesOnlyMailToItsExactAddress() throws {
        let folder = MaildirTests.temporaryFolder()
        defer { MaildirTests.cleanUp(folder) }
        let maildir = try Maildir(dataFolder: folder)
        #expect(try maildir.deliverOnce(Self.outgoing(1, to: "zoe@example.fr", subject: "Zoë's code")))
        #expect(try maildir.deliverOnce(Self.outgoing(2, to: "oe@example.fr", subject: "Oé's code")))
        // A message the shop did not name (another client's delivery) is read and matched by its header.
        let foreign = try ShopMessage(from: MailAddress(name: "Comptoir", address: "boutique@comptoir.example"),
                                      to: MailAddress(name: "Oé", address: "OE@example.fr"), subject: "Hand delivered",
                                      date: ShopInstant.utc(year: 2026, month: 11, day: 30, hour: 10), body: "Hello",
                                      messageID: MessageID(date: ShopInstant.utc(year: 2026, month: 11, day: 30, hour: 10), sequence: 99))
        try maildir.deliver(foreign)

        #expect(try maildir.messages(addressedTo: "oe@example.fr").map(\.subject) == ["Oé's code", "Hand delivered"])
        #expect(try maildir.messages(addressedTo: " OE@Example.fr ").count == 2)
        #expect(try maildir.messages(addressedTo: "zoe@example.fr").map(\.subject) == ["Zoë's code"])
        #expect(try maildir.messages(addressedTo: "e@example.fr").isEmpty)
        #expect(try maildir.messages().count == 3)
    }

    @Test func aMessageIsDeliveredOnceUnderItsOwnName() throws {
        let folder = MaildirTests.temporaryFolder()
        defer { MaildirTests.cleanUp(folder) }
        let maildir = try Maildir(dataFolder: folder)
        let message = Self.outgoing(7, to: "zoe@example.fr", subject: "Once")
        #expect(try maildir.deliverOnce(message))
        #expect(try !maildir.deliverOnce(message))
        let key = try #require(maildir.messages().first?.key)
        #expect(key == MaildirName.key(for: message))
        #expect(MaildirName.recipientDigest(inKey: key) == MaildirName.recipientDigest("ZOE@example.fr"))
        // Read by the customer, it moved to cur/: still there, still not written again.
        try maildir.markRead(key)
        #expect(try !maildir.deliverOnce(message))
        #expect(try maildir.messages().count == 1)
        // A different message (another sequence) is written.
        #expect(try maildir.deliverOnce(Self.outgoing(8, to: "zoe@example.fr", subject: "Twice")))
        #expect(try maildir.messages().count == 2)
    }

    @Test func deliveryDoesNotReadTheMailbox() throws {
        let folder = MaildirTests.temporaryFolder()
        defer { MaildirTests.cleanUp(folder) }
        let maildir = try Maildir(dataFolder: folder)
        // Something no reader can parse: listing the mailbox fails on it, delivering does not.
        try FileManager.default.createDirectory(atPath: "\(folder)/mail/new/not-a-message", withIntermediateDirectories: false)
        #expect(throws: MaildirError.self) { try maildir.messages() }
        #expect(try maildir.deliverOnce(Self.outgoing(1, to: "zoe@example.fr", subject: "Still delivered")))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/mail/new/\(MaildirName.key(for: Self.outgoing(1, to: "zoe@example.fr", subject: "")))"))
    }

    @Test func theMessagesOfOtherNamesAreNotTakenForTheShops() {
        #expect(MaildirName.recipientDigest(inKey: MaildirName.next()) == nil)
        #expect(MaildirName.recipientDigest(inKey: "1.S1Rshort.comptoir") == nil)
        #expect(MaildirName.recipientDigest("a@b.fr").count == 16)
        #expect(MaildirName.recipientDigest("a@b.fr") != MaildirName.recipientDigest("b@b.fr"))
    }
}
