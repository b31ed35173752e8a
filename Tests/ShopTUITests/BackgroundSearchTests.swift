import Foundation
import ShopCore
import ShopStore
import Testing
@testable import ShopTUI

/// Searches off the frame (`SearchMode.background`): `update` asks for them with effects, only the
/// newest results are shown, the typed text and the previous results stay meanwhile, and a large
/// catalogue shows unfiltered while its index is built.
@Suite struct BackgroundSearchTests {
    static func state(indexed: Bool = true) -> AppState {
        AppState(shop: ShopState(catalogue: Fixtures.catalogue), shopper: .local, index: indexed ? SearchIndex(catalogue: Fixtures.catalogue) : nil,
            width: 120, height: 30, themes: ThemeCatalog.bundled().themes, locale: .enUS, searchMode: .background)
    }

    /// The requests among `effects`.
    static func searches(_ effects: [Effect]) -> [SearchRequest] {
        effects.compactMap { if case let .search(request) = $0 { return request } else { return nil } }
    }

    /// What the runtime would answer to `request`.
    static func answer(_ request: SearchRequest, _ state: AppState) -> Message {
        .searchFinished(generation: request.generation, results: state.index!.search(request.query))
    }

    static func skus(_ state: AppState) -> [String] {
        state.results.positions(offset: 0, limit: 100).map { state.shop.catalogue.products[$0].sku }
    }

    @Test func typingAsksForASearchAndKeepsThePreviousResultsUntilItComes() {
        var state = Self.state()
        Fixtures.press(&state, .character("/"))
        let effects = Fixtures.type(&state, "lav")
        let requests = Self.searches(effects)
        #expect(requests.map(\.generation) == [1, 2, 3])
        #expect(requests.last?.query.words == ["lav"])
        #expect(state.search.text == "lav")
        #expect(state.results.total == Fixtures.products.count)
        #expect(state.isSearching)
        update(&state, Self.answer(requests[2], state))
        #expect(!state.isSearching)
        #expect(Self.skus(state) == ["COF-LAV-1"])
        #expect(state.search.text == "lav")
        #expect(state.search.isEditing)
    }

    @Test func onlyTheNewestResultsAreShownAndStaleOnesAreDropped() {
        var state = Self.state()
        Fixtures.press(&state, .character("/"))
        let first = Self.searches(Fixtures.type(&state, "c"))
        let second = Self.searches(Fixtures.type(&state, "of"))
        let stale = Self.answer(first[0], state)
        update(&state, stale)
        #expect(state.results.total == Fixtures.products.count, "results for “c” were dropped: “cof” was asked for since")
        #expect(state.isSearching)
        let newest = Self.answer(second[1], state)
        update(&state, newest)
        #expect(Set(Self.skus(state)) == ["COF-LAV-1", "COF-ILL-1"])
        #expect(!state.isSearching)
        update(&state, Self.answer(second[0], state))
        #expect(Set(Self.skus(state)) == ["COF-LAV-1", "COF-ILL-1"], "a stale answer after the newest changes nothing")
    }

    @Test func resultsArrivingStartTheListAtTheTop() {
        var state = Self.state()
        Fixtures.press(&state, .down, .down, .down)
        #expect(state.catalogueCursor.selected == 3)
        Fixtures.press(&state, .character("/"))
        let requests = Self.searches(Fixtures.type(&state, "e"))
        #expect(state.catalogueCursor.selected == 3, "the selection stays on the results still shown")
        update(&state, Self.answer(requests[0], state))
        #expect(state.catalogueCursor.selected == 0)
    }

    @Test func aFilterToggleSaysHowManyMatchOnlyWhenTheResultsAreIn() {
        var state = Self.state()
        Fixtures.press(&state, .character("2"))
        let row = state.filterRows.firstIndex(of: .inStock)!
        state.filtersCursor.selected = row
        let requests = Self.searches(Fixtures.press(&state, .enter))
        #expect(requests.count == 1)
        #expect(requests[0].query.inStockOnly)
        #expect(state.status == nil)
        update(&state, Self.answer(requests[0], state))
        #expect(state.status == StatusMessage("6 products match"))
        #expect(state.results.total == 6)
    }

    @Test func aQueryThatDoesNotParseAsksForNothingAndSaysWhy() {
        var state = Self.state()
        Fixtures.press(&state, .character("/"))
        let requests = Self.searches(Fixtures.type(&state, "price:9..1"))
        #expect(state.queryProblem != nil)
        #expect(requests.last?.query.priceRange?.lowerTenThousandths == 90_000, "the last request is “price:9..”, which parses")
        #expect(requests.last?.query.priceRange?.upperTenThousandths == nil)
        update(&state, Self.answer(requests.last!, state))
        #expect(!state.isSearching)
        #expect(state.queryProblem != nil, "the results shown are those of the last query that parsed; the problem stays")
        #expect(state.search.text == "price:9..1")
    }

