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
    /// references, then writes the mail it caused to `DATA/mail`, still holding the lock so that no
    /// other process delivers the same mail. Throws `StoreError` (a refusal is `.rejected(.commerce(...))`)
    /// or, once the events are safe, `MaildirError`.
    @discardableResult
    public func trade(_ command: CommerceCommand) throws -> [ShopEvent] {
        var generator = SystemRandomNumberGenerator()
        let entropy: UInt64 = generator.next()
        let decide = { (state: ShopState) in ShopCommand.commerce(command, at: Self.shopTime(of: state), entropy: entropy) }
        try checkWritable()
        if heldLock == nil {
            try catchUp(holdingLock: false)
            // Refused, or nothing to do and no mail waiting: no lock needed.
            do {
                if try state.decide(decide(state)).isEmpty, state.commerce.outbox.isEmpty { return [] }
            } catch {
                throw StoreError.rejected(error)
            }
        }
        return try withCommitLock {
            let events = try execute(deciding: decide)
            if !state.commerce.outbox.isEmpty {
                try deliverMail(to: Maildir(dataFolder: folder.path))
            }
            return events
        }
    }
}
