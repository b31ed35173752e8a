/// The tables a shop keeps on PostgreSQL, by schema version. `comptoir store migrate` (and the first
/// open of an empty database) brings a database to `current`; a database on a newer version is refused.
///
/// - `comptoir_schema`: one row per version applied.
/// - `comptoir_events`: one row per journal record; the primary key on `sequence` is what detects two
///   writers appending at the same place (the second gets a unique violation and catches up). `record`
///   holds the journal's own bytes (header with both CRC-32C checksums, then the payload), `checksum`
///   the payload's CRC-32C again, for SQL queries. A trigger notifies `comptoir_events` at commit.
/// - `comptoir_snapshots`: whole snapshot files, by the sequence they cover (the two newest are kept).
/// - `comptoir_mail`: the claim of each message the shop sent: whoever inserts its key delivers it;
///   the row keeps the message so every machine can show it.
enum PostgresSchema {
    static let current = 1
    static let channel = "comptoir_events"
    /// The advisory lock key migrations hold, so that two processes never migrate at once.
    static let migrationLock: Int64 = 0x436F_6D70_746F_6972
    /// The advisory lock key a commit holds from catching up to appending, so that writers decide one
    /// after the other on the up-to-date state instead of racing for the next sequence.
    static let writerLock: Int64 = 0x436F_6D70_7457_7269

    static let versionTable = """
        CREATE TABLE IF NOT EXISTS comptoir_schema (
            version integer PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """

    /// The statements that bring a database from `version - 1` to `version`.
    static func migration(to version: Int) -> [String] {
        switch version {
        case 1:
            return [
                """
                CREATE TABLE comptoir_events (
                    sequence bigint PRIMARY KEY CHECK (sequence > 0),
                    checksum bigint NOT NULL,
                    record bytea NOT NULL,
                    committed_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                """
                CREATE TABLE comptoir_snapshots (
                    sequence bigint PRIMARY KEY CHECK (sequence >= 0),
                    snapshot bytea NOT NULL,
                    written_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                """
                CREATE TABLE comptoir_mail (
                    position bigserial PRIMARY KEY,
                    key text NOT NULL UNIQUE,
                    message bytea NOT NULL,
                    claimed_by text NOT NULL,
                    claimed_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                """
                CREATE FUNCTION comptoir_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('\(channel)', TG_TABLE_NAME);
                    RETURN NULL;
                END
                $$
                """,
                "CREATE TRIGGER comptoir_events_notify AFTER INSERT ON comptoir_events FOR EACH STATEMENT EXECUTE FUNCTION comptoir_notify()",
                "CREATE TRIGGER comptoir_mail_notify AFTER INSERT ON comptoir_mail FOR EACH STATEMENT EXECUTE FUNCTION comptoir_notify()",
            ]
        default:
            return []
        }
    }
}
