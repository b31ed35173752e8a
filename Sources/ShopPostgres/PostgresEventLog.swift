import Foundation
import PostgresNIO
import ShopStore

/// The shop's event log on PostgreSQL (see `PostgresSchema` for the tables). postgres-nio is
/// asynchronous: the log owns a one-thread event loop group and every call waits for its future on
/// the caller's thread (the store's, never an event loop). One connection runs the queries, and is
/// made again after a failure; a second one LISTENs, so that `mayHaveNews()` costs no round trip.
public final class PostgresEventLog: EventLog {
    public let url: PostgresStoreURL
    public var name: String { url.description }
    /// How long a connection attempt waits.
    public static let connectTimeoutSeconds: Int64 = 3
    /// With notifications flowing, a look at the log anyway after this long (a lost notification costs
    /// at most this much delay).
    static let quietLookSeconds = 5.0

    private let group: MultiThreadedEventLoopGroup
    private var connection: PostgresConnection?
    private var listener: PostgresConnection?
    private let news = NewsSignal()
    private var logger: Logger
    private var lastLook = Date.distantPast
    private var isClosed = false
    private let claimant: String
    private var nextConnectionID = 0
    /// The SQLSTATE of the last statement the server refused.
    private var lastServerState: String?
    /// Inside `exclusively`: appends join its transaction.
    private var holdsWriterLock = false

    private init(url: PostgresStoreURL) {
        self.url = url
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var logger = Logger(label: "comptoir.postgres")
        logger.logLevel = .critical
        self.logger = logger
        self.claimant = "\(ProcessInfo.processInfo.hostName):\(getpid())"
    }

    deinit { close() }

    /// Connects to the database and checks its schema: an empty database gets the current schema; one
    /// on an older version asks for `comptoir store migrate`, one on a newer version is refused.
    public static func open(_ url: PostgresStoreURL) throws(StoreError) -> PostgresEventLog {
        let log = PostgresEventLog(url: url)
        do throws(StoreError) {
            let version = try log.schemaVersion()
            if version > PostgresSchema.current {
                throw StoreError.newerSchema(store: log.name, version: version, readable: PostgresSchema.current)
            }
            if version == 0 {
                try log.migrate()
            } else if version < PostgresSchema.current {
                throw StoreError.unusable(folder: log.name, reason: "its schema is version \(version), this Comptoir needs \(PostgresSchema.current): run 'comptoir store migrate'")
            }
            return log
        } catch {
            log.close()
            throw error
        }
    }

    /// Connects without checking the schema (for `store migrate`).
    public static func connectForMigration(_ url: PostgresStoreURL) throws(StoreError) -> PostgresEventLog {
        let log = PostgresEventLog(url: url)
        do throws(StoreError) {
            _ = try log.connected()
        } catch {
            log.close()
            throw error
        }
        return log
    }

    // MARK: Schema

    /// The schema version applied (0 for a database Comptoir never used).
    public func schemaVersion() throws(StoreError) -> Int {
        let exists = try run("SELECT to_regclass('comptoir_schema') IS NOT NULL")
        guard let row = exists.first, try decode(row, as: Bool.self) else { return 0 }
        let rows = try run("SELECT coalesce(max(version), 0)::int8 FROM comptoir_schema")
        return try firstInteger(rows)
    }

