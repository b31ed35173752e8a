import Testing
@testable import ShopCore

/// Memory holding an index image at an eight-byte boundary, as a mapped file would; freed with it.
final class ImageMemory: @unchecked Sendable {
    let bytes: UnsafeMutableRawBufferPointer

    init(_ image: [UInt8]) {
        bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, image.count), alignment: 8)
        image.withUnsafeBytes { bytes.copyMemory(from: $0) }
    }

    var image: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[0..<bytes.count]) }

    deinit { bytes.deallocate() }
}

@Suite("Search index used in place from its image")
struct SearchIndexImageTests {
    typealias Generator = SearchPropertyTests.Generator

    static func image(of index: SearchIndex) -> [UInt8] {
        var bytes: [UInt8] = []
        index.writeImage { bytes.append(contentsOf: $0) }
        return bytes
    }

    static func mapped(_ index: SearchIndex) throws -> SearchIndex {
        let memory = ImageMemory(image(of: index))
        return try SearchIndex(image: UnsafeRawBufferPointer(rebasing: memory.image[0..<(memory.bytes.count)]), keeper: memory)
    }

    /// Every result, facet, correction and filter problem of `text` agree between the two indexes.
    static func expectSameAnswers(_ a: SearchIndex, _ b: SearchIndex, _ text: String) throws {
        let query = try SearchQuery.parse(text)
        let first = a.search(query)
        let second = b.search(query)
        #expect(first.total == second.total, "\(text)")
        #expect(first.positions(offset: 0, limit: first.total) == second.positions(offset: 0, limit: second.total), "\(text)")
        #expect(first.brandFacets == second.brandFacets, "\(text)")
        #expect(first.categoryFacets == second.categoryFacets, "\(text)")
        #expect(first.corrections == second.corrections, "\(text)")
        #expect(first.filterProblem == second.filterProblem, "\(text)")
    }

    static let demoQueries = [
        "", "c", "ca", "caf", "coffee", "cofee", "coffe grindr", "kettle", "brand:brulerie", "brand:lavaza", "cat:pantry",
        "tea sort:price", "sort:-price", "sort:rating in:stock", "sort:newest", "price:5..20", "rating:4", "mug price:..10 sort:price",
        "choclate", "t", "e", "s", "bag sort:rating", "cat:kitchen brand:x",
    ]

    @Test func mappedIndexAnswersLikeTheBuiltOneOverTheDemoCatalogue() throws {
        let built = SearchIndex(catalogue: DemoCatalogue.catalogue)
        let mapped = try Self.mapped(built)
        #expect(mapped.readsInPlace)
        #expect(mapped.count == built.count)
        for text in Self.demoQueries { try Self.expectSameAnswers(built, mapped, text) }
    }

    @Test func mappedIndexAnswersLikeTheBuiltOneOverAGeneratedCatalogue() throws {
        var generator = Generator(state: 11)
        let products = SearchPropertyTests.catalogue(3000, &generator)
        let built = SearchIndex(products: products)
        let mapped = try Self.mapped(built)
        #expect(mapped.prefixCache.prefixes.sorted() == built.prefixCache.prefixes.sorted())
        for _ in 0..<300 { try Self.expectSameAnswers(built, mapped, SearchPropertyTests.queryText(&generator)) }
    }

    /// The journal after a snapshot: products replaced and added on top of a mapped index answer like
    /// an index built from the final catalogue; and the image of the changed index, once more.
    @Test func changesOnTopOfAMappedIndexAnswerLikeARebuild() throws {
        var generator = Generator(state: 5)
        var products = SearchPropertyTests.catalogue(1200, &generator)
        var mapped = try Self.mapped(SearchIndex(products: products))
        for (offset, replacement) in SearchPropertyTests.catalogue(300, &generator).enumerated() {
            if offset % 3 == 0 {
                products.append(replacement)
                mapped.update(replacement, at: products.count - 1)
            } else {
                let position = Int.random(in: 0..<products.count, using: &generator)
                products[position] = replacement
                mapped.update(replacement, at: position)
            }
        }
        #expect(!mapped.readsInPlace)
        let rebuilt = SearchIndex(products: products)
        let remapped = try Self.mapped(mapped)
        for _ in 0..<200 {
            let text = SearchPropertyTests.queryText(&generator)
            let query = try SearchQuery.parse(text)
            for index in [mapped, remapped] {
                let results = index.search(query)
                let expected = rebuilt.search(query)
                #expect(results.positions(offset: 0, limit: results.total) == expected.positions(offset: 0, limit: expected.total), "\(text)")
                #expect(SearchPropertyTests.keyed(results.brandFacets) == SearchPropertyTests.keyed(expected.brandFacets), "\(text)")
                #expect(results.corrections == expected.corrections, "\(text)")
            }
        }
    }

    @Test func anEmptyIndexMapsToo() throws {
        let mapped = try Self.mapped(SearchIndex(products: []))
        #expect(mapped.count == 0)
        #expect(mapped.search(try SearchQuery.parse("coffee")).total == 0)
    }

    /// A cut-short image, or one whose header, table or counts were changed, is refused with a reason;
    /// never read past its end.
    @Test func aDamagedImageIsRefused() throws {
        let good = Self.image(of: SearchIndex(catalogue: DemoCatalogue.catalogue))
        func refusal(_ bytes: [UInt8]) -> String? {
            let memory = ImageMemory(bytes)
            do {
                _ = try SearchIndex(image: UnsafeRawBufferPointer(rebasing: memory.image[0..<bytes.count]), keeper: memory)
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(refusal(good) == nil)
        for length in [0, 7, 31, 40, SearchIndexImage.headerSize + SearchIndexImage.tableSize - 1, good.count / 2, good.count - 1] {
            #expect(refusal(Array(good[0..<length])) != nil, "cut at \(length)")
        }
        var wrongMagic = good
        wrongMagic[0] ^= 0xFF
        #expect(refusal(wrongMagic)?.contains("magic") == true)
        var newerLayout = good
        newerLayout[8] = 9
        #expect(refusal(newerLayout)?.contains("version 9") == true)
        var moreDocuments = good
        moreDocuments[16] &+= 1
        #expect(refusal(moreDocuments) != nil)
        // Every byte of the header and table changed in turn: refused or still consistent, never a crash.
        for offset in 0..<(SearchIndexImage.headerSize + SearchIndexImage.tableSize) {
            var damaged = good
            damaged[offset] ^= 0x80
            _ = refusal(damaged)
        }
    }
}
