import ShopCore
import ShopStore

/// The shop as the worker last published it, for every session on it to show: the state, the
/// mailbox, the store's warnings and the last problem following the store ran into. Each session
/// compares its `version` with the one it showed and sends `update` what changed (`.shopChanged`,
/// `.mailboxChanged`, a notice), so a commit by one session reaches all the others.
public struct ShopSnapshot: Sendable {
    /// Where a snapshot stands, to tell what changed since a session last showed one.
    public struct Version: Hashable, Sendable {
        /// The journal's sequence and the catalogue's version of `state`.
        public var sequence: UInt64
        public var catalogueVersion: Int
        /// Bumped each time the mailbox read differs from the last one.
        public var mailboxVersion: Int
        /// Bumped each time a new problem is met, and when following works again after one that says so.
        public var problemVersion: Int
        /// How many warnings the store gave (a torn record cut while following).
        public var warningCount: Int
    }

    public internal(set) var state: ShopState
    /// The shop's mailbox (`DATA/mail`), oldest first, all accounts'.
    public internal(set) var mailbox: [MailboxEntry]
    /// The store's warnings, oldest first.
    public internal(set) var warnings: [String]
    /// The last problem following the store or catching up ran into, until one succeeds again.
    var problem: FollowingProblem?
    /// The problem the last successful follow ended (sessions say "reconnected" once).
    var recovered: FollowingProblem?
    public internal(set) var version: Version

    init(store: Store, mailbox: [MailboxEntry]) {
        state = store.state
        self.mailbox = mailbox
        warnings = store.warnings
        version = Version(
            sequence: store.sequence, catalogueVersion: store.catalogueVersion, mailboxVersion: 0, problemVersion: 0,
            warningCount: store.warnings.count)
    }
}

/// What the worker finished for one request of one session: the messages for `update`, and where
/// the store stood after it (a success's state is that one).
struct ShopWorkResult: Sendable {
    let requester: Int
    let request: Int
    let messages: [Message]
    let sequence: UInt64
    let catalogueVersion: Int
}
