import ShopCore
import ShopStore

/// The messages the shop sent, in the Maildir under the data folder: whose they are (exact
/// address), the 3-D Secure code of an order, read marks. Needs no open store, so read-only
/// commands use it too.
public struct ShopMailbox: Sendable {
    public let dataFolder: String

    public init(dataFolder: String) {
        self.dataFolder = dataFolder
    }

    private func maildir() throws(MaildirError) -> Maildir {
        try Maildir(dataFolder: dataFolder)
    }

    /// The messages the shop sent to exactly `account`'s address, oldest first (never those of an
    /// address that merely contains it).
    public func messages(of account: Account) throws(ServiceError) -> [MailboxEntry] {
        do throws(MaildirError) {
            return try maildir().messages(addressedTo: account.email.value)
        } catch {
            throw .mailbox(error.description)
        }
    }

    /// Every message, oldest first: the terminal shop keeps them and shows the logged-in
    /// customer's (`MailboxEntry.isAddressed(to:)`).
    public func allMessages() throws(ServiceError) -> [MailboxEntry] {
        do throws(MaildirError) {
            return try maildir().messages()
        } catch {
            throw .mailbox(error.description)
        }
    }

    public func markRead(_ key: String) throws(ServiceError) {
        do throws(MaildirError) {
            try maildir().markRead(key)
        } catch {
            throw .mailbox(error.description)
        }
    }

    /// The one-time code the bank sent `account` for the order's 3-D Secure payment: the newest
    /// such message addressed to exactly that account (about the order, or the newest of all when
    /// `orderNumber` is nil). What a customer reads on their phone; the demo and the tests read it here.
    public func threeDSecureCode(orderNumber: String?, for account: Account) throws(ServiceError) -> String? {
        Self.threeDSecureCode(in: try messages(of: account), orderNumber: orderNumber)
    }

    /// The newest 3-D Secure code among `messages` (oldest first), about `orderNumber` when given.
    public static func threeDSecureCode(in messages: [MailboxEntry], orderNumber: String?) -> String? {
        let message = messages.last { entry in
            entry.kind == MessageKind.threeDSecureCode.rawValue && (orderNumber == nil || entry.orderNumber == orderNumber)
        }
        return message.flatMap { code(in: $0.body) }
    }

    /// The six digits after "code: " in a 3-D Secure message's body.
    public static func code(in body: String) -> String? {
        guard let range = body.range(of: "code: ") else { return nil }
        let digits = body[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return digits.count == 6 ? String(digits) : nil
    }
}

extension ShopService {
    /// The Maildir of the service's data folder.
    public var mailbox: ShopMailbox { ShopMailbox(dataFolder: store.folder.path) }
}
