import Foundation
import ShopCore

extension Store {
    /// Shop time now: the wall clock plus the offset `CommerceCommand.advanceClock` keeps in the state,
    /// so every process on the data folder shares one shop time.
    public var shopTime: ShopInstant { Self.shopTime(of: state) }

    static func shopTime(of state: ShopState) -> ShopInstant {
        state.commerce.shopTime(wallClock: ShopInstant(secondsSince1970: Int64(Date().timeIntervalSince1970)))
    }

    /// Decides and journals a trade command at shop time now (read on the state the command is decided
    /// on, so a clock another process moved counts), with fresh randomness for tokens, codes and
    /// references; once its events are durable, writes the mail the outbox holds to `DATA/mail`, holding
    /// the lock so that no other process delivers the same mail. Throws `StoreError` (a refusal is
    /// `.rejected(.commerce(...))`) or, once the events are safe, `MaildirError`.
    @discardableResult
    public func trade(_ command: CommerceCommand) throws -> [ShopEvent] {
        var generator = SystemRandomNumberGenerator()
        let entropy: UInt64 = generator.next()
        let events = try execute { state in .commerce(command, at: Self.shopTime(of: state), entropy: entropy) }
        if !state.commerce.outbox.isEmpty {
            try withCommitLock {
                if !state.commerce.outbox.isEmpty { try deliverMail(to: Maildir(dataFolder: folder.path)) }
            }
        }
        return events
    }
}
