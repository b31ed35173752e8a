import Testing
@testable import ShopCore

@Suite("Search forgives typos")
struct SearchTypoTests {
    typealias T = SearchTestCatalogue

    static let products = [
        T.product("coffee", title: "Coffee beans Arabica"),
        T.product("grinder", title: "Burr grinder", description: "grinds coffee"),
        T.product("kettle", title: "Gooseneck kettle"),
        T.product("espresso", title: "Espresso machine"),
        T.product("chocolate", title: "Chocolate bar", description: "dark chocolate"),
    ]

    @Test func editDistanceCountsTranspositionsAsOne() {
        #expect(EditDistance.between("coffee", "coffee", limit: 2) == 0)
        #expect(EditDistance.between("cofee", "coffee", limit: 2) == 1)
        #expect(EditDistance.between("ocffee", "coffee", limit: 2) == 1)
        #expect(EditDistance.between("cofefe", "coffee", limit: 2) == 1)
        #expect(EditDistance.between("kettle", "kettel", limit: 1) == 1)
        #expect(EditDistance.between("kettle", "ketlte", limit: 1) == 1)
        #expect(EditDistance.between("kettle", "kxttxe", limit: 1) == nil)
        #expect(EditDistance.between("kettle", "kxttxe", limit: 2) == 2)
        #expect(EditDistance.between("abc", "abcdef", limit: 2) == nil)
    }

    @Test func allowedEditsGrowWithTheWord() {
        #expect(WordCorrection.allowedEdits(forLength: 3) == 0)
        #expect(WordCorrection.allowedEdits(forLength: 4) == 1)
        #expect(WordCorrection.allowedEdits(forLength: 7) == 1)
        #expect(WordCorrection.allowedEdits(forLength: 8) == 2)
    }

    @Test func aWordOneEditAwayIsCorrectedAndSaidSo() throws {
        let results = try T.search(Self.products, "cofee ")
        #expect(results.corrections == [WordCorrection(typed: "cofee", searched: "coffee")])
        #expect(try T.skus(Self.products, "cofee ") == ["coffee", "grinder"])
        #expect(results.correctionNotice == "Showing results for coffee")
    }

    @Test func aTranspositionIsOneEdit() throws {
        #expect(try T.skus(Self.products, "ketlte ") == ["kettle"])
        #expect(try T.skus(Self.products, "kettel") == ["kettle"])
    }

    @Test func theLastWordBeingTypedIsCorrectedOnlyWhenNothingStartsWithIt() throws {
        // "gri" starts "grinder": a prefix, not a typo.
        #expect(try T.search(Self.products, "gri").corrections.isEmpty)
        #expect(try T.skus(Self.products, "gri") == ["grinder"])
        #expect(try T.search(Self.products, "burr grinedr").corrections == [WordCorrection(typed: "grinedr", searched: "grinder")])
    }

    @Test func aFinishedWordThatOnlyStartsACatalogueWordIsCorrected() throws {
        // Followed by a space, "chocolat" is a whole word: it matches nothing as typed.
        #expect(try T.search(Self.products, "chocolat ").corrections == [WordCorrection(typed: "chocolat", searched: "chocolate")])
        #expect(try T.skus(Self.products, "chocolat ") == ["chocolate"])
    }

    @Test func shortWordsAreNotCorrectedAndLongOnesTakeTwoEdits() throws {
        let products = [T.product("1", title: "Bar stool"), T.product("2", title: "Chocolate")]
        // Three letters: too many short words are one edit apart.
        #expect(try T.skus(products, "baz ").isEmpty)
        // Seven letters or fewer: one edit only.
        #expect(try T.skus(products, "stoxx ").isEmpty)
        // Eight and more: two edits.
        #expect(try T.skus(products, "chocolqtx ") == ["2"])
        #expect(try T.skus(products, "chxcolqtx ").isEmpty)
    }

    @Test func aWordThatMatchesAsTypedIsNeverCorrected() throws {
        // "kettles" is one edit from "kettle", but it is a word of the catalogue itself.
        let products = [T.product("1", title: "Kettle"), T.product("2", title: "Kettles set")]
        let results = try T.search(products, "kettles ")
        #expect(results.corrections.isEmpty)
        #expect(try T.skus(products, "kettles ") == ["2"])
        #expect(try T.search(Self.products, "coffee beans ").corrections.isEmpty)
        #expect(try T.search(Self.products, "coffee beans ").correctionNotice == nil)
    }

    @Test func onlyTheMisspeltWordsOfAQueryAreCorrected() throws {
        let results = try T.search(Self.products, "dark chocolat ")
        #expect(results.corrections == [WordCorrection(typed: "chocolat", searched: "chocolate")])
        #expect(results.correctionNotice == "Showing results for dark chocolate")
        #expect(results.total == 1)
    }

    @Test func theClosestWordWinsThenTheMostCommon() throws {
        let products = [
            T.product("1", title: "Lamp"), T.product("2", title: "Lamb"), T.product("3", title: "Lamb chops"),
            T.product("4", title: "Lampshade"),
        ]
        // "lamx" is one edit from both "lamp" and "lamb"; "lamb" is in more products.
        #expect(try T.search(products, "lamx ").corrections == [WordCorrection(typed: "lamx", searched: "lamb")])
        #expect(try T.skus(products, "lamx ") == ["2", "3"])
    }

    @Test func aCorrectedWordScoresBelowAnyMatchAsTyped() {
        let index = SearchIndex(products: Self.products)
        let exact = index.wordMatch("coffee", isPrefix: false)
        let prefix = index.wordMatch("coff", isPrefix: true)
        let corrected = index.correctedMatch("cofee")!
        let term = exact.termIDs[0]
        for field in SearchField.allCases {
            #expect(corrected.score(weight: field.weight, term: term) < exact.score(weight: field.weight, term: term))
            #expect(corrected.score(weight: field.weight, term: term) < prefix.score(weight: field.weight, term: term))
            #expect(corrected.score(weight: field.weight, term: term) > 0)
        }
    }

    @Test func numbersAreNotGuessedAt() throws {
        let products = [T.product("1", title: "Model 12345"), T.product("2", title: "Cable")]
        #expect(try T.skus(products, "12346 ").isEmpty)
        #expect(try T.search(products, "12346 ").corrections.isEmpty)
    }

    @Test func wordsAddedAfterTheBuildCanBeCorrectedTo() throws {
        var index = SearchIndex(products: Self.products)
        index.update(T.product("new", title: "Porcelain teapot"), at: Self.products.count)
        let results = index.search(try SearchQuery.parse("porcelian "))
        #expect(results.corrections == [WordCorrection(typed: "porcelian", searched: "porcelain")])
        #expect(results.total == 1)
    }

    @Test func aWordRemovedFromEveryProductIsNoLongerOffered() throws {
        var index = SearchIndex(products: Self.products)
        index.update(T.product("kettle", title: "Gooseneck pot"), at: 2)
        #expect(index.search(try SearchQuery.parse("kettel ")).total == 0)
        #expect(index.search(try SearchQuery.parse("kettel ")).corrections.isEmpty)
    }
}
