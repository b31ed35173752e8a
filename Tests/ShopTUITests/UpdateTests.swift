import ShopCore
import Testing
@testable import ShopTUI

@Suite struct GlobalUpdateTests {
    @Test func tabAndDigitsMoveTheFocus() {
        var state = Fixtures.state()
        Fixtures.press(&state, .tab)
        #expect(state.focus == .filters)
        Fixtures.press(&state, .backTab, .backTab)
        #expect(state.focus == .messages)
        Fixtures.press(&state, .character("3"))
        #expect(state.focus == .cart)
        #expect(state.sidePane == .cart)
        Fixtures.press(&state, .character("1"))
        #expect(state.focus == .catalogue)
        #expect(state.sidePane == .cart)
    }

    @Test func qQuitsAndQuestionMarkOpensHelpThatAnyKeyCloses() {
        var state = Fixtures.state()
        #expect(Fixtures.press(&state, .character("?")).isEmpty)
        #expect(state.showsHelp)
        #expect(Fixtures.press(&state, .character("q")).isEmpty)
        #expect(!state.showsHelp)
        #expect(Fixtures.press(&state, .character("q")) == [.quit])
    }

    @Test func tCyclesThemesLive() {
        var state = Fixtures.state()
        let first = state.theme.name
        Fixtures.press(&state, .character("t"))
        #expect(state.theme.name != first)
        #expect(state.status?.text.hasPrefix("Theme: ") == true)
        for _ in 1..<state.themes.count { Fixtures.press(&state, .character("t")) }
        #expect(state.theme.name == first)
    }

    @Test func resizingKeepsSelectionScrollAndTypedText() {
        var state = Fixtures.state(width: 200, height: 60)
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, "co")
        Fixtures.press(&state, .enter, .down, .down)
        let selected = state.catalogueCursor.selected
        _ = update(&state, .resized(width: 80, height: 24))
        #expect(state.catalogueCursor.selected == selected)
        #expect(state.search.text == "co")
        _ = update(&state, .resized(width: 200, height: 60))
        #expect(state.catalogueCursor.selected == selected)
        #expect(state.layout.mode == .triple)
    }

    @Test func shrinkingScrollsSoTheSelectionStaysVisible() {
        var state = Fixtures.state(width: 80, height: 24)
        Fixtures.press(&state, .end)
        _ = update(&state, .resized(width: 80, height: 12))
        let rows = state.layout.listRows(.catalogue)
        #expect(state.catalogueCursor.selected == Fixtures.products.count - 1)
        #expect(state.catalogueCursor.top + rows > state.catalogueCursor.selected)
    }

    @Test func aFailedCommandBecomesAStatusLine() {
        var state = Fixtures.state()
        _ = update(&state, .commandFailed("only 3 of Illy in stock"))
        #expect(state.status == StatusMessage("only 3 of Illy in stock", isError: true))
    }

    @Test func keysForFutureFeaturesExplainInsteadOfFailingSilently() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("c"))
        #expect(state.status?.isError == true)
        #expect(state.status?.text.contains("cart is empty") == true)
        Fixtures.press(&state, .character("x"))
        #expect(state.status == StatusMessage("Log in (l) to see your orders", isError: true))
    }

    @Test func clickFocusesAndSelectsAndTheWheelScrolls() {
        var state = Fixtures.state(width: 80, height: 24)
        let first = state.layout.firstListRow(.catalogue)!
        _ = update(&state, .mouse(MouseEvent(.click, x: 5, y: first + 2)))
        #expect(state.catalogueCursor.selected == 2)
        _ = update(&state, .mouse(MouseEvent(.wheelDown, x: 5, y: first)))
        #expect(state.catalogueCursor.selected == 5)
        let side = state.layout.rect(of: .filters)!
        _ = update(&state, .mouse(MouseEvent(.click, x: side.x + 3, y: side.y + 2)))
        #expect(state.focus == .filters)
        #expect(state.filtersCursor.selected == 1)
    }

    @Test func tabsAreClickableBelowEightyColumns() {
        var state = Fixtures.state(width: 60, height: 20)
        let tabs = state.layout.tabBar!
        let cartColumn = TabBarView.labels(width: 60, focus: .catalogue).prefix(2).reduce(0) { $0 + DisplayWidth.of($1.1) } + 1
        _ = update(&state, .mouse(MouseEvent(.click, x: cartColumn, y: tabs.y)))
        #expect(state.focus == .cart)
    }
}