    /// Brings the schema to the current version, one version at a time in one transaction, holding an
    /// advisory lock; refuses a newer schema. Returns the versions before and after.
    @discardableResult
    public func migrate() throws(StoreError) -> (from: Int, to: Int) {
        try transaction { () throws(StoreError) in
            _ = try run("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
            _ = try run(PostgresQuery(unsafeSQL: PostgresSchema.versionTable))
            let rows = try run("SELECT coalesce(max(version), 0)::int8 FROM comptoir_schema")
            let from = try firstInteger(rows)
            if from > PostgresSchema.current {
                throw .newerSchema(store: name, version: from, readable: PostgresSchema.current)
            }
            if from < PostgresSchema.current {
                for version in (from + 1)...PostgresSchema.current {
                    for statement in PostgresSchema.migration(to: version) {
                        _ = try run(PostgresQuery(unsafeSQL: statement))
                    }
                    _ = try run("INSERT INTO comptoir_schema (version) VALUES (\(Int64(version)))")
                }
            }
            return (from, PostgresSchema.current)
        }
    }

    // MARK: EventLog

    public func latestSnapshot() throws(StoreError) -> LoggedSnapshot? {
        let rows = try run("SELECT sequence, snapshot FROM comptoir_snapshots ORDER BY sequence DESC LIMIT 1")
        guard let row = rows.first else { return nil }
        let (sequence, bytes) = try decode(row, as: (Int64, ByteBuffer).self)
        return LoggedSnapshot(sequence: UInt64(sequence), bytes: Array(bytes.readableBytesView))
    }

    public func records(after sequence: UInt64, limit: Int) throws(StoreError) -> [LoggedRecord] {
        lastLook = Date()
        let rows = try run("SELECT sequence, record FROM comptoir_events WHERE sequence > \(Int64(sequence)) ORDER BY sequence LIMIT \(Int64(limit))")
        if !news.isListening { startListening() }
        var records: [LoggedRecord] = []
        records.reserveCapacity(rows.count)
        for row in rows {
            let (number, bytes) = try decode(row, as: (Int64, ByteBuffer).self)
            records.append(LoggedRecord(sequence: UInt64(number), bytes: Array(bytes.readableBytesView)))
        }
        return records
    }

    public func append(_ records: [LoggedRecord], after expected: UInt64) throws(StoreError) -> AppendOutcome {
        guard let first = records.first else { return .appended }
        precondition(first.sequence == expected + 1, "records are appended right after the expected sequence")
        lastServerState = nil
        do throws(StoreError) {
            if records.count == 1 || holdsWriterLock {
                for record in records { _ = try run(insert(record)) }
            } else {
                try transaction { () throws(StoreError) in
                    for record in records { _ = try run(insert(record)) }
                }
            }
            return .appended
        } catch {
            // A unique violation on the sequence: another writer appended there first.
            if lastServerState == "23505" { return .conflict }
            throw error
        }
    }

    public func exclusively<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        precondition(!holdsWriterLock, "exclusively is not reentrant")
        holdsWriterLock = true
        defer { holdsWriterLock = false }
        // The lock is released after the commit is visible, so the next holder's catch-up reads it.
        return try transaction { () throws(StoreError) in
            _ = try run("SELECT pg_advisory_xact_lock(\(PostgresSchema.writerLock))")
            return try body()
        }
    }

    private func insert(_ record: LoggedRecord) -> PostgresQuery {
        // The payload's CRC-32C, as the record's header holds it (bytes 12 to 15, little-endian).
        let checksum = record.bytes.count >= 16 ? record.bytes[12..<16].reversed().reduce(Int64(0)) { $0 << 8 | Int64($1) } : 0
        return "INSERT INTO comptoir_events (sequence, checksum, record) VALUES (\(Int64(record.sequence)), \(checksum), \(ByteBuffer(bytes: record.bytes)))"
    }

    public func saveSnapshot(_ bytes: [UInt8], sequence: UInt64) throws(StoreError) {
        _ = try run("INSERT INTO comptoir_snapshots (sequence, snapshot) VALUES (\(Int64(sequence)), \(ByteBuffer(bytes: bytes))) ON CONFLICT (sequence) DO NOTHING")
        _ = try run("DELETE FROM comptoir_snapshots WHERE sequence < (SELECT min(sequence) FROM (SELECT sequence FROM comptoir_snapshots ORDER BY sequence DESC LIMIT 2) AS newest)")
    }

    public func mayHaveNews() -> Bool {
        guard news.isListening else { return true }
        if news.take() { return true }
        return Date().timeIntervalSince(lastLook) > Self.quietLookSeconds
    }

    public func waitForNews(seconds: Double) -> Bool {
        if !news.isListening { startListening() }
        return news.wait(seconds: seconds)
    }

    public func claimMessage(key: String, bytes: [UInt8]) throws(StoreError) -> Bool {
        let rows = try run("INSERT INTO comptoir_mail (key, message, claimed_by) VALUES (\(key), \(ByteBuffer(bytes: bytes)), \(claimant)) ON CONFLICT (key) DO NOTHING RETURNING position")
        return !rows.isEmpty
    }

    public func messages(after position: Int64) throws(StoreError) -> [LoggedMessage] {
        let rows = try run("SELECT position, key, message FROM comptoir_mail WHERE position > \(position) ORDER BY position")
        var messages: [LoggedMessage] = []
        for row in rows {
            let (number, key, bytes) = try decode(row, as: (Int64, String, ByteBuffer).self)
            messages.append(LoggedMessage(position: number, key: key, bytes: Array(bytes.readableBytesView)))
        }
        return messages
    }

    public func close() {
        guard !isClosed else { return }
        isClosed = true
        for open in [connection, listener].compactMap({ $0 }) {
            let closing: EventLoopFuture<Void> = open.close()
            try? closing.wait()
        }
        connection = nil
        listener = nil
        try? group.syncShutdownGracefully()
    }

    /// Every record, for `store verify` and `store copy` (in pages).
    public func recordCount() throws(StoreError) -> Int {
        let rows = try run("SELECT count(*)::int8 FROM comptoir_events")
        return try firstInteger(rows)
    }

