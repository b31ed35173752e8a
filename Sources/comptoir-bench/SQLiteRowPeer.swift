import CSQLite

/// The peer for journaled writes: SQLite in WAL mode with `synchronous=FULL`, one row per transaction.
final class SQLiteRowPeer {
    private var db: OpaquePointer?
    private var insert: OpaquePointer?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(path: String) throws {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            throw Failure(description: "cannot open SQLite database \(path)")
        }
        // Several processes may share the database: a writer that finds it locked retries (SQLite's
        // busy handler) for up to 10 seconds instead of failing.
        sqlite3_busy_timeout(db, 10_000)
        try exec("PRAGMA journal_mode=WAL")
        try exec("PRAGMA synchronous=FULL")
        try exec("CREATE TABLE IF NOT EXISTS cart_event (seq INTEGER PRIMARY KEY, sku TEXT NOT NULL, quantity INTEGER NOT NULL)")
        guard sqlite3_prepare_v2(db, "INSERT INTO cart_event (sku, quantity) VALUES (?1, ?2)", -1, &insert, nil) == SQLITE_OK else {
            throw Failure(description: "cannot prepare insert: \(String(cString: sqlite3_errmsg(db)))")
        }
    }

    deinit {
        sqlite3_finalize(insert)
        sqlite3_close(db)
    }

    private func exec(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw Failure(description: "\(sql): \(String(cString: sqlite3_errmsg(db)))")
        }
    }

    /// Inserts one row in its own (autocommit) transaction: durable when this returns.
    func insertRow(sku: String, quantity: Int) throws {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        sqlite3_bind_text(insert, 1, sku, -1, transient)
        sqlite3_bind_int64(insert, 2, Int64(quantity))
        let result = sqlite3_step(insert)
        sqlite3_reset(insert)
        guard result == SQLITE_DONE else { throw Failure(description: "insert failed: \(String(cString: sqlite3_errmsg(db)))") }
    }
}
