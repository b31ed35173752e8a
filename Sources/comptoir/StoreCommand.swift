import ArgumentParser
import ShopCore
import ShopStore

struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Check and maintain the shop's data folder.",
        subcommands: [Verify.self, Snapshot.self, Compact.self, Recover.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every journal record and snapshot; exit 0 only when all is good.")
        @Flag(help: "Print JSON for programs.") var json = false
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
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
            ("problem", .optional(report.problem) { .string($0.description) }),
        ])
    }
}
