/// A shop's events kept somewhere other than the data folder's journal (PostgreSQL, in `ShopPostgres`),
/// under the same `Store`: the store keeps the state in memory, decides each command on it, and asks
/// the log to append the records of one commit at the sequence it decided on. Another writer that got
/// there first makes the append fail with `.conflict`; the store then catches up and decides again,
/// so the last unit of a product is sold once across machines.
///
/// Records are the journal's own bytes (`JournalFormat`: length, sequence, payload CRC-32C, header
/// CRC-32C, payload), so a record is checked the same way wherever it was kept. Snapshots are whole
/// snapshot files (`SnapshotFile`). Every method blocks until it is done, and every failure to reach
/// the log is `StoreError.unreachable`, naming the log without any password.
public protocol EventLog: AnyObject {
    /// Names the log in messages: never holds a password.
    var name: String { get }

    /// The newest snapshot kept, if any.
    func latestSnapshot() throws(StoreError) -> LoggedSnapshot?

    /// The records after `sequence`, in order (at most `limit` of them).
    func records(after sequence: UInt64, limit: Int) throws(StoreError) -> [LoggedRecord]

    /// Appends `records` (consecutive, the first right after `expected`) in one transaction, durable
    /// when it returns `.appended`; `.conflict` when another writer already appended after `expected`.
    func append(_ records: [LoggedRecord], after expected: UInt64) throws(StoreError) -> AppendOutcome

    /// Runs `body` holding the log's writer lock: no other writer appends until it returns, and the
    /// records `body` appends are durable together when it returns (none of them when it throws).
    /// A store catches up, decides and appends inside it, so it decides on the up-to-date state and
    /// the append at the sequence it decided on does not race other writers.
    func exclusively<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T

    /// Keeps a snapshot covering `sequence` (one already kept for that sequence stays).
    func saveSnapshot(_ bytes: [UInt8], sequence: UInt64) throws(StoreError)

    /// Whether another writer may have appended since the last call: a notification came, the log
    /// cannot tell (it is not listening), or it has not looked for a while. Costs no round trip.
    func mayHaveNews() -> Bool

    /// Waits at most `seconds` for a notification of another writer's commit; true when one came.
    func waitForNews(seconds: Double) -> Bool

    /// Claims the message named `key` for delivery, keeping its bytes: true for exactly one caller
    /// across every process on the log, whoever asks first.
    func claimMessage(key: String, bytes: [UInt8]) throws(StoreError) -> Bool

    /// The messages claimed after `position` (0 for all), oldest first, with their positions.
    func messages(after position: Int64) throws(StoreError) -> [LoggedMessage]

    /// Lets go of connections and threads. Further calls fail.
    func close()
}

/// One journal record (header and payload) as a log keeps it.
public struct LoggedRecord: Equatable, Sendable {
    public var sequence: UInt64
    public var bytes: [UInt8]

    public init(sequence: UInt64, bytes: [UInt8]) {
        self.sequence = sequence
        self.bytes = bytes
    }
}

/// A whole snapshot file as a log keeps it, and the sequence it covers.
public struct LoggedSnapshot: Equatable, Sendable {
    public var sequence: UInt64
    public var bytes: [UInt8]

    public init(sequence: UInt64, bytes: [UInt8]) {
        self.sequence = sequence
        self.bytes = bytes
    }
}

/// A message claimed for delivery: its name in a Maildir and its bytes.
public struct LoggedMessage: Equatable, Sendable {
    public var position: Int64
    public var key: String
    public var bytes: [UInt8]

    public init(position: Int64, key: String, bytes: [UInt8]) {
        self.position = position
        self.key = key
        self.bytes = bytes
    }
}

public enum AppendOutcome: Equatable, Sendable {
    case appended
    /// Another writer appended after the expected sequence first: catch up and decide again.
    case conflict
}

extension EventLog {
    /// Whether the log holds any record or snapshot.
    public func hasData() throws(StoreError) -> Bool {
        if try latestSnapshot() != nil { return true }
        return try !records(after: 0, limit: 1).isEmpty
    }
}
