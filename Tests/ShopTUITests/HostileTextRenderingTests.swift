import ShopCore
import Testing
@testable import ShopTUI

/// The canvas draws data through `TextSanitizer` (unit-tested in ShopCoreTests).
@Suite struct HostileTextRenderingTests {
    @Test func hostileProductTitleRendersHarmless() {
        let hostile = Product(sku: "EVIL-1", title: "Free \u{1b}]0;pwned\u{07}gift \u{202e}gnp.exe", brand: "X\u{1b}[2J",
                              category: "misc", price: Money(minorUnits: 100, currency: .eur), stockOnHand: 5)
        var state = AppState(shop: ShopState(catalogue: Catalogue(products: [hostile])), shopper: .local, width: 120, height: 30,
                             themes: ThemeCatalog.bundled().themes, locale: .enUS)
        for canvas in [ShopView.render(state), { Fixtures.press(&state, .enter); return ShopView.render(state) }()] {
            for cell in canvas.cells {
                for scalar in cell.grapheme.unicodeScalars {
                    #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
                    #expect(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value))
                }
            }
            #expect(canvas.text().contains("Free �gift �gnp.exe"))
        }
    }
}
