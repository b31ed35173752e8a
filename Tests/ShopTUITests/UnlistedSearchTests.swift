import ShopCore
import Testing
@testable import ShopTUI

/// The terminal shop's search leaves out unlisted products, by the rule the command line uses
/// (`ShopState.hiddenFromSearch`), inline and in the background, and follows a product unlisted
/// or relisted by another process.
@Suite struct UnlistedSearchTests {
    static func shop(unlisting skus: Set<String>) -> ShopState {
        let office = BackOffice(staff: [], audit: [], fulfilment: .automatic, promotions: [], unlisted: skus,
                                priceNotices: [:], marketingConsent: [:])
        let commerce = Commerce(clockOffsetSeconds: 0, accounts: [], sessions: [:], orders: [], tickets: [], outbox: [],
                                lastMessageSequence: 0, backOffice: office)
        return ShopState(catalogue: Fixtures.catalogue, commerce: commerce)
    }

    static func skus(_ state: AppState) -> [String] {
        state.results.positions(offset: 0, limit: 100).map { state.shop.catalogue.products[$0].sku }
    }

    @Test func anUnlistedProductIsNotFoundAndComesBackWhenRelisted() {
        var state = Fixtures.state(width: 120, height: 30)
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, "lavazza")
        #expect(Self.skus(state) == ["COF-LAV-1"])
        _ = update(&state, .shopChanged(Self.shop(unlisting: ["COF-LAV-1"]), catalogueChanged: false))
        #expect(Self.skus(state).isEmpty)
        state.search.text = ""
        state.refreshResults(resetSelection: true)
        #expect(!Self.skus(state).contains("COF-LAV-1"))
        #expect(state.results.total == Fixtures.catalogue.count - 1)
        #expect(state.results.brandFacets.contains { $0.value == "Lavazza" } == false)
        _ = update(&state, .shopChanged(Self.shop(unlisting: []), catalogueChanged: false))
        #expect(Self.skus(state).contains("COF-LAV-1"))
    }

    @Test func theFirstResultsLeaveItOutToo() {
        let state = AppState(shop: Self.shop(unlisting: ["TEA-MAT-1"]), shopper: .local, width: 120, height: 30,
                             themes: ThemeCatalog.bundled().themes)
        #expect(!Self.skus(state).contains("TEA-MAT-1"))
        #expect(state.results.total == Fixtures.catalogue.count - 1)
    }

    @Test func aBackgroundSearchCarriesWhatIsHiddenToTheWorker() {
        var state = AppState(shop: Self.shop(unlisting: ["COF-LAV-1"]), shopper: .local, index: SearchIndex(catalogue: Fixtures.catalogue),
                             width: 120, height: 30, themes: ThemeCatalog.bundled().themes, searchMode: .background)
        Fixtures.press(&state, .character("/"))
        let effects = Fixtures.type(&state, "lavazza")
        let requests = effects.compactMap { if case let .search(request) = $0 { return request } else { return nil } }
        let request = requests.last
        #expect(request?.hidden.contains(Fixtures.catalogue.position(of: "COF-LAV-1")!) == true)
        let worker = SearchWorker()
        #expect(worker.start(.search(request!), state: state))
        #expect(worker.waitUntilIdle(timeout: 10))
        for message in worker.takeFinished() { _ = update(&state, message) }
        #expect(Self.skus(state).isEmpty)
    }
}
