import ShopCore

extension Store {
    /// Writes every message the shop decided to send (the outbox in the state) to `maildir`, then
    /// journals that they were delivered. Idempotent: each message has a name of its own
    /// (`MaildirName.key(for:)`), and one already in the mailbox (a crash between writing it and
    /// journaling so) is not written again; the mailbox is not read. Returns how many messages were written.
    @discardableResult
    public func deliverMail(to maildir: Maildir) throws -> Int {
        if log != nil { return try deliverMailThroughLog(exportingTo: maildir) }
        let outbox = state.commerce.outbox
        guard let last = outbox.map(\.sequence).max() else { return 0 }
        var written = 0
        for message in outbox where try maildir.deliverOnce(message) {
            written += 1
        }
        try execute(.commerce(.markMessagesDelivered(upTo: last), at: ShopInstant(secondsSince1970: 0), entropy: 0))
        return written
    }

}
