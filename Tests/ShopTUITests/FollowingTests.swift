import Foundation
import ShopCore
import ShopStore
import Testing
@testable import ShopTUI

/// The screen following what other processes commit: the shop changes under the customer, who keeps
/// what they typed and what they selected.
@Suite struct FollowingTests {
    static let coffeeGrinder = Product(
        sku: "GRN-COF-9", title: "Coffee grinder for coffee beans, coffee mill", brand: "Zassenhaus", category: "kitchen",
        tags: ["coffee"], price: Fixtures.eur(6900), stockOnHand: 5)

    @Test func theSearchBeingTypedStaysAndRunsAgainOnTheNewCatalogue() {
        var state = Fixtures.state(width: 120, height: 30)
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, "grind")
        #expect(state.results.total == 0)
        var shop = state.shop
        shop.apply(.productsUpserted([Self.coffeeGrinder]))
        _ = update(&state, .shopChanged(shop, catalogueChanged: true))
        #expect(state.search == SearchBox(text: "grind", isEditing: true))
        #expect(state.results.total == 1)
        #expect(state.selectedProduct?.sku == "GRN-COF-9")
        Fixtures.type(&state, "er")
        #expect(state.search.text == "grinder")
        #expect(state.results.total == 1)
    }

    @Test func theSelectionStaysOnItsProductWhenAnImportPutsAnotherBeforeIt() throws {
        var state = Fixtures.state(width: 120, height: 30)
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, "coffee")
        Fixtures.press(&state, .enter, .down)
        let selected = try #require(state.selectedProduct?.sku)
        let row = state.catalogueCursor.selected
        var shop = state.shop
        shop.apply(.productsUpserted([Self.coffeeGrinder]))
        _ = update(&state, .shopChanged(shop, catalogueChanged: true))
        let positions = state.results.positions(offset: 0, limit: state.results.total)
        let grinder = try #require(shop.catalogue.position(of: "GRN-COF-9"))
        let newRow = try #require(positions.firstIndex(of: grinder))
        #expect(newRow <= row, "the new product comes before the selected one")
        #expect(state.selectedProduct?.sku == selected)
        #expect(state.catalogueCursor.selected == row + 1)
    }

    @Test func theCartLineSelectedStaysSelected() {
        var state = Fixtures.state(width: 120, height: 30, cart: Cart(lines: [CartLine(sku: "COF-LAV-1", quantity: 1), CartLine(sku: "TEA-MAT-1", quantity: 1)]))
        Fixtures.press(&state, .character("3"), .down)
        #expect(state.cartCursor.selected == 1)
        var shop = state.shop
        shop.apply(.cartLineSet(cart: .local, sku: "COF-LAV-1", quantity: 0))
        _ = update(&state, .shopChanged(shop, catalogueChanged: false))
        #expect(state.cartCursor.selected == 0)
        #expect(state.cart.lines.map(\.sku) == ["TEA-MAT-1"])
    }

    /// The runtime follows a second store on the same folder, as it would another process.
    @Test func theSessionShowsWhatAnotherStoreCommitted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-following-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { Fixtures.products })
        let other = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { [] })
        let state = AppState(shop: store.state, shopper: .local, width: 120, height: 30, themes: ThemeCatalog.bundled().themes, locale: .enUS)
        let session = ShopSession(store: store, state: state, hasher: PlainHasher())
        #expect(!session.follow())
        try other.execute(.addToCart(sku: "KET-SMG-1", quantity: 2, by: .local))
        try other.execute(.importProducts([Self.coffeeGrinder]))
        session.follow()
        session.settle()
        #expect(session.state.cart.quantity(of: "KET-SMG-1") == 2)
        #expect(session.state.shop.catalogue.product(sku: "GRN-COF-9") != nil)
        #expect(session.state.results.total == Fixtures.products.count + 1)
        session.follow()
        session.settle()
        #expect(!session.follow(), "nothing new since")
    }
}