@Suite struct SearchUpdateTests {
    @Test func typingSearchesAsYouTypeAndBackspaceWidensAgain() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("/"))
        #expect(state.search.isEditing)
        Fixtures.type(&state, "coff")
        #expect(state.results.total == 2)
        Fixtures.type(&state, "x")
        #expect(state.results.total == 0)
        Fixtures.press(&state, .backspace)
        #expect(state.results.total == 2)
        Fixtures.press(&state, .enter)
        #expect(!state.search.isEditing)
        #expect(state.focus == .catalogue)
    }

    @Test func keysTypeIntoTheBoxInsteadOfActing() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("/"))
        #expect(Fixtures.type(&state, "qt1").isEmpty)
        #expect(state.search.text == "qt1")
        #expect(state.focus == .catalogue)
    }

    @Test func theQueryLanguageFiltersAndABadQueryKeepsResultsAndSaysWhy() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, "cat:kitchen price:..20")
        #expect(state.results.total == 2)
        #expect(state.queryProblem == nil)
        Fixtures.type(&state, "x")
        #expect(state.results.total == 2)
        #expect(state.queryProblem?.hasPrefix("'price:..20x' is not a price range") == true)
        Fixtures.press(&state, .backspace)
        #expect(state.queryProblem == nil)
    }

    @Test func escapeStopsTypingAndKeepsTheText() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, "illy")
        Fixtures.press(&state, .escape)
        #expect(!state.search.isEditing)
        #expect(state.search.text == "illy")
        #expect(state.results.total == 1)
    }
}

@Suite struct CatalogueUpdateTests {
    @Test func arrowsPagesHomeAndEndMoveWithinTheResults() {
        var state = Fixtures.state(width: 80, height: 12)
        Fixtures.press(&state, .down, .character("j"))
        #expect(state.catalogueCursor.selected == 2)
        Fixtures.press(&state, .up)
        #expect(state.catalogueCursor.selected == 1)
        Fixtures.press(&state, .end)
        #expect(state.catalogueCursor.selected == Fixtures.products.count - 1)
        #expect(state.catalogueCursor.top > 0)
        Fixtures.press(&state, .pageUp)
        #expect(state.catalogueCursor.selected < Fixtures.products.count - 1)
        Fixtures.press(&state, .home)
        #expect(state.catalogueCursor == ListCursor())
        Fixtures.press(&state, .up)
        #expect(state.catalogueCursor.selected == 0)
    }

    @Test func aAddsTheSelectedProductWithItsMinimumQuantity() {
        var state = Fixtures.state()
        let effects = Fixtures.press(&state, .character("a"))
        #expect(effects == [.execute(.addToCart(sku: "COF-LAV-1", quantity: nil, by: .local), note: "Added 1 × Lavazza Qualità Oro 1 kg to the cart")])
    }

    @Test func enterOpensTheProductAndEscapeCloses() {
        var state = Fixtures.state()
        Fixtures.press(&state, .down, .enter)
        #expect(state.detail == ProductDetail(sku: "COF-ILL-1", quantity: 1))
        Fixtures.press(&state, .escape)
        #expect(state.detail == nil)
        #expect(state.catalogueCursor.selected == 1)
    }

    @Test func onTheProductPagePlusAndMinusChooseTheQuantityWithinLimits() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, "illy")
        Fixtures.press(&state, .enter, .enter)
        Fixtures.press(&state, .character("+"), .character("+"), .character("+"), .character("+"))
        #expect(state.detail?.quantity == 3)  // three in stock
        Fixtures.press(&state, .character("-"), .character("-"), .character("-"))
        #expect(state.detail?.quantity == 1)
        Fixtures.press(&state, .character("+"))
        #expect(Fixtures.press(&state, .character("a")) == [.execute(.addToCart(sku: "COF-ILL-1", quantity: 2, by: .local), note: "Added 2 × Illy Classico ground coffee 250 g to the cart")])
    }

    @Test func theMinimumOrderQuantityIsTheStartingQuantity() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, "espresso cups")
        Fixtures.press(&state, .enter, .enter)
        #expect(state.detail?.quantity == 2)
        Fixtures.press(&state, .character("-"))
        #expect(state.detail?.quantity == 2)
    }
}

