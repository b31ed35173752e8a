import ShopCore
import Testing
@testable import ShopTUI

/// Screens that read at 80 columns and use the room at 200: variant titles that stay distinct,
/// a product page that never cuts its SKU and shows reviews, status lines that keep what
/// matters, order states abbreviated as a set. Golden text and styles, as `SnapshotTests`.
@Suite struct ReadingSnapshotTests {
    static func demo(width: Int, height: Int) -> AppState {
        AppState(shop: ShopState(catalogue: DemoCatalogue.catalogue), shopper: .local, width: width, height: height,
                 themes: ThemeCatalog.bundled().themes, locale: .enUS)
    }

    /// The demo shop with `text` searched and the results focused.
    static func searched(_ text: String, width: Int = 80, height: Int = 24) -> AppState {
        var state = demo(width: width, height: height)
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, text)
        Fixtures.press(&state, .enter)
        return state
    }

    /// The product page of the demo product titled `title`.
    static func productPage(_ title: String, width: Int, height: Int) throws -> AppState {
        var state = searched("huehuetenango", width: width, height: height)
        let position = try #require(state.shop.catalogue.products.firstIndex { $0.title == title })
        let row = try #require(state.results.positions(offset: 0, limit: 50).firstIndex(of: position))
        for _ in 0..<row { Fixtures.press(&state, .down) }
        Fixtures.press(&state, .enter)
        return state
    }

    @Test func variantsKeepTheirDistinguishingEndAt80Columns() throws {
        let state = Self.searched("huehuetenango")
        let canvas = ShopView.render(state)
        try assertSnapshot(canvas, named: "variants-80x24")
        let rows = canvas.text().split(separator: "\n").filter { $0.contains("Café Hue") }
        #expect(rows.count == 3)
        #expect(Set(rows.map { $0.prefix(24) }).count == 3, "\(rows)")
        #expect(rows.contains { $0.contains("Espresso") } && rows.contains { $0.contains("Filter") })
    }

    @Test func theProductPageWithItsReviewsAt80Columns() throws {
        var state = try Self.productPage("Café Huehuetenango Lavado – Espresso", width: 80, height: 24)
        let canvas = ShopView.render(state)
        try assertSnapshot(canvas, named: "product-page-80x24")
        let text = canvas.text()
        #expect(text.contains("SKU COF-NAN-003"))
        #expect(text.contains("★★★★★ 4.7 of 5 · 3 reviews of all grinds"))
        Fixtures.press(&state, .pageDown)
        let scrolled = ShopView.render(state)
        try assertSnapshot(scrolled, named: "product-page-reviews-80x24")
        // The espresso page: the review of the espresso grind first, the filter one named as such.
        let lines = scrolled.text().split(separator: "\n").map(String.init)
        let marta = try #require(lines.firstIndex { $0.contains("★★★★★ Marta Kowalska · 21 Sep 2025") })
        let julien = try #require(lines.firstIndex { $0.contains("★★★★☆ Julien P. · 14 Jan 2026") })
        #expect(marta < julien)
        #expect(lines[julien + 1].contains("about: Filter grind"))
        #expect(!lines[marta + 1].contains("about:"))
    }

    @Test func theProductPageUsesTheRoomAt200Columns() throws {
        let state = try Self.productPage("Café Huehuetenango Lavado – Espresso", width: 200, height: 60)
        let canvas = ShopView.render(state)
        try assertSnapshot(canvas, named: "product-page-200x60")
        let lines = canvas.text().split(separator: "\n")
        let reviewsRow = try #require(lines.first { $0.contains("Reviews of all grinds · 3 · average 4.7 ★") })
        #expect(reviewsRow.contains("Washed Guatemalan coffee"), "description and reviews side by side")
    }

    @Test func theSKUIsNeverCut() {
        let product = Product(
            sku: "LONG-SKU-000123", title: "A product", brand: "An extraordinarily long brand name for a maker",
            category: "a category whose name goes on and on", price: Money(minorUnits: 1000, currency: .eur), stockOnHand: 9)
        for width in [40, 60, 80, 120] {
            var state = AppState(shop: ShopState(catalogue: Catalogue(products: [product])), shopper: .local, width: width, height: 24,
                                 themes: ThemeCatalog.bundled().themes, locale: .enUS)
            Fixtures.press(&state, .enter)
            #expect(ShopView.render(state).text().contains("SKU LONG-SKU-000123"), "at \(width) columns")
        }
    }

    @Test func aStatusLineKeepsWhatMattersAt80Columns() throws {
        var state = Self.searched("huehuetenango")
        state.status = StatusMessage("Added 1 × Café Huehuetenango Lavado – Whole bean to the cart")
        let canvas = ShopView.render(state)
        try assertSnapshot(canvas, named: "status-added-80x24")
        #expect(canvas.text().contains(" Added 1 × Café Huehuetenango Lavado – Whole bean to the cart"))
        state.status = StatusMessage(QueryError.invalidTypedPrice("10-x").description, isError: true)
        let error = ShopView.render(state).text().split(separator: "\n")[22]
        #expect(error.hasPrefix(" '10-x' is not a price range: type e.g. 10-25, -20 or 50-"))
        #expect(error.hasSuffix("3 of 322 products"))
        #expect(!error.contains("…"))
    }

    @Test func orderStatesAbbreviateAsASetAt80Columns() throws {
        var shop = try AfterSalesShop()
        let delivered = try shop.order()
        try shop.deliver(delivered)
        let canceled = try shop.order([("FLT-HAR-1", 1)])
        try shop.trade(.cancelOrder(orderNumber: canceled, by: .local))
        try shop.order([("KET-SMG-1", 1)])
        var state = shop.appState(width: 80, height: 24)
        Fixtures.press(&state, .character("4"))
        let canvas = ShopView.render(state)
        try assertSnapshot(canvas, named: "orders-states-80x24")
        let text = canvas.text()
        #expect(text.contains("done · paid · delivered"))
        #expect(text.contains("canceled·refunded·to ship"))
        #expect(text.contains("placed · paid · packing"))
        #expect(text.contains("✗ canceled · by you"))
        #expect(!text.contains("ful…") && !text.contains("unfulf"))
    }

    /// Reviews as DummyJSON carries them (ISO timestamps, any star count) read on the page, with their
    /// count beside the catalogue's rating.
    @Test func importedReviewsShowWithTheirDateCountAndAverage() {
        let product = Product(
            sku: "DJ-1", title: "Essence Mascara Lash Princess", brand: "Essence", category: "beauty",
            price: Money(minorUnits: 999, currency: .eur), stockOnHand: 9, rating: Rating(hundredths: 294),
            reviews: [
                Review(rating: 2, comment: "Very unhappy with my purchase!", date: "2024-05-23T08:56:21.618Z", reviewerName: "John Doe"),
                Review(rating: 5, comment: "Very satisfied!", date: "2024-05-23T08:56:21.618Z", reviewerName: "Nolan Gonzalez"),
                Review(rating: 9, comment: "Out of range stars are shown as five.", date: "yesterday", reviewerName: "X"),
            ])
        var state = AppState(shop: ShopState(catalogue: Catalogue(products: [product])), shopper: .local, width: 200, height: 60,
                             themes: ThemeCatalog.bundled().themes, locale: .enUS)
        // DummyJSON's rating is kept, but its three reviews average 4.0: it is the catalogue's, and says so.
        #expect(ShopView.render(state).text().contains("★2.9 cat. (3)"))
        Fixtures.press(&state, .enter)
        let text = ShopView.render(state).text()
        #expect(text.contains("★★★☆☆ 2.9 of 5 (catalogue rating) · 3 reviews"))
        #expect(text.contains("Reviews · 3 · average 4.0 ★"))
        #expect(text.contains("★★☆☆☆ John Doe · 23 May 2024"))
        #expect(text.contains("★★★★★ X · yesterday"))
    }
}
