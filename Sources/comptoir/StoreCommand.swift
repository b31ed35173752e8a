import ArgumentParser
import ShopCore
import ShopPostgres
import ShopStore

struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Check and maintain the shop's data folder or PostgreSQL store.",
        subcommands: [Verify.self, Snapshot.self, Compact.self, Recover.self, Migrate.self, Copy.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every journal record and snapshot; exit 0 only when all is good.")
        @Flag(help: "Print JSON for programs.") var json = false
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                if let url = try data.storeURL() {
                    let log = try StoreCommand.openLog(url)
                    defer { log.close() }
                    var report = Store.verify(log: log)
                    report.schemaVersion = try? log.schemaVersion()
                    if json { printJSON(StoreCommand.json(report)) } else { printText(report.description) }
                    if !report.isClean { throw ExitCode(ExitStatus.ioError.rawValue) }
                    return
                }
                let report = Store.verify(try data.folder())
                if json { printJSON(StoreCommand.json(report)) } else { printText(report.description) }
                if !report.isClean { throw ExitCode(ExitStatus.ioError.rawValue) }
            }
        }
    }

    struct Snapshot: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a snapshot of the whole shop now.")
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let store = try data.openStore(.readWrite)
                do {
                    try store.snapshot()
                    try store.close()
                } catch {
                    throw CommandFailure(error)
                }
                printText("Snapshot written: covers record \(store.sequence), \(store.state.catalogue.count) products.")
            }
        }
    }

    struct Compact: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a snapshot, then drop the journal it covers.")
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let store = try data.openStore(.readWrite)
                do {
                    try store.compact()
                    try store.close()
                } catch {
                    throw CommandFailure(error)
                }
                printText("Compacted: the snapshot covers record \(store.sequence); the journal starts after it.")
            }
        }
    }

    struct Recover: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move damaged files aside (kept, renamed) and rebuild from what is good, saying what was lost.")
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                do {
                    printText(try Store.recover(try data.folder()).description)
                } catch {
                    throw CommandFailure(error)
                }
            }
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring the PostgreSQL store's schema to this Comptoir's version (refuses a newer one).")
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                guard let url = try data.storeURL() else {
                    throw CommandFailure("store migrate needs a PostgreSQL store: pass --store URL or set COMPTOIR_STORE", status: .usage)
                }
                do {
                    let log = try PostgresEventLog.connectForMigration(url)
                    defer { log.close() }
                    let (from, to) = try log.migrate()
                    printText(from == to ? "\(url): schema already at version \(to)." : "\(url): schema migrated from version \(from) to \(to).")
                } catch {
                    throw CommandFailure(error)
                }
            }
        }
    }

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a whole shop between a data folder and a PostgreSQL store (either way) into an empty target.",
            discussion: "SRC and DST are each a data folder path or a postgres://USER[:PASSWORD]@HOST:PORT/DB URL. Run 'comptoir store verify' on both: their state digests are equal.")
        @Option(help: ArgumentHelp("The shop to copy: a data folder or a store URL.", valueName: "SRC")) var from: String
        @Option(help: ArgumentHelp("Where to copy it: an empty data folder or store.", valueName: "DST")) var to: String

        func run() throws {
            try reportingFailures {
                let source = try Self.openSource(from)
                defer { try? source.close() }
                guard source.holdsData else { throw CommandFailure("\(Self.shown(from)) holds no shop to copy", status: .noInput) }
                do {
                    if PostgresStoreURL.isPostgres(to) {
                        let log = try StoreCommand.openLog(try DataOptions.parseStoreURL(to, option: "--to"))
                        defer { log.close() }
                        try source.copy(to: log)
                    } else {
                        try source.copy(toFolder: DataFolder(path: to))
                    }
                } catch let failure as CommandFailure {
                    throw failure
                } catch {
                    throw CommandFailure(error)
                }
                printText("Copied \(source.state.catalogue.count) products, up to record \(source.sequence), from \(Self.shown(from)) to \(Self.shown(to)); state digest \(StateDigest.of(source.state)).")
            }
        }

        /// A location as messages show it: a URL without its password.
        static func shown(_ location: String) -> String {
            guard PostgresStoreURL.isPostgres(location) else { return location }
            return (try? PostgresStoreURL(parsing: location).description) ?? "the store URL"
        }

        private static func openSource(_ location: String) throws -> Store {
            do {
                if PostgresStoreURL.isPostgres(location) {
                    let url = try DataOptions.parseStoreURL(location, option: "--from")
                    let log = try StoreCommand.openLog(url)
                    do {
                        return try Store.open(DataFolder(path: "/nonexistent-comptoir-copy"), log: log, access: .readOnly, seed: { [] })
                    } catch {
                        log.close()
                        throw error
                    }
                }
                return try Store.open(DataFolder(path: location), access: .readOnly, seed: { [] })
            } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw CommandFailure(error)
            }
        }
    }

    static func openLog(_ url: PostgresStoreURL) throws -> PostgresEventLog {
        do {
            return try PostgresEventLog.open(url)
        } catch {
            throw CommandFailure(error)
        }
    }

    static func json(_ report: LogVerificationReport) -> JSONValue {
        .object([
            ("store", .string(report.store)),
            ("clean", .bool(report.isClean)),
            ("has_data", .bool(report.hasData)),
            ("schema_version", .optional(report.schemaVersion) { .int(Int64($0)) }),
            ("snapshot_sequence", .optional(report.snapshotSequence) { .int(Int64($0)) }),
            ("records", .int(report.records)),
            ("first_sequence", .optional(report.firstSequence) { .int(Int64($0)) }),
            ("last_record_sequence", .optional(report.lastRecordSequence) { .int(Int64($0)) }),
            ("damaged_records", .array(report.damagedRecords.map { .string($0) })),
            ("last_sequence", .int(Int64(report.lastSequence))),
            ("products", .int(report.products)),
            ("cart_lines", .int(report.cartLines)),
            ("state_digest", .optional(report.stateDigest) { .string($0) }),
            ("problem", .optional(report.problem) { .string($0.description) }),
        ])
    }

    static func json(_ report: VerificationReport) -> JSONValue {
        .object([
            ("folder", .string(report.folder)),
            ("clean", .bool(report.isClean)),
            ("has_data", .bool(report.hasData)),
            ("snapshot_sequence", .optional(report.snapshotSequence) { .int(Int64($0)) }),
            ("snapshot_bytes", .int(report.snapshotBytes)),
            ("journal_records", .int(report.journalRecords)),
            ("journal_first_sequence", .optional(report.journalFirstSequence) { .int(Int64($0)) }),
            ("journal_last_sequence", .optional(report.journalLastSequence) { .int(Int64($0)) }),
            ("journal_damage", .array(report.journalDamage.map { .string($0) })),
            ("torn_tail_bytes", .int(report.tornTailBytes)),
            ("last_sequence", .int(Int64(report.lastSequence))),
            ("products", .int(report.products)),
            ("cart_lines", .int(report.cartLines)),
            ("state_digest", .optional(report.stateDigest) { .string($0) }),
            ("problem", .optional(report.problem) { .string($0.description) }),
        ])
    }
}
