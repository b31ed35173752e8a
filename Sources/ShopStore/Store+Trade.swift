import Foundation
import ShopCore

extension Store {
    /// Shop time now: the wall clock plus the offset `CommerceCommand.advanceClock` keeps in the state,
    /// so every process on the data folder shares one shop time.
    public var shopTime: ShopInstant {
        state.commerce.shopTime(wallClock: ShopInstant(secondsSince1970: Int64(Date().timeIntervalSince1970)))
    }

    /// Decides and journals a trade command at shop time now, with fresh randomness for tokens,
    /// codes and references, then writes the mail it caused to `DATA/mail`. Throws `StoreError`
    /// (a refusal is `.rejected(.commerce(...))`) or, once the events are safe, `MaildirError`.
    @discardableResult
    public func trade(_ command: CommerceCommand) throws -> [ShopEvent] {
        var generator = SystemRandomNumberGenerator()
        let events = try execute(.commerce(command, at: shopTime, entropy: generator.next()))
        if !state.commerce.outbox.isEmpty {
            try deliverMail(to: Maildir(dataFolder: folder.path))
        }
        return events
    }
}