    @Test func withoutAnIndexTheCatalogueShowsUnfilteredAndTypingWaitsForIt() {
        var state = Self.state(indexed: false)
        #expect(state.isIndexing)
        #expect(state.results.total == Fixtures.products.count)
        #expect(Self.skus(state) == Fixtures.products.map(\.sku))
        #expect(state.takeBackgroundWork() == [.buildIndex(generation: 1)])
        Fixtures.press(&state, .character("/"))
        #expect(Fixtures.type(&state, "ket").isEmpty)
        #expect(state.search.text == "ket")
        #expect(state.isSearching)
        let screen = ShopView.render(state).text()
        #expect(screen.contains("Indexing 8 products… search is ready in a moment"))
        #expect(screen.contains("indexing…"))

        let effects = update(&state, .indexBuilt(generation: 1, index: SearchIndex(catalogue: Fixtures.catalogue)))
        #expect(!state.isIndexing)
        let requests = Self.searches(effects)
        #expect(requests.map(\.query.words) == [["ket"]])
        update(&state, Self.answer(requests[0], state))
        #expect(Self.skus(state) == ["KET-SMG-1"])
        #expect(!ShopView.render(state).text().contains("Indexing"))
    }

    @Test func anIndexOfAnOlderCatalogueIsDropped() {
        var state = Self.state(indexed: false)
        _ = state.takeBackgroundWork()
        let effects = update(&state, .commandSucceeded(events: [.productsUpserted([])], state: state.shop, note: ""))
        #expect(effects == [.buildIndex(generation: 2)])
        #expect(update(&state, .indexBuilt(generation: 1, index: SearchIndex(catalogue: Fixtures.catalogue))).isEmpty)
        #expect(state.isIndexing)
        #expect(Self.searches(update(&state, .indexBuilt(generation: 2, index: SearchIndex(catalogue: Fixtures.catalogue)))).count == 1)
        #expect(!state.isIndexing)
    }

    @Test func theSearchingMarkShowsWhileResultsAreOnTheirWay() {
        var state = Self.state()
        Fixtures.press(&state, .character("/"))
        let requests = Self.searches(Fixtures.type(&state, "mug"))
        #expect(ShopView.render(state).text().contains("searching…"))
        update(&state, Self.answer(requests[2], state))
        #expect(!ShopView.render(state).text().contains("searching…"))
    }

    @Test func countsOfAMillionAreGroupedAsTheLocaleWritesThem() {
        #expect(MoneyFormatter(locale: .enUS).formatCount(1_000_000) == "1,000,000")
        #expect(MoneyFormatter(locale: .frFR).formatCount(1_000_000) == "1 000 000")
        #expect(MoneyFormatter(locale: .deDE).formatCount(999) == "999")
    }

    @Test func smallCataloguesSearchInline() {
        #expect(SearchMode.automatic(productCount: 322) == .inline)
        #expect(SearchMode.automatic(productCount: 1_000_000) == .background)
        var state = Fixtures.state()
        Fixtures.press(&state, .character("/"))
        #expect(Fixtures.type(&state, "lav").isEmpty)
        #expect(state.results.total == 1)
        #expect(!state.isSearching)
    }
}

/// The runtime runs the background work for real on its queue.
@Suite struct BackgroundSearchSessionTests {
    @Test func theIndexIsBuiltAndSearchesCompleteInTheBackground() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { Fixtures.products })
        defer { try? store.close() }
        let state = AppState(shop: store.state, shopper: .local, width: 80, height: 24, themes: ThemeCatalog.bundled().themes, locale: .enUS,
                             searchMode: .background)
        let session = ShopSession(store: store, state: state, hasher: PlainHasher())
        #expect(session.state.isIndexing)
        #expect(session.backgroundPollMilliseconds == 50, "the index build takes seconds: the loop looks now and then")
        #expect(session.waitForBackgroundWork(timeout: 30))
        #expect(!session.state.isIndexing)
        #expect(!session.hasBackgroundWork)
        #expect(session.backgroundPollMilliseconds == nil)

        session.send(.key(.character("/")))
        for character in "smeg" { session.send(.key(.character(character))) }
        #expect(session.state.isSearching)
        #expect(session.backgroundPollMilliseconds == 4, "results are on their way: the loop looks often")
        #expect(session.waitForBackgroundWork(timeout: 30))
        #expect(!session.state.isSearching)
        #expect(session.state.results.total == 1)
        #expect(session.state.selectedProduct?.sku == "KET-SMG-1")
        session.press(.enter, .character("a"))
        #expect(store.state.cart(of: .local).quantity(of: "KET-SMG-1") == 1)
    }
}
