import Foundation
import ShopCore
@testable import ShopStore
import Testing

/// The search index stored in the snapshot (format 6): written with each snapshot, used in place
/// when the folder is opened, brought up to date with the journal after it, and never a reason not
/// to open: a damaged or missing section means the index is built from the products.
@Suite("Search index in the snapshot")
struct SnapshotIndexTests {
    /// Where the snapshot's data ends: the header (40 bytes) plus the payload length it announces.
    static func payloadEnd(of snapshot: [UInt8]) -> Int {
        40 + Int(snapshot.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 24, as: UInt64.self)) })
    }

    /// The snapshot without its index section, written as format `version` (its trade state in that
    /// format's layout; products stay in the current one).
    static func withoutIndex(_ snapshot: [UInt8], version: UInt32) throws -> [UInt8] {
        let loaded = try SnapshotFile.decode(snapshot, file: "snapshot")
        return SnapshotFile.encode(loaded.state, sequence: loaded.sequence, version: version).flatMap(\.bytes)
    }

    static let queries = ["", "c", "co", "coffee", "cofee", "tea sort:price", "brand:brulerie", "cat:pantry in:stock", "mug sort:rating", "sort:newest", "price:5..20 t"]

    static func expectSameAnswers(_ index: SearchIndex, _ catalogue: Catalogue) throws {
        let built = SearchIndex(catalogue: catalogue)
        #expect(index.count == built.count)
        for text in queries {
            let query = try SearchQuery.parse(text)
            let (a, b) = (index.search(query), built.search(query))
            #expect(a.positions(offset: 0, limit: a.total) == b.positions(offset: 0, limit: b.total), "\(text)")
            #expect(a.brandFacets.map(\.count) == b.brandFacets.map(\.count), "\(text)")
            #expect(a.categoryFacets.map(\.count) == b.categoryFacets.map(\.count), "\(text)")
            #expect(a.corrections == b.corrections, "\(text)")
        }
    }

    /// A folder holding the demo catalogue in a snapshot (with its index), and a journal after it
    /// with one cart command.
    private func makeShop(_ temp: TemporaryFolder, products: [Product] = DemoCatalogue.products) throws -> DataFolder {
        let folder = temp.dataFolder()
        let store = try Store.open(folder, access: .readWrite) { products }
        try store.compact()
        try store.execute(.addToCart(sku: DemoCatalogue.products[0].sku, quantity: 1, by: .local))
        try store.close()
        return folder
    }

    @Test func aSnapshotCarriesTheIndexAndOpeningUsesItInPlace() throws {
        let temp = TemporaryFolder()
        let folder = try makeShop(temp)
        let store = try Store.open(folder, access: .readOnly) { [] }
        #expect(store.warnings.isEmpty, "\(store.warnings)")
        let index = try #require(store.currentSearchIndex())
        #expect(index.readsInPlace)
        try Self.expectSameAnswers(index, store.state.catalogue)
    }

    /// Products imported, repriced or taken out of stock after the snapshot are in the journal: the
    /// mapped index follows them on opening, and a store that goes on changing keeps it current.
    @Test func theJournalAfterTheSnapshotIsAppliedOnTopOfTheMappedIndex() throws {
        let temp = TemporaryFolder()
        let folder = try makeShop(temp)
        // The writer stops without closing (no snapshot at close): the changes live only in the journal.
        var writer: Store? = try Store.open(folder, access: .readWrite) { [] }
        var changed = DemoCatalogue.products[3]
        changed.title = "Zanzibar clove tin"
        changed.stockOnHand = 0
        let added = Product(
            sku: "NEW-1", title: "Quokka plush", brand: "Brûlerie Arbois", category: "toys",
            price: Money(minorUnits: 1999, currency: .eur), stockOnHand: 4)
        try writer?.execute(.importProducts([changed, added]))
        writer = nil

        let store = try Store.open(folder, access: .readWrite) { [] }
        let index = try #require(store.currentSearchIndex())
        #expect(!index.readsInPlace)
        try Self.expectSameAnswers(index, store.state.catalogue)
        #expect(index.search(try SearchQuery.parse("zanzibar")).total == 1)
        #expect(index.search(try SearchQuery.parse("quokka")).total == 1)

        try store.execute(.importProducts([Product(sku: "NEW-2", title: "Wombat mug", brand: "B", category: "c", price: Money(minorUnits: 500, currency: .eur), stockOnHand: 2)]))
        let later = try #require(store.currentSearchIndex())
        try Self.expectSameAnswers(later, store.state.catalogue)
        #expect(later.search(try SearchQuery.parse("wombat")).total == 1)

        // The next snapshot holds the changed index, flat again.
        try store.compact()
        try store.close()
        let reopened = try Store.open(folder, access: .readOnly) { [] }
        let reloaded = try #require(reopened.currentSearchIndex())
        #expect(reloaded.readsInPlace)
        try Self.expectSameAnswers(reloaded, reopened.state.catalogue)
    }

    /// A damaged, cut-short or foreign index section is detected (its own checksum, its frame, its
    /// structure): the folder opens with its whole state and a warning, and has no index to give.
    @Test func aDamagedIndexSectionFallsBackToBuilding() throws {
        let temp = TemporaryFolder()
        let folder = try makeShop(temp)
        let expected = try Store.open(folder, access: .readOnly) { [] }.state
        let original = try temp.read(folder, "snapshot")
        let sectionStart = Self.payloadEnd(of: original)
        var damages: [(String, [UInt8])] = []
        for offset in [sectionStart + 2, sectionStart + 30, sectionStart + 200, (sectionStart + original.count) / 2, original.count - 1] {
            var bytes = original
            bytes[offset] ^= 0x04
            damages.append(("byte \(offset) flipped", bytes))
        }
        for cut in [sectionStart + 3, sectionStart + 40, (sectionStart + original.count) / 2, original.count - 1] {
            damages.append(("cut at \(cut)", Array(original[0..<cut])))
        }
        damages.append(("a byte added", original + [0]))
        for (what, bytes) in damages {
            try temp.write(bytes, to: folder, "snapshot")
            let store = try Store.open(folder, access: .readOnly) { [] }
            #expect(store.state == expected, "\(what)")
            #expect(store.currentSearchIndex() == nil, "\(what)")
            #expect(store.warnings.contains { $0.contains("search index is built from the products instead") }, "\(what): \(store.warnings)")
            let verification = Store.verify(folder)
            #expect(verification.isClean, "\(what)")
            #expect(verification.description.contains("warning: "), "\(what): \(verification)")
        }
    }

    /// A snapshot of format 5 (no index) opens as before; the next snapshot adds the index.
    @Test func anOlderSnapshotWithoutTheSectionStillOpens() throws {
        let temp = TemporaryFolder()
        // Products without reviews are the same bytes in format 5's product layout (before review
        // variants), so relabelling the payload makes a true format-5 file.
        let folder = try makeShop(temp, products: DemoCatalogue.products.map { product in
            var bare = product
            bare.reviews = []
            return bare
        })
        let expected = try Store.open(folder, access: .readOnly) { [] }.state
        try temp.write(Self.withoutIndex(try temp.read(folder, "snapshot"), version: 5), to: folder, "snapshot")
        let store = try Store.open(folder, access: .readWrite) { [] }
        #expect(store.state == expected)
        #expect(store.warnings.isEmpty, "\(store.warnings)")
        #expect(store.currentSearchIndex() == nil)
        try store.snapshot()
        try store.close()
        let reopened = try Store.open(folder, access: .readOnly) { [] }
        let index = try #require(reopened.currentSearchIndex())
        try Self.expectSameAnswers(index, reopened.state.catalogue)
    }
}
