import Testing
@testable import ShopCore

@Suite("Search matching and relevance")
struct SearchMatchingTests {
    typealias T = SearchTestCatalogue

    @Test func accentsAndCaseDoNotMatter() throws {
        let products = [T.product("1", title: "Café Crème Intense"), T.product("2", title: "Tea")]
        #expect(try T.skus(products, "cafe ") == ["1"])
        #expect(try T.skus(products, "CAFÉ CREME ") == ["1"])
        #expect(try T.skus(products, "crème") == ["1"])
    }

    @Test func ligaturesAndSharpS() throws {
        let products = [T.product("1", title: "Œufs frais"), T.product("2", title: "Großer Topf")]
        #expect(try T.skus(products, "oeufs ") == ["1"])
        #expect(try T.skus(products, "grosser ") == ["2"])
        #expect(try T.skus(products, "GROẞER ") == ["2"])
    }

    @Test func hyphenatedWordsMatchJoinedAndSpacedSpellings() throws {
        let products = [
            T.product("dash", title: "T-Shirt cotton"), T.product("joined", title: "Tshirt linen"),
            T.product("spaced", title: "T shirt wool"),
        ]
        #expect(try T.skus(products, "t-shirt ") == ["dash", "joined"])
        #expect(try T.skus(products, "tshirt ") == ["dash", "joined"])
        #expect(try T.skus(products, "t shirt ") == ["dash", "spaced"])
    }

    @Test func apostrophesMatchJoinedAndSpacedSpellings() throws {
        let products = [T.product("1", title: "L'Or Espresso"), T.product("2", title: "Lorraine quiche")]
        #expect(try T.skus(products, "lor ") == ["1"])
        #expect(try T.skus(products, "l or ") == ["1"])
        #expect(try T.skus(products, "L’Or ") == ["1"])
        #expect(try T.skus(products, "lor") == ["1", "2"])
    }

    @Test func allWordsMustMatch() throws {
        let products = [
            T.product("1", title: "Coffee beans"), T.product("2", title: "Coffee mug"), T.product("3", title: "Beans"),
        ]
        #expect(try T.skus(products, "coffee beans ") == ["1"])
        #expect(try T.skus(products, "coffee ") == ["1", "2"])
        #expect(try T.skus(products, "coffee tea ") == [])
    }

    @Test func onlyTheLastWordIsAPrefixAndOnlyWhileTyping() throws {
        let products = [T.product("1", title: "Coffee beans"), T.product("2", title: "Coffeemaker basic")]
        #expect(try T.skus(products, "coff") == ["1", "2"])
        #expect(try T.skus(products, "coff ") == [])
        #expect(try T.skus(products, "coff bea") == [])
        #expect(try T.skus(products, "coffee bea") == ["1"])
        #expect(try T.skus(products, "bea coffee") == [])
    }

    @Test func everyFieldIsSearched() throws {
        let products = [
            T.product("title", title: "Zebra"), T.product("brand", title: "x", brand: "Zebra Inc"),
            T.product("category", title: "x", category: "zebra-things"), T.product("tag", title: "x", tags: ["zebra"]),
            T.product("description", title: "x", description: "A zebra pattern."), T.product("none", title: "x"),
        ]
        #expect(try T.skus(products, "zebra ") == ["title", "brand", "category", "tag", "description"])
    }

    @Test func titleOutranksBrandOutranksCategoryAndTagsOutrankDescription() throws {
        let products = [
            T.product("description", title: "x", description: "zebra"), T.product("tag", title: "x", tags: ["zebra"]),
            T.product("brand", title: "x", brand: "Zebra"), T.product("title", title: "Zebra"),
            T.product("category", title: "x", category: "zebra"),
        ]
        #expect(try T.skus(products, "zebra ") == ["title", "brand", "tag", "category", "description"])
    }

    @Test func exactWordOutranksPrefixInTheSameField() throws {
        let products = [T.product("prefix", title: "Zebras"), T.product("exact", title: "Zebra")]
        #expect(try T.skus(products, "zebra") == ["exact", "prefix"])
        let fieldsFirst = [T.product("descriptionExact", title: "x", description: "zebra"), T.product("titlePrefix", title: "Zebras")]
        #expect(try T.skus(fieldsFirst, "zebra") == ["titlePrefix", "descriptionExact"])
    }

    @Test func scoresAddUpOverWordsWithTheBestFieldOfEach() throws {
        let products = [
            T.product("one", title: "Red", description: "red shoe"), T.product("both", title: "Red shoe"),
            T.product("desc", title: "x", description: "red shoe"),
        ]
        #expect(try T.skus(products, "red shoe ") == ["both", "one", "desc"])
    }

    @Test func tiesKeepCatalogueOrder() throws {
        let products = (0..<20).map { T.product("\($0)", title: "Same title") }
        #expect(try T.skus(products, "same ") == products.map(\.sku))
    }

    @Test func emptyTextWithRelevanceIsCatalogueOrder() throws {
        let products = [T.product("b", title: "B"), T.product("a", title: "A"), T.product("c", title: "C")]
        #expect(try T.skus(products, "") == ["b", "a", "c"])
        #expect(try T.skus(products, "!!!") == ["b", "a", "c"])
    }

    @Test func unknownWordMatchesNothing() throws {
        let products = [T.product("1", title: "Coffee")]
        let results = try T.search(products, "zzz coffee")
        #expect(results.total == 0)
        #expect(results.positions(offset: 0, limit: 10) == [])
        #expect(results.brandFacets == [])
        #expect(results.categoryFacets == [])
    }

    @Test func emptyCatalogue() throws {
        let results = try T.search([], "coffee brand:illy")
        #expect(results.total == 0)
        #expect(try T.search([], "").total == 0)
    }
}
