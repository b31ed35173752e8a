import Testing
@testable import ShopCore

@Suite("Compact currency, rating and SKU index")
struct CompactValuesTests {
    @Test func aCurrencyKeepsItsCodeAndDigitsInSixteenBytesOfMoney() {
        let sek = Currency(code: "SEK", minorUnitDigits: 2)
        #expect(sek.code == "SEK")
        #expect(sek.minorUnitDigits == 2)
        #expect(sek.symbol == "SEK")
        #expect(Currency.eur.code == "EUR" && Currency.eur.symbol == "€")
        #expect(Currency.jpy.minorUnitDigits == 0 && Currency.jpy.minorPerMajor == 1)
        #expect(Currency(code: "", minorUnitDigits: 0).code == "")
        #expect(Currency(code: "EUR", minorUnitDigits: 3) != .eur)
        #expect(MemoryLayout<Money>.size <= 16)
    }

    @Test func codesThatDoNotFitAreRefusedByValidation() {
        #expect(Currency.validated(code: "EURO", minorUnitDigits: 2)?.code == "EURO")
        #expect(Currency.validated(code: "EUROS", minorUnitDigits: 2) == nil)
        #expect(Currency.validated(code: "€€", minorUnitDigits: 2) == nil)
        #expect(Currency.validated(code: "E\u{0}R", minorUnitDigits: 2) == nil)
        #expect(Currency.validated(code: "EUR", minorUnitDigits: -1) == nil)
        #expect(Currency.validated(code: "EUR", minorUnitDigits: 19) == nil)
        #expect(Currency.validated(code: "€", minorUnitDigits: 2)?.code == "€")
    }

    @Test func aRatingStaysWithinZeroToFiveStarsWhenSet() {
        var rating = Rating(hundredths: 430)
        rating.hundredths = 900
        #expect(rating.hundredths == 500)
        rating.hundredths = -3
        #expect(rating.hundredths == 0)
    }

    private func product(_ sku: String) -> Product {
        Product(sku: sku, title: sku, brand: "B", category: "C", price: Money(minorUnits: 100, currency: .eur), stockOnHand: 1)
    }

    @Test func lookupsSurviveGrowthAndUpsertsReplaceInPlace() {
        var catalogue = Catalogue()
        catalogue.upsert((0..<5_000).map { product("S\($0)") })
        #expect(catalogue.count == 5_000)
        var misplaced = 0
        for number in 0..<5_000 where catalogue.position(of: "S\(number)") != number { misplaced += 1 }
        #expect(misplaced == 0)
        #expect(catalogue.product(sku: "S5000") == nil)
        var changed = product("S42")
        changed.title = "changed"
        catalogue.upsert([changed, product("new")])
        #expect(catalogue.count == 5_001)
        #expect(catalogue.product(sku: "S42")?.title == "changed")
        #expect(catalogue.position(of: "new") == 5_000)
    }

    @Test func repeatedSKUsInTheInitialListKeepTheLastProductAtTheFirstPlace() {
        var second = product("A")
        second.title = "second"
        let catalogue = Catalogue(products: [product("A"), product("B"), second])
        #expect(catalogue.count == 2)
        #expect(catalogue.position(of: "A") == 0)
        #expect(catalogue.product(sku: "A")?.title == "second")
    }

    @Test func skusCompareAsSwiftStringsDo() {
        let catalogue = Catalogue(products: [product("caf\u{E9}")])
        #expect(catalogue.position(of: "cafe\u{301}") == 0)
    }

    @Test func modifyCannotChangeTheKey() {
        var catalogue = Catalogue(products: [product("A")])
        catalogue.modify(sku: "A") { $0.sku = "Z"; $0.stockOnHand = 9 }
        #expect(catalogue.product(sku: "A")?.stockOnHand == 9)
        #expect(catalogue.product(sku: "Z") == nil)
    }
}
