import Foundation
import Testing

/// The search box and the Filters pane as one state, a price range typed in the pane, and a product
/// page with its reviews, in the real binary at 80×24.
@Suite(.serialized) struct FiltersAndProductPageInTmuxTests {
    @Test func typingTicksTickingWritesAndAPriceRangeIsTyped() throws {
        let (shop, folder) = try ShopInTmuxTests.start(width: 80, height: 24)
        defer {
            shop.kill()
            try? FileManager.default.removeItem(at: folder)
        }
        try shop.waitFor("1 Catalogue")
        try shop.press("/")
        try shop.type("brand:arbois ")
        try shop.waitFor("Brûlerie Arbois ticked by what was typed") { $0.contains("[x] Brûlerie Arbois") }
        try shop.press("Enter", "2")
        try shop.waitFor("› Sort")
        // Down to the ticked brand (after In stock, Rating, Price, Clear and the Brands heading), untick it.
        try shop.press("Down", "Down", "Down", "Down", "Down")
        try shop.waitFor("the ticked brand selected") { ShopInTmuxTests.selectedLine($0, containing: "[x] Brûlerie Arbois") != nil }
        try shop.press("Enter")
        // The box changes in the key's frame; the results may come a frame later: wait for both.
        try shop.waitFor("the brand taken out of the search box and every product back") { screen in
            !screen.contains("[x]") && screen.contains("Search products")
                && ShopInTmuxTests.productsShown(screen).map { $0.shown == $0.total } == true
        }

        // The Price row takes a typed range.
        try shop.press("Home", "Down", "Down", "Down")
        try shop.waitFor("the Price row selected") { ShopInTmuxTests.selectedLine($0, containing: "Price") != nil }
        try shop.press("Enter")
        try shop.waitFor("Price [")
        try shop.type("10-25")
        try shop.press("Enter")
        try shop.waitFor("the range in the box and on the row, and fewer products") {
            $0.contains("⌕ price:10..25") && $0.contains("10 to 25 €")
                && ShopInTmuxTests.productsShown($0).map { $0.shown < $0.total } == true
        }

        // A range that does not read says why.
        try shop.press("Enter")
        try shop.type("10-x")
        try shop.press("Enter")
        try shop.waitFor("'10-x' is not a price range")
        try shop.press("Escape")
        try shop.press("q")
        try shop.waitFor("comptoir exited with 0")
    }

    @Test func aProductPageShowsItsReviews() throws {
        let (shop, folder) = try ShopInTmuxTests.start(width: 80, height: 24)
        defer {
            shop.kill()
            try? FileManager.default.removeItem(at: folder)
        }
        try shop.waitFor("1 Catalogue")
        try shop.press("/")
        try shop.type("huehuetenango")
        try shop.waitFor("three distinct variants") { $0.contains("Whole bean") && $0.contains("Espresso") && $0.contains("Filter") }
        try shop.press("Enter", "Down", "Enter")
        let page = try shop.waitFor("SKU COF-NAN-003")
        #expect(page.contains("★★★★★ 4.7 of 5 · 3 reviews of all grinds"))
        try shop.press("PPage")
        try shop.press("NPage")
        // The espresso page reads the review of the espresso grind first; the filter one says what it is about.
        let reviews = try shop.waitFor("the espresso review, then the filter one named") {
            $0.contains("Marta Kowalska · 21 Sep 2025") && $0.contains("about: Filter grind")
        }
        let lines = reviews.split(separator: "\n")
        let marta = try #require(lines.firstIndex { $0.contains("Marta Kowalska") })
        let julien = try #require(lines.firstIndex { $0.contains("Julien P.") })
        #expect(marta < julien && lines[julien + 1].contains("about: Filter grind"))
        try shop.press("q")
        try shop.waitFor("comptoir exited with 0")
    }
}
