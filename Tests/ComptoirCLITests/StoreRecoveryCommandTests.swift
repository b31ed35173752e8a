import Foundation
import Testing

/// The reproductions of issue 16's recovery findings, with the real binary: damage in a record the
/// snapshot covers, a journal cut by `truncate` then written on, reported losses that never happened,
/// both snapshots damaged, and a FIFO where a store file should be.
@Suite("comptoir store recover and verify")
struct StoreRecoveryCommandTests {
    /// Runs `comptoir`, killing it after `seconds` (a hang is a failure, never a stuck test run).
    static func run(_ arguments: [String], data: TemporaryFolder, seconds: Double = 120) throws -> ComptoirProcess.Outcome {
        let process = Process()
        process.executableURL = ComptoirProcess.binary
        process.arguments = arguments + ["--data", data.path]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8"]
        let out = data.url.appendingPathComponent("out-\(UUID().uuidString)")
        let err = data.url.appendingPathComponent("err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Issue.record("comptoir \(arguments.joined(separator: " ")) still ran after \(seconds) s")
        }
        process.waitUntilExit()
        return ComptoirProcess.Outcome(status: process.terminationStatus,
                                       stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                                       stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// The journal's records as (offset, sequence, end), read from the documented format.
    static func records(_ journal: [UInt8]) -> [(offset: Int, sequence: UInt64, end: Int)] {
        func u32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(journal[at + $1]) << (8 * $1) } }
        func u64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(journal[at + $1]) << (8 * UInt64($1)) } }
        var found: [(Int, UInt64, Int)] = []
        var offset = 16
        while offset + 20 <= journal.count {
            let end = offset + 20 + u32(offset)
            guard end <= journal.count else { break }
            found.append((offset, u64(offset + 4), end))
            offset = end
        }
        return found
    }

    static func read(_ data: TemporaryFolder, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: data.url.appendingPathComponent(name)))
    }

    static func write(_ bytes: [UInt8], _ data: TemporaryFolder, _ name: String) throws {
        try Data(bytes).write(to: data.url.appendingPathComponent(name))
    }

    static func cartSKUs(_ data: TemporaryFolder) throws -> [String: Int] {
        let shown = try run(["cart", "show", "--json"], data: data)
        #expect(shown.status == 0, "cart show: \(shown.stderr)")
        let lines = try parseJSON(shown.stdout)["lines"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: lines.map { ($0["sku"] as? String ?? "", $0["quantity"] as? Int ?? 0) })
    }

    /// A shop with 20,000 imported products and three `cart add`: the import's close snapshots records
    /// 1–2 and keeps them in the journal; the adds are records 3–5, in the journal only.
    static func bigShop() throws -> TemporaryFolder {
        let data = try TemporaryFolder()
        let products = (0..<20_000).map { index in
            #"{"id": \#(index + 1), "sku": "BIG-\#(index)", "title": "Big shop item \#(index)", "price": 3.5, "stock": 1000, "category": "bulk"}"#
        }
        let file = try data.write("big.json", "[" + products.joined(separator: ",") + "]")
        let imported = try run(["import", file], data: data)
        #expect(imported.status == 0, "\(imported.stderr)")
        for sku in ["BIG-1", "BIG-2", "BIG-3"] {
            let added = try run(["cart", "add", sku], data: data)
            #expect(added.status == 0, "\(added.stderr)")
        }
        return data
    }

    @Test func aFlippedByteInAnOldRecordTheSnapshotCoversStopsNothingAndRecoverLosesNothing() throws {
        let data = try Self.bigShop()
        var journal = try Self.read(data, "journal")
        let records = Self.records(journal)
        #expect(records.map(\.sequence) == [1, 2, 3, 4, 5])
        journal[(records[0].offset + 20 + records[0].end) / 2] ^= 0x10
        try Self.write(journal, data, "journal")

        let shown = try Self.run(["cart", "show"], data: data)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stderr.contains("which the snapshot covers: nothing is lost"), "\(shown.stderr)")
        #expect(try Self.cartSKUs(data) == ["BIG-1": 1, "BIG-2": 1, "BIG-3": 1])
        let added = try Self.run(["cart", "add", "BIG-4"], data: data)
        #expect(added.status == 0, "\(added.stderr)")

        let verify = try Self.run(["store", "verify"], data: data)
        #expect(verify.status == 74)
        #expect(verify.stdout.contains("record 1 checksum mismatch (the snapshot covers it: nothing lost)"), "\(verify.stdout)")
        #expect(verify.stdout.contains("snapshot: covers record 2"))

        let recover = try Self.run(["store", "recover"], data: data)
        #expect(recover.status == 0, "\(recover.stderr)")
        #expect(recover.stdout.contains("lost: nothing"), "\(recover.stdout)")
        #expect(recover.stdout.contains("journal.damaged-1"))
        #expect(recover.stdout.contains("and journal records 3–6"), "\(recover.stdout)")
        #expect(try Self.read(data, "journal.damaged-1")[records[3].offset..<records[4].end] == journal[records[3].offset..<records[4].end])
        #expect(try Self.cartSKUs(data) == ["BIG-1": 1, "BIG-2": 1, "BIG-3": 1, "BIG-4": 1])
        #expect(try Self.run(["store", "verify"], data: data).status == 0)
    }

    @Test func aJournalCutByTruncateThenWrittenOnKeepsTheWriteAfterTheCut() throws {
        let data = try Self.bigShop()
        let cut = Process()
        cut.executableURL = URL(fileURLWithPath: "/usr/bin/truncate")
        cut.arguments = ["-s", "100000", data.url.appendingPathComponent("journal").path]
        try cut.run()
        cut.waitUntilExit()
        #expect(cut.terminationStatus == 0)

        let added = try Self.run(["cart", "add", "BIG-7"], data: data)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(!added.stderr.contains("had not been acknowledged"), "\(added.stderr)")
        #expect(added.stderr.contains("was acknowledged (the snapshot covers it), so the journal was cut short"), "\(added.stderr)")
        // The next command reads the write after the cut; nothing says "follows".
        let shown = try Self.run(["cart", "show"], data: data)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(!shown.stderr.contains("follows"))
        #expect(try Self.cartSKUs(data)["BIG-7"] == 1)
        let verify = try Self.run(["store", "verify"], data: data)
        #expect(verify.status == 0, "\(verify.stdout)")

        let recover = try Self.run(["store", "recover"], data: data)
        #expect(recover.status == 0, "\(recover.stderr)")
        #expect(recover.stdout.contains("lost: nothing"), "\(recover.stdout)")
        #expect(try Self.cartSKUs(data)["BIG-7"] == 1, "recover keeps the acknowledged write")
    }

    @Test func aJournalWrittenOnAfterAGapByAnOlderComptoirIsRecoveredWithItsWrite() throws {
        let data = try Self.bigShop()
        // What an older Comptoir left: records 1 and then 3 (written after it cut record 2 away).
        let journal = try Self.read(data, "journal")
        let records = Self.records(journal)
        let third = Array(journal[records[2].offset..<records[2].end])
        try Self.write(Array(journal[0..<records[1].offset]) + third, data, "journal")
        let shown = try Self.run(["cart", "show"], data: data)
        #expect(shown.status == 0, "\(shown.stderr)")
        let recover = try Self.run(["store", "recover"], data: data)
        #expect(recover.stdout.contains("lost: nothing"), "\(recover.stdout)")
        #expect(try Self.cartSKUs(data) == ["BIG-1": 1])
    }

    @Test func recoverReportsNoLossThatDidNotHappen() throws {
        let data = try TemporaryFolder()
        let search = try parseJSON(Self.run(["search", "in:stock", "--json", "--limit", "1"], data: data).stdout)
        let sku = try #require((search["results"] as? [[String: Any]])?.first?["sku"] as? String)
        #expect(try Self.run(["cart", "add", sku], data: data).status == 0)
        #expect(try Self.run(["store", "snapshot"], data: data).status == 0)
        // Records 1–2, then bytes that are not a record, as junk written past the end.
        let journal = try Self.read(data, "journal")
        let last = try #require(Self.records(journal).last?.sequence)
        try Self.write(journal + Array(repeating: 0xA5, count: 40), data, "journal")
        let recover = try Self.run(["store", "recover"], data: data)
        #expect(recover.status == 0)
        #expect(recover.stdout.contains("lost: nothing\n"), "\(recover.stdout)")
        #expect(!recover.stdout.contains("lost: 1 journal record"), "record \(last + 1) never existed")
        #expect(recover.stdout.contains("may have held records from \(last + 1) on"))
        #expect(try Self.cartSKUs(data) == [sku: 1])
    }

    @Test func verifyReportsAValidSnapshotWhenTheJournalIsAFolder() throws {
        let data = try TemporaryFolder()
        #expect(try Self.run(["store", "compact"], data: data).status == 0)
        let journal = data.url.appendingPathComponent("journal")
        try FileManager.default.removeItem(at: journal)
        try FileManager.default.createDirectory(at: journal, withIntermediateDirectories: false)
        let verify = try Self.run(["store", "verify"], data: data)
        #expect(verify.status == 74)
        #expect(verify.stdout.contains("snapshot: covers record 1"), "\(verify.stdout)")
        #expect(!verify.stdout.contains("snapshot: none"))
        #expect(verify.stdout.contains("journal: unreadable: \(journal.path) is a folder, not a regular file"), "\(verify.stdout)")
        let shown = try Self.run(["cart", "show"], data: data)
        #expect(shown.status == 74)
        #expect(shown.stderr == "comptoir: \(journal.path) is a folder, not a regular file: move it away (or run 'comptoir store recover', which moves it aside)\n")
        let recover = try Self.run(["store", "recover"], data: data)
        #expect(recover.status == 0, "\(recover.stderr)")
        #expect(recover.stdout.contains("moved \(journal.path) to \(journal.path).damaged-1"))
        #expect(try Self.run(["cart", "show"], data: data).status == 0)
    }

    @Test func bothSnapshotsDamagedSaysWhatWasMovedAsideAndWhatTheShopHolds() throws {
        let data = try TemporaryFolder()
        let search = try parseJSON(Self.run(["search", "in:stock", "--json", "--limit", "2"], data: data).stdout)
        let skus = try #require((search["results"] as? [[String: Any]])?.compactMap { $0["sku"] as? String })
        #expect(try Self.run(["cart", "add", skus[0]], data: data).status == 0)
        #expect(try Self.run(["store", "compact"], data: data).status == 0)
        #expect(try Self.run(["cart", "add", skus[1]], data: data).status == 0)
        #expect(try Self.run(["store", "snapshot"], data: data).status == 0)
        for name in ["snapshot", "snapshot.prev"] {
            var bytes = try Self.read(data, name)
            // In the middle of the state (the search index after it is checked apart, and only rebuilt).
            let stateEnd = 40 + bytes[24..<32].reversed().reduce(0) { $0 << 8 | Int($1) }
            bytes[stateEnd / 2] ^= 0x01
            try Self.write(bytes, data, name)
        }
        #expect(try Self.run(["cart", "show"], data: data).status == 74)
        let recover = try Self.run(["store", "recover"], data: data)
        #expect(recover.status == 0, "\(recover.stderr)")
        let folder = data.path
        for name in ["snapshot", "snapshot.prev"] {
            #expect(recover.stdout.contains("moved \(folder)/\(name) to \(folder)/\(name).damaged-1 (kept there)"), "\(recover.stdout)")
        }
        // The journal holds record 3 only: what came before it lived in the snapshots.
        #expect(recover.stdout.contains("lost: 3 journal record(s): 1–3"), "\(recover.stdout)")
        #expect(recover.stdout.contains("rebuilt from nothing: an empty shop"))
        #expect(recover.stdout.contains("the shop before record 3 is lost: no usable snapshot holds it; the damaged files are kept at \(folder)/snapshot.damaged-1, \(folder)/snapshot.prev.damaged-1"), "\(recover.stdout)")
    }

    @Test(arguments: ["journal", "snapshot"])
    func aFIFOInPlaceOfAStoreFileIsRefusedAtOnce(name: String) throws {
        let data = try TemporaryFolder()
        #expect(try Self.run(["store", "snapshot"], data: data).status == 0)
        let path = data.url.appendingPathComponent(name).path
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
        let message = "comptoir: \(path) is a FIFO (named pipe), not a regular file: move it away (or run 'comptoir store recover', which moves it aside)\n"
        for command in [["cart", "show"], ["search", "tea"], ["cart", "add", "X-1"]] {
            let outcome = try Self.run(command, data: data, seconds: 30)
            #expect(outcome.status == 74, "\(command)")
            #expect(outcome.stderr == message, "\(command): \(outcome.stderr)")
        }
        let verify = try Self.run(["store", "verify"], data: data, seconds: 30)
        #expect(verify.status == 74)
        #expect(verify.stdout.contains("is a FIFO (named pipe)"), "\(verify.stdout)")
        let recover = try Self.run(["store", "recover"], data: data, seconds: 30)
        #expect(recover.status == 0, "\(recover.stderr)")
        #expect(recover.stdout.contains("moved \(path) to \(path).damaged-1 (kept there): a FIFO (named pipe), not a regular file"), "\(recover.stdout)")
        #expect(try Self.run(["cart", "show"], data: data, seconds: 30).status == 0)
        #expect(try Self.run(["store", "verify"], data: data, seconds: 30).status == 0)
    }

    @Test func aFIFOInTheMailboxIsRefusedAtOnce() throws {
        let data = try TemporaryFolder()
        // Messages are a customer's: one is logged in on the local session.
        let registered = try ComptoirProcess.run(
            ["account", "register", "--name", "Zoë Martin", "--email", "zoe@example.fr", "--line1", "12 rue des Lilas",
             "--postal-code", "75011", "--city", "Paris", "--data", data.path],
            environment: ["COMPTOIR_PASSWORD": "Tilleul-et-verveine-42"])
        #expect(registered.status == 0, "\(registered.stderr)")
        #expect(try Self.run(["messages"], data: data).status == 0)
        let path = data.url.appendingPathComponent("mail/new/1795286283.M1P1.fifo").path
        #expect(mkfifo(path, 0o600) == 0)
        let messages = try Self.run(["messages"], data: data, seconds: 30)
        #expect(messages.status == 74)
        #expect(messages.stderr == "comptoir: cannot read \(path): it is a FIFO (named pipe), not a message file: move it out of the mailbox\n", "\(messages.stderr)")
    }
}
