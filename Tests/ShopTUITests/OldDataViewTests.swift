import Testing
import ShopCore
@testable import ShopTUI

/// The terminal shop opens on a state written before the limits (an absurd price in the cart,
/// an absurd clock offset): it draws, and the cart says why it cannot be totalled.
@Suite("Old data in the terminal shop")
struct OldDataViewTests {
    @Test func anAbsurdPriceAndOffsetDrawWithTheCartRefusal() {
        let gold = Product(sku: "GOLD", title: "Gold", brand: "Mint", category: "Luxury",
                           price: Money(minorUnits: 5_000_000_000_000_000_000, currency: .eur), previousPrice: Money(minorUnits: .max, currency: .eur),
                           stockOnHand: 5)
        var shop = ShopState(catalogue: Catalogue(products: Array(Fixtures.catalogue.products) + [gold]),
                             carts: Carts(guests: ["local": Cart(lines: [CartLine(sku: "GOLD", quantity: .max)])], accounts: [:]))
        shop.apply(.commerce(.clockAdvanced(seconds: 2_562_047_787_516_211 * 3_600)))
        let themes = ThemeCatalog.bundled().themes
        var state = AppState(shop: shop, shopper: .local, width: 120, height: 40, themes: themes, themeIndex: 0, colourDepth: .indexed256, locale: .enUS)
        Fixtures.press(&state, .character("3"))
        let screen = ShopView.render(state).text()
        #expect(screen.contains("the cart total is too large"))
        Fixtures.press(&state, .character("1"), .end, .enter)
        _ = ShopView.render(state).text()
    }
}
