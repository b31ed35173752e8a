import ShopCore

extension Store {
    /// Shop time at `wallClock`: the wall clock plus the offset `CommerceCommand.advanceClock` keeps
    /// in the state, so every process on the data folder shares one shop time. The wall clock comes
    /// from the caller (ShopService's `ShopClock`): the store reads no clock of its own.
    public func shopTime(wallClock: ShopInstant) -> ShopInstant {
        state.shopTime(wallClock: wallClock)
    }

    /// Decides and journals a trade command at the shop time of `wallClock` (read on the state the
    /// command is decided on, so a clock another process moved counts), with `entropy` for tokens,
    /// codes and references; once its events are durable, writes the mail the outbox holds to
    /// `DATA/mail`, holding the lock so that no other process delivers the same mail. Throws
    /// `StoreError` (a refusal is `.rejected(.commerce(...))`) or, once the events are safe, `MaildirError`.
    @discardableResult
    public func trade(_ command: CommerceCommand, wallClock: ShopInstant, entropy: UInt64) throws -> [ShopEvent] {
        let events = try execute { state in
            .commerce(command, at: state.shopTime(wallClock: wallClock), entropy: entropy)
        }
        if !state.commerce.outbox.isEmpty {
            try withCommitLock {
                if !state.commerce.outbox.isEmpty { try deliverMail(to: Maildir(dataFolder: folder.path)) }
            }
        }
        return events
    }
}
