import Testing
@testable import ShopCore

@Suite("Search index updates")
struct SearchIndexUpdateTests {
    typealias T = SearchTestCatalogue

    static let start = [
        T.product("a", title: "Coffee grinder", brand: "Hario", cents: 3000, stock: 10),
        T.product("b", title: "Tea kettle", brand: "Bodum", cents: 4000, stock: 10),
    ]

    @Test func changedTitleReplacesItsTerms() throws {
        var products = Self.start
        var index = SearchIndex(products: products)
        products[0].title = "Espresso tamper"
        index.update(products[0], at: 0)
        #expect(try T.skus(index, products, "grinder ") == [])
        #expect(try T.skus(index, products, "tamper ") == ["a"])
        #expect(try T.skus(index, products, "espr") == ["a"])
        #expect(try T.skus(index, products, "coffee ") == [])
    }

    @Test func stockChangesMoveInStock() throws {
        var products = Self.start
        var index = SearchIndex(products: products)
        products[1].reservedStock = 10
        index.update(products[1], at: 1)
        #expect(try T.skus(index, products, "in:stock") == ["a"])
        products[1].stockOnHand = 30
        index.update(products[1], at: 1)
        #expect(try T.skus(index, products, "in:stock") == ["a", "b"])
    }

    @Test func priceRatingAndDateChangesReachFiltersAndSorts() throws {
        var products = Self.start
        var index = SearchIndex(products: products)
        products[1].price = Money(minorUnits: 1000, currency: .eur)
        products[1].rating = Rating(stars: 5)
        products[1].listedAt = 99
        index.update(products[1], at: 1)
        #expect(try T.skus(index, products, "sort:price") == ["b", "a"])
        #expect(try T.skus(index, products, "price:..15") == ["b"])
        #expect(try T.skus(index, products, "rating:4") == ["b"])
        #expect(try T.skus(index, products, "sort:newest") == ["b", "a"])
    }

    @Test func brandChangesMoveFacetsAndFilters() throws {
        var products = Self.start
        var index = SearchIndex(products: products)
        products[1].brand = "Hario"
        index.update(products[1], at: 1)
        #expect(try T.skus(index, products, "brand:hario") == ["a", "b"])
        #expect(try T.skus(index, products, "bodum ") == [])
        let results = index.search(try SearchQuery.parse(""))
        #expect(results.brandFacets == [FacetCount(value: "Hario", count: 2)])
    }

    @Test func addedProductsAreFoundWithNewTermsAndBrands() throws {
        var products = Self.start
        var index = SearchIndex(products: products)
        let added = T.product("c", title: "Zanzibar coffee", brand: "Newco", category: "exotic", cents: 500, stock: 1)
        products.append(added)
        index.update(added, at: 2)
        #expect(index.count == 3)
        #expect(try T.skus(index, products, "zanz") == ["c"])
        #expect(try T.skus(index, products, "coffee ") == ["a", "c"])
        #expect(try T.skus(index, products, "brand:newco in:stock") == ["c"])
        #expect(index.search(try SearchQuery.parse("")).categoryFacets.map(\.value) == ["groceries", "exotic"])
        let more = [T.product("d", title: "Zap"), T.product("e", title: "Zoo")]
        products += more
        index.append(contentsOf: more)
        #expect(try T.skus(index, products, "z") == ["c", "d", "e"])
    }

    @Test func updateFromTheCatalogueAfterAnUpsert() throws {
        var catalogue = Catalogue(products: Self.start)
        var index = SearchIndex(catalogue: catalogue)
        var renamed = Self.start[1]
        renamed.title = "Gooseneck kettle"
        catalogue.upsert([renamed, T.product("c", title: "Milk frother", brand: "Bodum")])
        catalogue.modify(sku: "a") { $0.reservedStock = 10 }
        index.update(from: catalogue, changed: [catalogue.position(of: "b")!, catalogue.position(of: "a")!])
        #expect(try T.skus(index, Array(catalogue.products), "gooseneck ") == ["b"])
        #expect(try T.skus(index, Array(catalogue.products), "brand:bodum") == ["b", "c"])
        #expect(try T.skus(index, Array(catalogue.products), "in:stock") == ["b", "c"])
    }

    @Test func updatingAnAddedProductAgain() throws {
        var products = Self.start
        var index = SearchIndex(products: products)
        products.append(T.product("c", title: "First name"))
        index.update(products[2], at: 2)
        products[2].title = "Second name"
        index.update(products[2], at: 2)
        #expect(try T.skus(index, products, "first ") == [])
        #expect(try T.skus(index, products, "second ") == ["c"])
        #expect(try T.skus(index, products, "name ") == ["c"])
    }

    @Test func updatedIndexEqualsAFreshIndex() throws {
        var products = (0..<50).map { T.product("\($0)", title: "Item \($0 % 7) word\($0 % 5)", brand: "B\($0 % 3)", cents: Int64(100 + $0)) }
        var index = SearchIndex(products: products)
        for position in stride(from: 0, to: 50, by: 3) {
            products[position].title = "Renamed \(position % 4) word\(position % 2)"
            products[position].brand = "B\(position % 4)"
            index.update(products[position], at: position)
        }
        let fresh = SearchIndex(products: products)
        for text in ["item ", "renamed", "word1 ", "w", "brand:b3", "word0 sort:price-desc", "r brand:b1,b2"] {
            let query = try SearchQuery.parse(text)
            let updated = index.search(query)
            let rebuilt = fresh.search(query)
            #expect(updated.positions(offset: 0, limit: 100) == rebuilt.positions(offset: 0, limit: 100), "\(text)")
            #expect(updated.brandFacets == rebuilt.brandFacets, "\(text)")
            #expect(updated.categoryFacets == rebuilt.categoryFacets, "\(text)")
        }
    }
}
