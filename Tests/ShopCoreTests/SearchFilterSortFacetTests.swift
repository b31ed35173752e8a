import Testing
@testable import ShopCore

@Suite("Search filters, sorts and facets")
struct SearchFilterSortFacetTests {
    typealias T = SearchTestCatalogue

    static let shelf = [
        T.product("lav1", title: "Lavazza Qualità Rossa", brand: "Lavazza", category: "groceries", cents: 899, stock: 40, rating: 4.5, listedAt: 300),
        T.product("illy1", title: "Illy Classico", brand: "illy", category: "groceries", cents: 1299, stock: 0, rating: 4.8, listedAt: 100),
        T.product("buy1", title: "Mineral B pan", brand: "De Buyer", category: "kitchen-accessories", cents: 5990, stock: 3, rating: 4.0, listedAt: 500),
        T.product("lav2", title: "Lavazza Crema e Gusto", brand: "LAVAZZA", category: "groceries", cents: 499, stock: 0, leadTime: LeadTime(minDays: 3, maxDays: 5), listedAt: nil),
        T.product("illy2", title: "Illy espresso cups", brand: "Illy", category: "kitchen-accessories", cents: 2000, stock: 12, rating: 3.9, listedAt: 400),
        T.product("cheap", title: "Filter paper", brand: "Melitta", category: "kitchen-accessories", cents: 450, stock: 100, rating: 4.5, listedAt: 200),
    ]

    @Test func brandFilterIsFoldedAndTakesSeveralBrands() throws {
        #expect(try T.skus(Self.shelf, "brand:lavazza") == ["lav1", "lav2"])
        #expect(try T.skus(Self.shelf, "brand:ILLY,lavazza") == ["lav1", "illy1", "lav2", "illy2"])
        #expect(try T.skus(Self.shelf, "brand:\"de buyer\"") == ["buy1"])
        #expect(try T.skus(Self.shelf, "brand:unknown") == [])
    }

    @Test func categoryFilter() throws {
        #expect(try T.skus(Self.shelf, "cat:kitchen-accessories") == ["buy1", "illy2", "cheap"])
        #expect(try T.skus(Self.shelf, "category:\"Kitchen Accessories\",groceries").count == 6)
    }

    @Test func priceRangeIsInclusiveWithDecimals() throws {
        #expect(try T.skus(Self.shelf, "price:4.5..8,99") == ["lav1", "lav2", "cheap"])
        #expect(try T.skus(Self.shelf, "price:20..") == ["buy1", "illy2"])
        #expect(try T.skus(Self.shelf, "price:..4.99") == ["lav2", "cheap"])
        #expect(try T.skus(Self.shelf, "price:4.51..4.98") == [])
    }

    @Test func inStockKeepsLowStockButNotBackorders() throws {
        #expect(try T.skus(Self.shelf, "in:stock") == ["lav1", "buy1", "illy2", "cheap"])
    }

    @Test func minimumRatingExcludesUnrated() throws {
        #expect(try T.skus(Self.shelf, "rating:4.5") == ["lav1", "illy1", "cheap"])
        #expect(try T.skus(Self.shelf, "rating:0") == ["lav1", "illy1", "buy1", "illy2", "cheap"])
    }

    @Test func filtersCombineWithWords() throws {
        #expect(try T.skus(Self.shelf, "lavazza in:stock") == ["lav1"])
        #expect(try T.skus(Self.shelf, "illy brand:illy cat:groceries price:..15 rating:4") == ["illy1"])
        #expect(try T.skus(Self.shelf, "brand:illy in:stock i") == ["illy2"])
        // A filter typed after the word means the word is finished: "i" is then a whole word.
        #expect(try T.skus(Self.shelf, "i brand:illy in:stock") == [])
    }

    @Test func sortByPriceBothWays() throws {
        #expect(try T.skus(Self.shelf, "sort:price") == ["cheap", "lav2", "lav1", "illy1", "illy2", "buy1"])
        #expect(try T.skus(Self.shelf, "sort:price-desc") == ["buy1", "illy2", "illy1", "lav1", "lav2", "cheap"])
        #expect(try T.skus(Self.shelf, "sort:-price") == ["buy1", "illy2", "illy1", "lav1", "lav2", "cheap"])
    }

