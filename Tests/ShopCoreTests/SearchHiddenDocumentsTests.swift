import Testing
@testable import ShopCore

@Suite("Search: unlisted products are not found")
struct SearchHiddenDocumentsTests {
    static let products = [
        SearchTestCatalogue.product("A", title: "Blue pen", brand: "Inko", category: "stationery"),
        SearchTestCatalogue.product("B", title: "Red pen", brand: "Inko", category: "stationery"),
        SearchTestCatalogue.product("C", title: "Green pen", brand: "Scrib", category: "stationery"),
    ]

    @Test func theBitmapHoldsWhatWasInserted() {
        var hidden = HiddenDocuments(positions: [0, 64, 200, -3])
        #expect(hidden.count == 3)
        #expect(hidden.contains(0) && hidden.contains(64) && hidden.contains(200))
        #expect(!hidden.contains(1) && !hidden.contains(63) && !hidden.contains(201) && !hidden.contains(-3) && !hidden.contains(10_000))
        hidden.insert(64)
        #expect(hidden.count == 3)
        #expect(HiddenDocuments.none.isEmpty && !HiddenDocuments.none.contains(0))
    }

    @Test func aHiddenDocumentIsNeitherFoundNorCountedInTheFacets() throws {
        let index = SearchIndex(catalogue: Catalogue(products: Self.products))
        let results = index.search(try SearchQuery.parse("pen"), hiding: HiddenDocuments(positions: [1]))
        #expect(results.total == 2)
        #expect(results.positions(offset: 0, limit: 10) == [0, 2])
        #expect(results.brandFacets.first { $0.value == "Inko" }?.count == 1)
        #expect(results.categoryFacets.first?.count == 2)
        let filtered = index.search(try SearchQuery.parse("brand:inko"), hiding: HiddenDocuments(positions: [0, 1]))
        #expect(filtered.total == 0)
        #expect(filtered.filterProblem == nil)
        #expect(index.search(try SearchQuery.parse("pen")).total == 3)
    }

    @Test func theShopHidesItsUnlistedProductsAndOnlyThose() {
        let catalogue = Catalogue(products: Self.products)
        var office = BackOffice()
        #expect(ShopState(catalogue: catalogue).hiddenFromSearch.isEmpty)
        office = BackOffice(staff: [], audit: [], fulfilment: .automatic, promotions: [], unlisted: ["B", "GONE"],
                            priceNotices: [:], marketingConsent: [:])
        let commerce = Commerce(clockOffsetSeconds: 0, accounts: [], sessions: [:], orders: [], tickets: [], outbox: [],
                                lastMessageSequence: 0, backOffice: office)
        let hidden = ShopState(catalogue: catalogue, commerce: commerce).hiddenFromSearch
        #expect(hidden.count == 1)
        #expect(hidden.contains(1))
    }
}
