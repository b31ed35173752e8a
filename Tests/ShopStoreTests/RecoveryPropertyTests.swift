import Foundation
import ShopCore
@testable import ShopStore
import Testing

/// Random histories (cart commands, imports, shop-clock advances, closes, compactions), crashes that
/// leave a torn tail past the last acknowledged record, then one damaged byte anywhere in the
/// acknowledged data (journal header, record headers, payloads, either snapshot): `recover` keeps
/// every acknowledged record that is still intact — in the journal or covered by a good snapshot — as
/// far as they reach without a gap, and reports exactly the records it could not keep.
/// `COMPTOIR_RECOVERY_CASES=2000 swift test --filter RecoveryPropertyTests` runs the long version.
@Suite("Recovery property")
struct RecoveryPropertyTests {
    static let skus = ["A-1", "B-2", "C-3"]

    static func randomCommand(_ g: inout SplitMix64) -> ShopCommand {
        let sku = skus.randomElement(using: &g)!
        switch Int.random(in: 0..<10, using: &g) {
        case 0...3: return .addToCart(sku: sku, quantity: Int.random(in: 1...2, using: &g), by: .local)
        case 4...6: return .setCartQuantity(sku: sku, quantity: Int.random(in: 0...3, using: &g), by: .local)
        case 7:
            var product = Fixtures.product(sku, stock: 40)
            product.title = "Retitled \(g.next() % 1_000)"
            return .importProducts([product])
        default:
            return .commerce(.advanceClock(seconds: Int64.random(in: 1...7_200, using: &g)),
                             at: ShopInstant(secondsSince1970: 1_800_000_000), entropy: g.next())
        }
    }

    /// Bytes a crash could leave past the last acknowledged record: part of the next record, or zeros.
    static func tornBytes(_ g: inout SplitMix64, next sequence: UInt64) -> [UInt8] {
        if Bool.random(using: &g) { return [UInt8](repeating: 0, count: Int.random(in: 1...300, using: &g)) }
        let payload = (0..<Int.random(in: 4...80, using: &g)).map { _ in UInt8.random(in: 1...255, using: &g) }
        let record = JournalFormat.record(sequence: sequence, payload: payload)
        return Array(record[0..<Int.random(in: 1..<record.count, using: &g)])
    }

    @Test func randomCommandsCrashesAndOneDamagedByteNeverLoseAnIntactAcknowledgedRecord() throws {
        let cases = Int(ProcessInfo.processInfo.environment["COMPTOIR_RECOVERY_CASES"] ?? "") ?? 100
        var outcomes: [String: Int] = [:]
        for seed in 1...cases {
            let outcome = try runCase(seed: UInt64(seed))
            outcomes[outcome, default: 0] += 1
        }
        print("recovery property: \(cases) cases: \(outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        #expect(outcomes.count >= 3, "the cases cover lost-nothing, lost-some and damage in different files: \(outcomes)")
    }

    private func runCase(seed: UInt64) throws -> String {
        var g = SplitMix64(seed: 90_000 + seed)
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let policy = SnapshotPolicy(recordsBetweenSnapshots: Int.random(in: 2...9, using: &g),
                                    journalBytesBetweenSnapshots: 1 << 30,
                                    smallShopProducts: Bool.random(using: &g) ? 10_000 : 0)
        var store: Store? = try retryingOwnLock { try Store.open(folder, access: .readWrite, policy: policy) { Fixtures.seed } }
        // states[n] is the state after acknowledged record n.
        var states = [ShopState(), store!.state]
        let journalPath = folder.path + "/journal"
        for _ in 0..<Int.random(in: 4...24, using: &g) {
            let command = Self.randomCommand(&g)
            if let events = try? store!.execute(command), !events.isEmpty {
                states.append(store!.state)
                #expect(store!.sequence == UInt64(states.count - 1))
            }
            switch Int.random(in: 0..<12, using: &g) {
            case 0:
                try store!.close()
                store = try retryingOwnLock { try Store.open(folder, access: .readWrite, policy: policy) { [] } }
            case 1, 2:
                store = nil
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journalPath))
                try handle.seekToEnd()
                try handle.write(contentsOf: Self.tornBytes(&g, next: UInt64(states.count)))
                try handle.close()
                store = try retryingOwnLock { try Store.open(folder, access: .readWrite, policy: policy) { [] } }
                #expect(store!.state == states.last!, "seed \(seed): a torn tail cut on open loses nothing acknowledged")
            case 3:
                try store!.compact()
            default:
                break
            }
        }
        // The last crash, perhaps in the middle of a write.
        store = nil
        let acknowledgedEnd = try temp.read(folder, "journal").count
        if Bool.random(using: &g) {
            // Part of the next record (zeros here would make a damaged last record look torn).
            var torn = Self.tornBytes(&g, next: UInt64(states.count))
            while torn.first == 0 { torn = Self.tornBytes(&g, next: UInt64(states.count)) }
            try temp.write(temp.read(folder, "journal") + torn, to: folder, "journal")
        }
        var last = UInt64(states.count - 1)