    @Test func sortByRatingPutsUnratedLastAndKeepsTies() throws {
        #expect(try T.skus(Self.shelf, "sort:rating") == ["illy1", "lav1", "cheap", "buy1", "illy2", "lav2"])
    }

    @Test func sortByNewestPutsUndatedLast() throws {
        #expect(try T.skus(Self.shelf, "sort:newest") == ["buy1", "illy2", "lav1", "cheap", "illy1", "lav2"])
    }

    @Test func sortsKeepCatalogueOrderOnTies() throws {
        let products = (0..<10).map { T.product("\($0)", title: "Same", cents: 500, rating: 4, listedAt: 7) }
        for sort in SearchSort.allCases {
            #expect(try T.skus(products, "same sort:\(sort.rawValue)") == products.map(\.sku), "\(sort)")
        }
    }

    @Test func sortAppliesToTextResults() throws {
        #expect(try T.skus(Self.shelf, "lavazza sort:price") == ["lav2", "lav1"])
        #expect(try T.skus(Self.shelf, "illy sort:newest") == ["illy2", "illy1"])
    }

    @Test func facetsCountTheQueryAndUseTheFirstSpelling() throws {
        let results = try T.search(Self.shelf, "")
        #expect(results.brandFacets == [
            FacetCount(value: "illy", count: 2), FacetCount(value: "Lavazza", count: 2),
            FacetCount(value: "De Buyer", count: 1), FacetCount(value: "Melitta", count: 1),
        ])
        #expect(results.categoryFacets == [
            FacetCount(value: "groceries", count: 3), FacetCount(value: "kitchen-accessories", count: 3),
        ])
    }

    @Test func facetsAreDisjunctive() throws {
        let results = try T.search(Self.shelf, "brand:lavazza")
        #expect(results.total == 2)
        // Brand counts ignore the brand filter so the other brands stay selectable...
        #expect(results.brandFacets.map(\.value) == ["illy", "Lavazza", "De Buyer", "Melitta"])
        // ...while category counts apply it.
        #expect(results.categoryFacets == [FacetCount(value: "groceries", count: 2)])

        let both = try T.search(Self.shelf, "brand:illy cat:kitchen-accessories")
        #expect(both.total == 1)
        #expect(both.brandFacets == [
            FacetCount(value: "De Buyer", count: 1), FacetCount(value: "illy", count: 1), FacetCount(value: "Melitta", count: 1),
        ])
        #expect(both.categoryFacets == [FacetCount(value: "groceries", count: 1), FacetCount(value: "kitchen-accessories", count: 1)])
    }

    @Test func facetsApplyTheOtherFilters() throws {
        let results = try T.search(Self.shelf, "in:stock price:..20")
        #expect(results.brandFacets == [
            FacetCount(value: "illy", count: 1), FacetCount(value: "Lavazza", count: 1), FacetCount(value: "Melitta", count: 1),
        ])
        #expect(results.categoryFacets == [FacetCount(value: "kitchen-accessories", count: 2), FacetCount(value: "groceries", count: 1)])
    }

    @Test func pagesAtAnyOffsetFollowTheOrder() throws {
        let products = (0..<1000).map { T.product("\($0)", title: "Item", cents: Int64(($0 * 7919) % 1000 + 1)) }
        let results = try T.search(products, "item sort:price")
        let all = results.positions(offset: 0, limit: 1000)
        #expect(all.map { products[$0].price.minorUnits } == all.map { products[$0].price.minorUnits }.sorted())
        let fresh = try T.search(products, "item sort:price")
        #expect(fresh.positions(offset: 700, limit: 60) == Array(all[700..<760]))
        #expect(fresh.positions(offset: 10, limit: 5) == Array(all[10..<15]))
        #expect(fresh.positions(offset: 990, limit: 60) == Array(all[990...]))
        #expect(fresh.positions(offset: 1000, limit: 60) == [])
        #expect(fresh.positions(offset: 0, limit: 0) == [])
        #expect(fresh.positions(offset: -5, limit: 3) == Array(all[0..<3]))
    }
}
