import Foundation
import ShopCore
@testable import ShopStore
import Testing

/// The account notices and the payment confirmation go through the journal (their kinds read
/// back after a reopening, before delivery) and land in the Maildir with their kind header,
/// with no secret in any file of the mailbox.
@Suite("Notices in the store and the Maildir")
struct NoticeMailStoreTests {
    static let now = ShopInstant.utc(year: 2026, month: 12, day: 5, hour: 9)
    static let password = "Tilleul-et-verveine-42"
    static let cardNumber = "4000002760003184"

    private func trade(_ store: Store, _ command: CommerceCommand, minutes: Int = 0) throws {
        try store.execute(.commerce(command, at: Self.now.adding(minutes: minutes), entropy: UInt64(10 + minutes)))
    }

    @Test func noticesSurviveTheJournalAndLandInTheMaildirOnce() throws {
        let temporary = TemporaryFolder()
        let folder = temporary.dataFolder()
        let book = Product(sku: "BOOK", title: "Le Jardin", brand: "Phare", category: "Books",
                           price: Money(minorUnits: 21_00, currency: .eur), vatClass: .reduced, stockOnHand: 5)
        var store: Store? = try Store.open(folder, access: .readWrite) { [book] }
        let registration = try AccountRegistration(
            name: "Zoë Martin", email: "zoe@example.fr", password: Self.password, line1: "12 rue des Lilas",
            postalCode: "75011", city: "Paris", countryCode: "FR")
        try trade(store!, .register(registration, passwordHash: PasswordHash(encoded: "test$old"), session: "local"))
        try trade(store!, .changePassword(newHash: PasswordHash(encoded: "test$new"), by: .local), minutes: 1)
        let key = PublicKeyEntry(type: "ssh-ed25519", blob: "AAAAC3NzaC1lZDI1NTE5AAAAIzoe", comment: "zoe@laptop",
                                 fingerprint: "SHA256:zoe")
        try trade(store!, .addAccountKey(key, by: .local), minutes: 2)
        try trade(store!, .removeAccountKey(fingerprint: "SHA256:zoe", by: .local), minutes: 3)
        try store!.execute(.addToCart(sku: "BOOK", quantity: 1, by: .local))
        let card = PaymentRequest.card(CardEntry(try CardDetails(number: Self.cardNumber, expiry: "12/30", securityCode: "123",
                                                                 now: Self.now)))
        try trade(store!, .placeOrder(CheckoutRequest(acceptsTerms: true, payment: card), by: .local), minutes: 4)
        let number = try #require(store!.state.commerce.orderNumbers.last)
        guard case let .card(payment)? = store!.state.commerce.orders[number]?.currentPayment,
              let code = payment.challenge?.oneTimeCode else { Issue.record("no 3-D Secure challenge"); return }
        try trade(store!, .confirmCode(orderNumber: number, code: code, by: .local), minutes: 5)
        let expected: [MessageKind] = [.accountCreated, .passwordChanged, .accountKeyAdded, .accountKeyRemoved,
                                       .orderReceived, .threeDSecureCode, .orderConfirmation]
        #expect(store!.state.commerce.outbox.map(\.kind) == expected)
        let before = store!.state.commerce.outbox
        try store!.close()
        store = nil

        // Reopened from the journal, the outbox is the same, then goes to the Maildir once.
        let reopened = try Store.open(folder, access: .readWrite) { [] }
        #expect(reopened.state.commerce.outbox == before)
        let maildir = try Maildir(dataFolder: folder.path)
        #expect(try reopened.deliverMail(to: maildir) == expected.count)
        #expect(reopened.state.commerce.outbox.isEmpty)
        #expect(try reopened.deliverMail(to: maildir) == 0)
        let mails = try maildir.messages(addressedTo: "zoe@example.fr").sorted { $0.messageID ?? "" < $1.messageID ?? "" }
        #expect(Set(mails.compactMap(\.kind)) == Set(expected.map(\.rawValue)))
        #expect(mails.count == expected.count)
        let confirmation = try #require(mails.first { $0.kind == MessageKind.orderConfirmation.rawValue })
        #expect(confirmation.orderNumber == number)
        #expect(confirmation.subject == "Order \(number) paid and confirmed: your voucher")
        #expect(confirmation.body.contains("by card Visa •••• 3184."))
        let notice = try #require(mails.first { $0.kind == MessageKind.accountKeyRemoved.rawValue })
        #expect(notice.body.contains("SHA256:zoe (ssh-ed25519, \"zoe@laptop\")"))

        for mail in mails {
            #expect(!mail.body.contains(Self.cardNumber) && !mail.body.contains(Self.password) && !mail.body.contains("test$"))
        }
        // No secret in any file of the mailbox: not the card number, not the password, not a hash.
        for file in try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/mail") {
            let path = folder.path + "/mail/" + file
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            for secret in [Self.cardNumber, Self.password, "test$new", "test$old"] {
                #expect(!text.contains(secret), "\(file) holds \(secret)")
            }
        }
    }
}
