import Testing
@testable import ShopCore

/// Queries are bounded in length and words, scores saturate, and any offset pages safely.
@Suite("Search limits")
struct SearchLimitTests {
    static func parseError(_ text: String) -> QueryError? {
        do {
            _ = try SearchQuery.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func aQueryOf3856WordsIsRefusedWithTheLimit() {
        let words = Array(repeating: "ab", count: 3_856).joined(separator: " ")
        #expect(Self.parseError(words) == .tooLong(characters: words.count))
        #expect(QueryError.tooLong(characters: 11_567).description == "the query has 11567 characters: write at most 1000")
    }

    @Test func wordsAreCountedAfterFolding() throws {
        let allowed = Array(repeating: "a", count: ShopLimits.maximumQueryWords).joined(separator: " ")
        #expect(try SearchQuery.parse(allowed).words.count == ShopLimits.maximumQueryWords)
        let tooMany = allowed + " b"
        #expect(Self.parseError(tooMany) == .tooManyWords(ShopLimits.maximumQueryWords + 1))
        #expect(QueryError.tooManyWords(33).description == "the query has 33 words: write at most 32")
        // Filters are not words; compounds ("a.b.c") are one word.
        #expect(try SearchQuery.parse(allowed + " in:stock sort:price").words.count == ShopLimits.maximumQueryWords)
        #expect(try SearchQuery.parse(Array(repeating: "a", count: 100).joined(separator: ".")).words.count == 1)
    }

    @Test func theLengthLimitCountsCharactersNotBytes() throws {
        let accents = String(repeating: "é", count: ShopLimits.maximumQueryLength)
        #expect(try SearchQuery.parse(accents).words.count == 1)
        #expect(Self.parseError(accents + "é") == .tooLong(characters: ShopLimits.maximumQueryLength + 1))
    }

    @Test func scoresSaturate() {
        #expect(UInt16.max.saturatingAdding(1) == .max)
        #expect(UInt16(65_000).saturatingAdding(1_000) == .max)
        #expect(UInt16(1).saturatingAdding(2) == 3)
    }

    /// The longest query allowed, every word matching, scores without trapping.
    @Test func theLongestQueryAllowedSearches() throws {
        let catalogue = Catalogue(products: [
            Product(sku: "A", title: String(repeating: "coffee ", count: 40), brand: "coffee", category: "coffee",
                    description: "coffee", tags: ["coffee"], price: Money(minorUnits: 1_00, currency: .eur), stockOnHand: 1),
        ])
        let query = try SearchQuery.parse(Array(repeating: "coffee", count: ShopLimits.maximumQueryWords).joined(separator: " "))
        #expect(SearchIndex(catalogue: catalogue).search(query).total == 1)
    }

    @Test(arguments: [Int.max, ShopLimits.maximumSearchOffset, 3, 2])
    func anyOffsetPagesSafely(offset: Int) {
        let results = SearchResultSet.catalogueOrder(count: 3)
        #expect(results.positions(offset: offset, limit: .max) == (offset < 3 ? Array(offset..<3) : []))
        #expect(results.positions(offset: 0, limit: .max) == [0, 1, 2])
    }
}
