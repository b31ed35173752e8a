import Testing
@testable import ShopCore

@Suite("Catalogue lookup by SKU")
struct CatalogueLookupTests {
    static func product(_ sku: String) -> Product {
        Product(sku: sku, title: sku, brand: "B", category: "C", price: Money(minorUnits: 100, currency: .eur), stockOnHand: 1)
    }

    @Test func everySKUIsFoundAtItsPositionAfterGrowthAndUpserts() {
        var catalogue = Catalogue(products: (0..<5_000).map { Self.product("S\($0)") })
        // Typed closures: with `$0` alone the compiler infers another literal type for the range here.
        let found = (0..<5_000).allSatisfy { (index: Int) in catalogue.position(of: "S\(index)") == index }
        #expect(found)
        catalogue.upsert((2_500..<7_500).map { Self.product("S\($0)") })
        let all = (0..<7_500).filter { (index: Int) in catalogue.position(of: "S\(index)") != index }
        #expect(all.isEmpty)
        #expect(catalogue.count == 7_500)
        #expect(catalogue.position(of: "S7500") == nil)
        #expect(catalogue.product(sku: "S42")?.sku == "S42")
    }
}
