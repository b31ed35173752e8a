import Foundation
import ShopCore
@testable import ShopStore
import Testing

/// A big snapshot's orders are read on another thread while the shop opens (from 8 MB of them).
/// Bytes whose checksum is right but which this Comptoir cannot read are then found only once the
/// orders are needed: the command stops there with one line and exit 65, and writes nothing;
/// `store verify`, which reads everything at once, names the damage.
@Suite("Unreadable orders in a checksummed snapshot")
struct UnreadableOrdersTests {
    /// A snapshot of one product whose orders section is 8 MB that do not read as orders (one order of
    /// zero bytes: its delivery method is an empty text), with right checksums.
    static func snapshot() throws -> (bytes: [UInt8], sectionStart: Int) {
        let product = Product(sku: "MUG-1", title: "Mug", brand: "Terre", category: "Kitchen",
                              price: Money(minorUnits: 12_00, currency: .eur), stockOnHand: 5)
        let pieces = StateCodec.encode(ShopState(catalogue: Catalogue(products: [product])))
        var trade = pieces.last!.bytes
        // An empty shop's trade state ends with the length of its orders and tickets (2) and the two empty lists.
        let emptySection: [UInt8] = [2, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        try #require(Array(trade.suffix(10)) == emptySection)
        trade.removeLast(10)
        let section: [UInt8] = [1] + [UInt8](repeating: 0, count: 8 << 20)
        withUnsafeBytes(of: UInt64(section.count).littleEndian) { trade += $0 }
        let payload = pieces.dropLast().flatMap(\.bytes) + trade + section
        var header = SnapshotFile.magic
        withUnsafeBytes(of: SnapshotFile.formatVersion.littleEndian) { header += $0 }
        withUnsafeBytes(of: UInt32(0).littleEndian) { header += $0 }
        withUnsafeBytes(of: UInt64(0).littleEndian) { header += $0 }
        withUnsafeBytes(of: UInt64(payload.count).littleEndian) { header += $0 }
        withUnsafeBytes(of: CRC32C.checksum(payload).littleEndian) { header += $0 }
        withUnsafeBytes(of: CRC32C.checksum(header).littleEndian) { header += $0 }
        return (header + payload, header.count + payload.count - section.count)
    }

    @Test func aCommandNeedingTheOrdersStopsWithOneLineAndWritesNothing() throws {
        let data = try TemporaryFolder()
        let (bytes, sectionStart) = try Self.snapshot()
        let snapshot = data.url.appendingPathComponent("snapshot")
        try Data(bytes).write(to: snapshot)
        // The catalogue alone is read as usual.
        let search = try StoreRecoveryCommandTests.run(["search", "mug"], data: data)
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.contains("MUG-1"), "\(search.stdout)")
        let before = try Data(contentsOf: snapshot)
        let journal = data.url.appendingPathComponent("journal")

        let add = try StoreRecoveryCommandTests.run(["cart", "add", "MUG-1"], data: data)
        #expect(add.status == 65, "\(add.status): \(add.stdout) \(add.stderr)")
        let lines = add.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(add.stderr)")
        #expect(add.stderr.hasPrefix("comptoir: \(snapshot.path) is damaged at byte "), "\(add.stderr)")
        #expect(add.stderr.contains("its checksum is right, so this Comptoir cannot read what a Comptoir wrote; nothing was changed"), "\(add.stderr)")
        #expect(try Data(contentsOf: snapshot) == before)
        // Opening to write may have started the journal; it holds no record.
        #expect(((try? Data(contentsOf: journal))?.count ?? 0) <= JournalFormat.fileHeaderSize)

        let verify = try StoreRecoveryCommandTests.run(["store", "verify"], data: data)
        #expect(verify.status != 0)
        let offset = try #require(Self.damagedOffset(in: verify.stdout + verify.stderr), "\(verify.stdout) \(verify.stderr)")
        #expect(offset >= sectionStart && offset < bytes.count, "\(offset): \(verify.stdout) \(verify.stderr)")
    }

    static func damagedOffset(in text: String) -> Int? {
        guard let range = text.range(of: "damaged at byte ") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
