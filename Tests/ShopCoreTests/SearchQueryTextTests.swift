import Testing
@testable import ShopCore

/// Editing a query's text as the Filters pane does: the rest stays as typed, and what is written
/// parses back to the filter meant.
@Suite("Search: editing a query's text")
struct SearchQueryTextTests {
    @Test(arguments: [
        ("coffee", "brand:Lavazza coffee"),
        ("coff", "brand:Lavazza coff"),
        ("coffee brand:illy", "coffee brand:illy,Lavazza"),
        ("", "brand:Lavazza"),
        ("coffee ", "brand:Lavazza coffee "),
    ])
    func addingABrandGoesAfterTheFiltersAndKeepsTheWords(text: String, expected: String) throws {
        let edited = QueryText.adding("Lavazza", to: "brand", in: text)
        #expect(edited == expected)
        #expect(try SearchQuery.parse(edited).brands.contains("lavazza"))
        #expect(try SearchQuery.parse(edited).words == SearchQuery.parse(text).words)
    }

    @Test func aNameWithASpaceIsQuotedAndReadsBack() throws {
        let edited = QueryText.adding("de Buyer", to: "brand", in: "pan")
        #expect(edited == "brand:\"de Buyer\" pan")
        #expect(try SearchQuery.parse(edited).brands == ["de buyer"])
        #expect(QueryText.removing(valuesNaming: "de buyer", from: "brand", in: edited) == "pan")
    }

    @Test(arguments: [
        ("coffee brand:lavazza,illy", "lavazza", "coffee brand:illy"),
        ("coffee brand:lavazza", "lavazza", "coffee"),
        ("brand:arbois coffee", "brulerie arbois", "coffee"),
        ("cat:kitchen category:groceries tea", "groceries", "cat:kitchen tea"),
        ("brand:\"de buyer\",illy pan", "de buyer", "brand:illy pan"),
        ("brand:illy", "lavazza", "brand:illy"),
    ])
    func removingTakesOutEveryValueThatNamesIt(text: String, name: String, expected: String) {
        let key = text.contains("cat") ? "cat" : "brand"
        #expect(QueryText.removing(valuesNaming: name, from: key, in: text) == expected)
    }

    @Test func settingReplacesInPlaceAddsOrRemoves() {
        #expect(QueryText.setting("sort", to: "price", in: "tea sort:rating in:stock") == "tea sort:price in:stock")
        #expect(QueryText.setting("sort", to: nil, in: "tea sort:rating in:stock") == "tea in:stock")
        #expect(QueryText.setting("price", to: "10..25", in: "tea") == "price:10..25 tea")
        #expect(QueryText.setting("price", to: "..20", in: "in:stock tea") == "in:stock price:..20 tea")
        #expect(QueryText.setting("rating", to: "4", in: "rating:3 tea rating:2") == "rating:4 tea")
        #expect(QueryText.removingFilters(in: "brand:illy coffee in:stock \"cold brew\" ") == "coffee \"cold brew\" ")
    }

    @Test func aWordNamesAFacetOnlyAsWholeWords() {
        #expect(QueryText.filterValue("arbois", names: "brulerie arbois"))
        #expect(QueryText.filterValue("brulerie arbois", names: "brulerie arbois"))
        #expect(!QueryText.filterValue("arb", names: "brulerie arbois"))
        #expect(!QueryText.filterValue("", names: "brulerie arbois"))
    }

    static let typedRanges: [(String, Int64?, Int64?)] = [
        ("10-25", 100_000, 250_000), ("-20", nil, 200_000), ("50-", 500_000, nil),
        ("4.5 – 9,99", 45_000, 99_900), ("10..25", 100_000, 250_000), ("€5-€8", 50_000, 80_000),
    ]

    @Test(arguments: typedRanges)
    func aTypedRangeReads(text: String, lower: Int64?, upper: Int64?) throws {
        let range = try PriceRange.parse(typed: text)
        #expect(range.lowerTenThousandths == lower)
        #expect(range.upperTenThousandths == upper)
        #expect(try SearchQuery.parse("price:" + range.queryValue).priceRange == range)
    }

    @Test(arguments: ["10", "-", "abc-20", "10-x", "", "1-2-3"])
    func aTypedRangeThatDoesNotReadSaysHowToWriteIt(text: String) {
        #expect(throws: QueryError.invalidTypedPrice(text)) { try PriceRange.parse(typed: text) }
        #expect(QueryError.invalidTypedPrice(text).description.contains("type e.g. 10-25, -20 or 50-"))
    }

    @Test func aTypedRangeUpsideDownIsRefused() {
        #expect(throws: QueryError.priceMinimumAboveMaximum(minimum: "25", maximum: "10")) { try PriceRange.parse(typed: "25-10") }
    }

    @Test func rangesInWords() {
        #expect(PriceRange(lowerTenThousandths: 100_000, upperTenThousandths: 255_000).words == "10 to 25.5")
        #expect(PriceRange(lowerTenThousandths: nil, upperTenThousandths: 200_000).words == "up to 20")
        #expect(PriceRange(lowerTenThousandths: 500_000, upperTenThousandths: nil).words == "50 and more")
    }
}
