import ShopCore
import Testing
@testable import ShopTUI

/// Stars that say what they rest on, on the demo catalogue: a reviewed page with its count, a page
/// without reviews, a catalogue's own rating marked as such, a variant's page reading its own
/// reviews first, and result rows with their counts. Golden text and styles, as `SnapshotTests`.
@Suite struct RatingSnapshotTests {
    /// The demo shop with `query` searched and the results focused.
    static func searched(_ query: String, width: Int, height: Int) -> AppState {
        var state = ReadingSnapshotTests.demo(width: width, height: height)
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, query)
        Fixtures.press(&state, .enter)
        return state
    }

    /// The page of the product titled `title`, found by searching `query`.
    static func page(_ title: String, query: String, width: Int, height: Int) throws -> AppState {
        var state = searched(query, width: width, height: height)
        let position = try #require(state.shop.catalogue.products.firstIndex { $0.title == title })
        let row = try #require(state.results.positions(offset: 0, limit: 100).firstIndex(of: position))
        for _ in 0..<row { Fixtures.press(&state, .down) }
        Fixtures.press(&state, .enter)
        return state
    }

    /// A shop of one product with a catalogue rating and no review, as a Shopify or DummyJSON import may hold.
    static func catalogueRated(width: Int, height: Int) -> AppState {
        let product = Product(
            sku: "IMP-000042", title: "Stoneware Teapot 1 L", brand: "Atelier Grès", category: "kitchen",
            description: "Hand-thrown teapot with a strainer.", price: Money(minorUnits: 4200, currency: .eur), stockOnHand: 12,
            rating: Rating(hundredths: 400))
        var state = AppState(shop: ShopState(catalogue: Catalogue(products: [product])), shopper: .local, width: width, height: height,
                             themes: ThemeCatalog.bundled().themes, locale: .enUS)
        Fixtures.press(&state, .enter)
        return state
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func aPageWithoutReviewsSaysSo(width: Int, height: Int) throws {
        let state = try Self.page("Café de Altura Chiapas", query: "chiapas", width: width, height: height)
        let canvas = ShopView.render(state)
        try assertSnapshot(canvas, named: "product-page-no-reviews-\(width)x\(height)")
        let text = canvas.text()
        #expect(text.contains("No reviews yet"))
        #expect(!text.contains("★"), "no star without a review")
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func aCatalogueRatingIsMarkedAsTheCatalogues(width: Int, height: Int) throws {
        let canvas = ShopView.render(Self.catalogueRated(width: width, height: height))
        try assertSnapshot(canvas, named: "product-page-catalogue-rating-\(width)x\(height)")
        let text = canvas.text()
        #expect(text.contains("★★★★☆ 4.0 of 5 (catalogue rating)"))
        #expect(text.contains("No reviews yet") || text.contains("no reviews yet"))
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func aVariantsPageReadsItsOwnReviewsFirst(width: Int, height: Int) throws {
        var state = try Self.page("Café Huehuetenango Lavado – Whole bean", query: "huehuetenango", width: width, height: height)
        if width < 100 { Fixtures.press(&state, .pageDown) }
        let canvas = ShopView.render(state)
        try assertSnapshot(canvas, named: "product-page-variant-reviews-\(width)x\(height)")
        let lines = canvas.text().split(separator: "\n").map(String.init)
        let aiko = try #require(lines.firstIndex { $0.contains("Aiko N. · 30 Jun 2026") })
        let marta = try #require(lines.firstIndex { $0.contains("Marta Kowalska · 21 Sep 2025") })
        #expect(aiko < marta)
        #expect(lines[marta + 1].contains("about: Espresso grind"))
        #expect(!lines[aiko + 1].contains("about:"))
    }

    /// `sort:rating` on the demo catalogue: counts beside the stars, reviewed products by their
    /// average, products nobody reviewed last with nothing in the column.
    @Test(arguments: [(100, 30), (200, 60)])
    func resultRowsShowTheCountBesideTheStars(width: Int, height: Int) throws {
        let state = Self.searched("coffee sort:rating", width: width, height: height)
        let canvas = ShopView.render(state)
        try assertSnapshot(canvas, named: "results-ratings-\(width)x\(height)")
        let text = canvas.text()
        let products = state.shop.catalogue.products
        let shown = state.results.positions(offset: 0, limit: state.results.total).map { products[$0] }
        let best = try #require(shown.first?.rating)
        let count = shown[0].reviews.count
        #expect(text.contains(width >= 200 ? "★\(best.label) · \(count) review" : "★\(best.label) (\(count))"), "\(shown[0].sku)")
        let firstUnrated = try #require(shown.firstIndex { $0.rating == nil })
        #expect(shown[firstUnrated...].allSatisfy { $0.rating == nil }, "unrated products come last")
        #expect(shown[..<firstUnrated].allSatisfy { !$0.reviews.isEmpty }, "every shown rating rests on reviews")
    }
}