@Suite struct FiltersUpdateTests {
    @Test func tickingABrandNarrowsTheResultsAndTheFacetsCount() throws {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("2"))
        let row = try #require(state.filterRows.firstIndex { if case .brand("Comptoir", _, _) = $0 { return true } else { return false } })
        if case let .brand(_, count, selected) = state.filterRows[row] {
            #expect(count == 2)
            #expect(!selected)
        }
        Fixtures.press(&state, .home)
        while state.filtersCursor.selected < row { Fixtures.press(&state, .down) }
        #expect(state.filtersCursor.selected == row)
        Fixtures.press(&state, .enter)
        #expect(state.filters.brands == ["comptoir"])
        #expect(state.search.text == "brand:Comptoir")
        #expect(state.results.total == 2)
        #expect(state.filterRows.contains(.clear))
        #expect(state.filterRows.contains(.brand("Comptoir", count: 2, selected: true)))
    }

    @Test func headingsAreSkipped() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("2"))
        for _ in 0..<4 { Fixtures.press(&state, .down) }
        #expect(state.filterRows[state.filtersCursor.selected].isSelectable)
        #expect(state.filtersCursor.selected == 5)
    }

    @Test func inStockSortRatingAndPriceToggleAndCycle() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("2"), .down, .enter)
        #expect(state.filters.inStockOnly)
        #expect(state.results.total == 6)
        Fixtures.press(&state, .up, .right)
        #expect(state.filters.sort == .price)
        Fixtures.press(&state, .left, .left)
        #expect(state.filters.sort == .newest)
        Fixtures.press(&state, .down, .down, .enter)
        #expect(state.filters.ratingBand == 1)
        Fixtures.press(&state, .down, .right)
        #expect(state.filters.priceBand == 1)
        #expect(state.search.text == "in:stock sort:newest rating:3 price:..10")
        #expect(state.results.total == 2)
        let clear = state.filterRows.firstIndex(of: .clear)!
        state.filtersCursor.selected = clear
        Fixtures.press(&state, .enter)
        #expect(state.filters.isEmpty)
        #expect(state.search.text.isEmpty)
        #expect(state.results.total == Fixtures.products.count)
    }
}

@Suite struct CartUpdateTests {
    static func cartState() -> AppState {
        var cart = Cart()
        cart.setQuantity(2, for: "COF-LAV-1")
        cart.setQuantity(1, for: "FLT-HAR-1")
        var state = Fixtures.state(cart: cart)
        Fixtures.press(&state, .character("3"))
        return state
    }

    @Test func plusMinusAndDChangeTheSelectedLine() {
        var state = Self.cartState()
        #expect(Fixtures.press(&state, .character("+")) == [.execute(.setCartQuantity(sku: "COF-LAV-1", quantity: 3, by: .local), note: "Lavazza Qualità Oro 1 kg: 3 in the cart")])
        #expect(Fixtures.press(&state, .character("-")) == [.execute(.setCartQuantity(sku: "COF-LAV-1", quantity: 1, by: .local), note: "Lavazza Qualità Oro 1 kg: 1 in the cart")])
        Fixtures.press(&state, .down)
        #expect(Fixtures.press(&state, .character("-")) == [.execute(.removeFromCart(sku: "FLT-HAR-1", by: .local), note: "Removed Hario V60 paper filters ×100 from the cart")])
        #expect(Fixtures.press(&state, .character("d")) == [.execute(.removeFromCart(sku: "FLT-HAR-1", by: .local), note: "Removed Hario V60 paper filters ×100 from the cart")])
    }

    @Test func anAppliedCommandUpdatesTheCartAndSaysSo() throws {
        var state = Self.cartState()
        var shop = state.shop
        let events = try shop.decide(.removeFromCart(sku: "COF-LAV-1", by: .local))
        shop.apply(events)
        Fixtures.press(&state, .down)
        _ = update(&state, .commandSucceeded(events: events, state: shop, note: "Removed"))
        #expect(state.shop.cart(of: .local).lines.count == 1)
        #expect(state.cartCursor.selected == 0)
        #expect(state.status == StatusMessage("Removed"))
    }

    @Test func enterOpensTheProductOfTheLine() {
        var state = Self.cartState()
        Fixtures.press(&state, .down, .enter)
        #expect(state.focus == .catalogue)
        #expect(state.detail?.sku == "FLT-HAR-1")
    }

    @Test func anEmptyCartIgnoresLineKeys() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("3"))
        #expect(Fixtures.press(&state, .character("+"), .character("d")).isEmpty)
    }
}