        // What is intact before the damage.
        let cleanJournal = try temp.read(folder, "journal")
        var intact = Set(JournalScan.scan(cleanJournal).records.map(\.sequence))
        var snapshots: [String: UInt64] = [:]
        for name in ["snapshot", "snapshot.prev"] where temp.exists(folder, name) {
            snapshots[name] = try SnapshotFile.load(folder.path + "/" + name)?.sequence
        }

        // One damaged byte in acknowledged data, never turned into zero (a zero run at the end of the
        // journal is what a torn write looks like, and is cut as one).
        let file = (["journal"] + snapshots.keys.sorted()).randomElement(using: &g)!
        var bytes = try temp.read(folder, file)
        let size = file == "journal" ? acknowledgedEnd : bytes.count
        let offset: Int
        switch Int.random(in: 0..<3, using: &g) {
        case 0 where file == "journal":
            let headers = [0] + JournalScan.scan(cleanJournal).records.map(\.offset)
            offset = headers.randomElement(using: &g)! + Int.random(in: 0..<16, using: &g)
        case 0:
            offset = Int.random(in: 0..<SnapshotFile.headerSize, using: &g)
        default:
            offset = Int.random(in: 0..<size, using: &g)
        }
        // A snapshot's search index section is checked on its own: damaged, it is built again, and the
        // snapshot still holds the whole state.
        let snapshotDataEnd = file == "journal" ? 0 : SnapshotIndexTests.payloadEnd(of: bytes)
        let original = bytes[offset]
        var damaged = original ^ UInt8.random(in: 1...255, using: &g)
        if damaged == 0 { damaged = original == 0xFF ? 0xFE : 0xFF }
        bytes[offset] = damaged
        try temp.write(bytes, to: folder, file)
        var ambiguous = false
        if file == "journal" {
            if let hit = JournalScan.scan(cleanJournal).records.first(where: { $0.offset <= offset && offset < $0.end }) {
                intact.remove(hit.sequence)
                // A damaged last record whose payload ends in zeros up to the end of the file cannot be
                // told from a write torn by a crash; it is cut as one.
                if JournalScan.scan(bytes).tornTail?.offset == hit.offset {
                    ambiguous = true
                    last = hit.sequence - 1
                }
            }
        } else if offset < snapshotDataEnd {
            snapshots[file] = nil
        }

        // The furthest any good base (a snapshot, or nothing) is carried by the intact records.
        let reach = (Array(snapshots.values) + [0]).map { base -> UInt64 in
            var reached = base
            while intact.contains(reached + 1) { reached += 1 }
            return reached
        }.max()!

        let report = try retryingOwnLock { try Store.recover(folder) }
        let context = "seed \(seed): damaged \(file) byte \(offset); reach \(reach) of \(last)\n\(report)"
        #expect(report.lostSequences == (reach < last ? [(reach + 1)...last] : []), "\(context)")
        #expect(report.lostFromUnbounded == nil, "\(context)")
        #expect(report.rebuiltSequence == last, "\(context)")
        #expect(Store.verify(folder).isClean, "\(context)\n\(Store.verify(folder))")
        let recovered = try retryingOwnLock { try Store.open(folder, access: .readWrite, policy: policy) { [] } }
        #expect(recovered.state == states[Int(reach)], "\(context)")
        try recovered.execute(.importProducts([Fixtures.product("Z-9")]))
        #expect(recovered.sequence == last + 1, "sequence numbers go on after the highest seen")
        try recovered.close()
        if ambiguous { return "a damaged last record taken for a torn write" }
        return "\(file) \(reach < last ? "lost some" : "lost nothing")"
    }
}
