import ShopCore
import Testing
@testable import ShopTUI

/// The search box and the Filters pane are one state: what is typed ticks, what is ticked is
/// written, both ways; the Price row takes a typed range.
@Suite struct FilterStateTests {
    static func row(_ state: AppState, _ wanted: (FilterItem) -> Bool) throws -> Int {
        let found = state.filterRows.firstIndex(where: wanted)
        return try #require(found)
    }

    static func select(_ state: inout AppState, row: Int) {
        Fixtures.press(&state, .character("2"), .home)
        while state.filtersCursor.selected < row { Fixtures.press(&state, .down) }
    }

    static func brand(_ name: String, selected: Bool) -> (FilterItem) -> Bool {
        { if case let .brand(value, _, ticked) = $0 { return value == name && ticked == selected } else { return false } }
    }

    @Test func typingABrandTicksItAndErasingItUnticks() throws {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, "brand:lavazza ")
        #expect(state.filterRows.contains(.brand("Lavazza", count: 1, selected: true)))
        #expect(state.filterRows.contains(.clear))
        #expect(state.filterRows.contains(.brand("Illy", count: 1, selected: false)))
        for _ in 0..<"brand:lavazza ".count { Fixtures.press(&state, .backspace) }
        #expect(!state.filterRows.contains { Self.brand("Lavazza", selected: true)($0) })
        #expect(state.filters.isEmpty)
    }

    @Test func aWordOfTheNameTicksTheBrand() throws {
        var state = Fixtures.state()
        state.search.text = "brand:koyamaen"
        state.refreshResults(resetSelection: true)
        #expect(state.filterRows.contains(.brand("Marukyu Koyamaen", count: 1, selected: true)))
        let row = try Self.row(state, Self.brand("Marukyu Koyamaen", selected: true))
        Self.select(&state, row: row)
        Fixtures.press(&state, .enter)
        #expect(state.search.text.isEmpty)
        #expect(state.results.total == Fixtures.products.count)
    }

    @Test func tickingWritesIntoTheQueryAndKeepsTheWords() throws {
        var state = Fixtures.state()
        state.search.text = "coffee"
        state.refreshResults(resetSelection: true)
        Self.select(&state, row: try Self.row(state, Self.brand("Illy", selected: false)))
        Fixtures.press(&state, .enter)
        #expect(state.search.text == "brand:Illy coffee")
        #expect(state.results.total == 1)
        Self.select(&state, row: try Self.row(state, Self.brand("Lavazza", selected: false)))
        Fixtures.press(&state, .enter)
        #expect(state.search.text == "brand:Illy,Lavazza coffee")
        #expect(state.results.total == 2)
        Self.select(&state, row: try Self.row(state, Self.brand("Illy", selected: true)))
        Fixtures.press(&state, .enter)
        #expect(state.search.text == "brand:Lavazza coffee")
        Self.select(&state, row: try Self.row(state) { $0 == .inStock })
        Fixtures.press(&state, .enter)
        #expect(state.search.text == "brand:Lavazza in:stock coffee")
        Self.select(&state, row: try Self.row(state) { $0 == .clear })
        Fixtures.press(&state, .enter)
        #expect(state.search.text == "coffee")
    }

    @Test func aTypedPriceOrRatingShowsOnItsRow() throws {
        var state = Fixtures.state()
        state.search.text = "price:12..30 rating:3.5"
        state.refreshResults(resetSelection: true)
        #expect(state.filters.priceLabel(symbol: "€") == "12 to 30 €")
        #expect(state.filters.ratingLabel == "3.5 ★ and up")
        let text = ShopView.render(state).text()
        #expect(text.contains("◂ 12 to 30 € ▸"))
        Self.select(&state, row: try Self.row(state) { $0 == .rating })
        Fixtures.press(&state, .right)
        #expect(state.search.text == "price:12..30 rating:4")
        Fixtures.press(&state, .down, .right)
        #expect(state.search.text == "price:..10 rating:4")
    }

    @Test func aRangeTypedOnThePriceRowIsWrittenIntoTheQuery() throws {
        var state = Fixtures.state()
        Self.select(&state, row: try Self.row(state) { $0 == .price })
        Fixtures.press(&state, .enter)
        #expect(state.priceEntry != nil)
        Fixtures.type(&state, "10-25")
        #expect(ShopView.render(state).text().contains("Price [10-25"))
        Fixtures.press(&state, .enter)
        #expect(state.priceEntry == nil)
        #expect(state.search.text == "price:10..25")
        #expect(state.results.total == 4)
        #expect(state.status == StatusMessage("4 products match"))
        Fixtures.press(&state, .enter)
        Fixtures.type(&state, "50-")
        Fixtures.press(&state, .enter)
        #expect(state.search.text == "price:50..")
        Fixtures.press(&state, .enter)
        Fixtures.press(&state, .enter)
        #expect(state.search.text.isEmpty)
    }

    @Test func aRangeThatDoesNotReadSaysWhyAndStaysOpen() throws {
        var state = Fixtures.state()
        Self.select(&state, row: try Self.row(state) { $0 == .price })
        Fixtures.press(&state, .enter)
        Fixtures.type(&state, "10-x")
        Fixtures.press(&state, .enter)
        #expect(state.priceEntry?.text == "10-x")
        #expect(state.status?.isError == true)
        #expect(state.status?.text.contains("'10-x' is not a price range") == true)
        #expect(state.search.text.isEmpty)
        Fixtures.press(&state, .escape)
        #expect(state.priceEntry == nil)
        #expect(state.focus == .filters)
    }

    @Test func digitsTypeIntoTheRangeInsteadOfJumpingToAPane() throws {
        var state = Fixtures.state()
        Self.select(&state, row: try Self.row(state) { $0 == .price })
        Fixtures.press(&state, .enter)
        Fixtures.type(&state, "1-4")
        #expect(state.focus == .filters)
        #expect(state.priceEntry?.text == "1-4")
    }

    /// The range field edits like every other text field, word moves included.
    @Test func theRangeEditsLikeEveryTextField() throws {
        var state = Fixtures.state()
        Self.select(&state, row: try Self.row(state) { $0 == .price })
        Fixtures.press(&state, .enter)
        Fixtures.type(&state, "10-25")
        Fixtures.press(&state, .wordLeft)
        Fixtures.type(&state, "1")
        #expect(state.priceEntry?.text == "10-125")
        Fixtures.press(&state, .wordRight)
        Fixtures.press(&state, .deleteWordBackward)
        #expect(state.priceEntry?.text == "10-")
        Fixtures.press(&state, .deleteToStart)
        #expect(state.priceEntry?.text == "")
        #expect(state.focus == .filters)
    }

    @Test func thePaneWaitsForAQueryThatReads() throws {
        var state = Fixtures.state()
        state.search.text = "brand:\"de"
        state.refreshResults(resetSelection: true)
        Self.select(&state, row: try Self.row(state) { $0 == .inStock })
        Fixtures.press(&state, .enter)
        #expect(state.search.text == "brand:\"de")
        #expect(state.status?.text.hasPrefix("Fix the search box first: a quote is not closed") == true)
    }

    @Test func thePriceEntryAt80Columns() throws {
        var state = Fixtures.state(width: 80, height: 24)
        Self.select(&state, row: try Self.row(state) { $0 == .price })
        Fixtures.press(&state, .enter)
        Fixtures.type(&state, "-2")
        try assertSnapshot(ShopView.render(state), named: "filters-price-entry-80x24")
    }
}
