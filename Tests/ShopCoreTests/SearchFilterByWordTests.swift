import Testing
@testable import ShopCore

@Suite("brand: and cat: by word, and did you mean")
struct SearchFilterByWordTests {
    typealias T = SearchTestCatalogue

    static let products = [
        T.product("arbois", title: "Espresso", brand: "Brûlerie Arbois", category: "Coffee & Tea"),
        T.product("lavazza", title: "Espresso", brand: "Lavazza", category: "Coffee & Tea"),
        T.product("buyer", title: "Pan", brand: "De Buyer", category: "Kitchen"),
        T.product("samovar", title: "Tea", brand: "Samovar & Sons", category: "Coffee & Tea"),
    ]

    @Test func aWordOfTheBrandMatchesFoldedAsWellAsTheWholeName() throws {
        #expect(try T.skus(Self.products, "brand:brulerie") == ["arbois"])
        #expect(try T.skus(Self.products, "brand:ARBOIS") == ["arbois"])
        #expect(try T.skus(Self.products, "brand:\"Brûlerie Arbois\"") == ["arbois"])
        #expect(try T.skus(Self.products, "brand:buyer") == ["buyer"])
        #expect(try T.skus(Self.products, "brand:samovar,lavazza") == ["lavazza", "samovar"])
        #expect(try T.search(Self.products, "brand:brulerie").filterProblem == nil)
    }

    @Test func aWordOfTheCategoryMatches() throws {
        #expect(try T.skus(Self.products, "cat:tea") == ["arbois", "lavazza", "samovar"])
        #expect(try T.skus(Self.products, "cat:coffee brand:buyer").isEmpty)
        #expect(try T.search(Self.products, "cat:coffee brand:buyer").filterProblem == nil)
    }

    @Test func wordsMustFollowEachOtherAsInTheName() throws {
        #expect(try T.skus(Self.products, "brand:\"arbois brulerie\"").isEmpty)
        #expect(try T.skus(Self.products, "cat:\"coffee tea\"") == ["arbois", "lavazza", "samovar"])
    }

    @Test func anUnknownBrandIsAnsweredWithTheClosest() throws {
        let results = try T.search(Self.products, "brand:lavaza")
        #expect(results.total == 0)
        #expect(results.filterProblem == .unknownBrand("lavaza", closest: ["Lavazza"]))
        #expect(results.filterProblem?.description == "no brand 'lavaza': did you mean Lavazza?")
    }

    @Test func aMisspeltWordOfABrandFindsTheBrand() throws {
        #expect(try T.search(Self.products, "brand:arboi").filterProblem == .unknownBrand("arboi", closest: ["Brûlerie Arbois"]))
    }

    @Test func anUnknownCategorySaysSo() throws {
        let results = try T.search(Self.products, "cat:kitchn")
        #expect(results.filterProblem == .unknownCategory("kitchn", closest: ["Kitchen"]))
        #expect(results.filterProblem?.description == "no category 'kitchn': did you mean Kitchen?")
    }

    @Test func nothingCloseSaysWhereTheNamesAre() throws {
        let results = try T.search(Self.products, "brand:zzzzzzzzz")
        #expect(results.filterProblem == .unknownBrand("zzzzzzzzz", closest: []))
        #expect(results.filterProblem?.description.hasPrefix("no brand 'zzzzzzzzz' in the catalogue") == true)
    }

    @Test func oneUnknownValueAmongKnownOnesIsStillSaid() throws {
        let results = try T.search(Self.products, "brand:lavazza,ily")
        #expect(results.total == 1)
        #expect(results.filterProblem != nil)
    }

    @Test func severalCloseNamesAreListedNearestFirst() {
        let problem = QueryError.unknownBrand("x", closest: ["A", "B", "C"])
        #expect(problem.description == "no brand 'x': did you mean A, B or C?")
    }
}