    // MARK: Connections

    private func connected() throws(StoreError) -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        connection = nil
        let made = try connect()
        connection = made
        return made
    }

    private func connect() throws(StoreError) -> PostgresConnection {
        guard !isClosed else { throw .unusable(folder: name, reason: "the store is closed") }
        do {
            let tls: PostgresConnection.Configuration.TLS
            if url.requiresTLS {
                // sslmode=require as libpq means it: encrypted, the server's certificate not verified.
                var configuration = TLSConfiguration.makeClientConfiguration()
                configuration.certificateVerification = .none
                tls = .require(try NIOSSLContext(configuration: configuration))
            } else {
                tls = .disable
            }
            var configuration = PostgresConnection.Configuration(
                host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
            configuration.options.connectTimeout = .seconds(Self.connectTimeoutSeconds)
            nextConnectionID += 1
            return try PostgresConnection.connect(on: group.next(), configuration: configuration, id: nextConnectionID, logger: logger).wait()
        } catch {
            throw unreachable(error)
        }
    }

    /// Opens the listening connection; a failure leaves the log polling (`mayHaveNews()` says true).
    private func startListening() {
        guard !isClosed else { return }
        if let listener, !listener.isClosed { return }
        listener = nil
        guard let made = try? connect() else { return }
        let signal = news
        made.addListener(channel: PostgresSchema.channel) { _, _ in signal.signal() }
        do {
            _ = try made.query("LISTEN \(unescaped: PostgresSchema.channel)", logger: logger).wait()
        } catch {
            let _: EventLoopFuture<Void> = made.close()
            return
        }
        made.closeFuture.whenComplete { _ in signal.setListening(false) }
        listener = made
        signal.setListening(true)
    }

    /// Runs `body` between BEGIN and COMMIT (ROLLBACK when it throws).
    private func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        _ = try run("BEGIN")
        let result: T
        do {
            result = try body()
        } catch {
            _ = try? run("ROLLBACK")
            throw error
        }
        _ = try run("COMMIT")
        return result
    }

    /// Runs one statement; a lost connection is dropped (the next call connects again).
    private func run(_ query: PostgresQuery) throws(StoreError) -> [PostgresRow] {
        let connection = try connected()
        do {
            return try connection.query(query, logger: logger).wait().rows
        } catch {
            if let psql = error as? PSQLError, let info = psql.serverInfo, let state = info[.sqlState], !state.hasPrefix("08"), !state.hasPrefix("57") {
                lastServerState = state
                throw .unusable(folder: name, reason: "the server refused a statement: \(info[.message] ?? "no reason given") (SQLSTATE \(state))")
            }
            // Closed before it is let go (postgres-nio asserts a connection is closed when released).
            let closing: EventLoopFuture<Void> = connection.close()
            try? closing.wait()
            self.connection = nil
            throw unreachable(error)
        }
    }

    private func firstInteger(_ rows: [PostgresRow]) throws(StoreError) -> Int {
        guard let row = rows.first else { return 0 }
        return Int(try decode(row, as: Int64.self))
    }

    private func decode<T: PostgresDecodable>(_ row: PostgresRow, as type: T.Type) throws(StoreError) -> T {
        do {
            return try row.decode(T.self)
        } catch {
            throw .corrupted(file: name, offset: 0, reason: "a row could not be read as \(T.self)")
        }
    }

    private func decode<each Column: PostgresDecodable>(_ row: PostgresRow, as type: (repeat each Column).Type) throws(StoreError) -> (repeat each Column) {
        do {
            return try row.decode(type)
        } catch {
            throw .corrupted(file: name, offset: 0, reason: "a row could not be read")
        }
    }

    private func unreachable(_ error: any Error) -> StoreError {
        .unreachable(store: name, reason: Self.reason(error))
    }

    /// A short reason for a failure to reach the server: never the password (postgres-nio's own
    /// descriptions hold none, and the server's messages never repeat it).
    static func reason(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let info = psql.serverInfo, let message = info[.message] { return message }
            if let underlying = psql.underlying { return reason(underlying) }
            switch psql.code {
            case .serverClosedConnection, .uncleanShutdown: return "the server closed the connection"
            case .clientClosedConnection: return "the connection was closed"
            case .connectionError: return "the connection failed"
            case .sslUnsupported: return "the server does not offer TLS (sslmode=require)"
            default: return "\(psql.code)"
            }
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel { return "no answer within \(connectTimeoutSeconds) s" }
        if let io = error as? IOError { return io.description }
        if let connect = error as? NIOConnectionError {
            if let first = connect.connectionErrors.first { return reason(first.error) }
            return "could not resolve \(connect.host)"
        }
        return String(describing: error)
    }
}
