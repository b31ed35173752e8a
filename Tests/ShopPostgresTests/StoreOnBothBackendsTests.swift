import Foundation
import ShopCore
import ShopPostgres
import ShopStore
import Testing

/// The store's behaviour that must not depend on where the events live: each test runs on a data
/// folder and on PostgreSQL.
@Suite("The store on both backends", .serialized)
struct StoreOnBothBackendsTests {
    private static let anyTime = ShopInstant(secondsSince1970: 1_800_000_000)

    @Test(arguments: Backend.allCases)
    func aNewShopStartsWithTheSeedAndKeepsWhatWasCommitted(_ backend: Backend) throws {
        guard backend == .folder || Server.available else { return }
        let shop = try backend.makeShop()
        let store = try shop.open(seed: Fixtures.seed)
        #expect(store.state.catalogue.count == 3)
        #expect(store.sequence == 1)
        try store.execute(.addToCart(sku: "A-1", quantity: 2, by: .local))
        let state = store.state
        try store.close()
        let reopened = try shop.open()
        #expect(reopened.state == state)
        #expect(reopened.sequence == 2)
        try reopened.close()
    }

    @Test(arguments: Backend.allCases)
    func eachCommitDecidesOnWhatTheOthersCommitted(_ backend: Backend) throws {
        guard backend == .folder || Server.available else { return }
        let shop = try backend.makeShop()
        let first = try shop.open(seed: Fixtures.seed)
        let second = try shop.open()
        try first.execute(.addToCart(sku: "A-1", quantity: 2, by: .local))
        try second.execute(.addToCart(sku: "B-2", quantity: 3, by: .local))
        try second.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        #expect(second.state.cart(of: .local).quantity(of: "A-1") == 3)
        // The first store last saw no B-2 in the cart; its commit sees all three units taken.
        #expect(throws: StoreError.rejected(.cart(.exceedsStock(sku: "B-2", title: "Product B-2", requested: 4, available: 3)))) {
            try first.execute(.addToCart(sku: "B-2", quantity: 1, by: .local))
        }
        #expect(first.state == second.state)
        #expect(first.sequence == 4 && second.sequence == 4)
        let reader = try shop.open(.readOnly)
        #expect(reader.state == first.state)
    }

    @Test(arguments: Backend.allCases)
    func refreshShowsWhatAnotherStoreCommitted(_ backend: Backend) throws {
        guard backend == .folder || Server.available else { return }
        let shop = try backend.makeShop()
        let writer = try shop.open(seed: Fixtures.seed)
        let follower = try shop.open()
        try writer.execute(.addToCart(sku: "A-1", quantity: 2, by: .local))
        try writer.execute(.importProducts([Fixtures.product("D-4")]))
        let catalogueVersion = follower.catalogueVersion
        var applied = 0
        #expect(try eventually { applied += try follower.refresh().records; return applied == 2 })
        #expect(follower.state == writer.state)
        #expect(follower.catalogueVersion != catalogueVersion)
    }

    @Test(arguments: Backend.allCases)
    func aSnapshotThenMoreRecordsRebuildTheSameShop(_ backend: Backend) throws {
        guard backend == .folder || Server.available else { return }
        let shop = try backend.makeShop()
        let store = try shop.open(seed: Fixtures.seed)
        try store.execute(.addToCart(sku: "A-1", quantity: 2, by: .local))
        try store.snapshot()
        try store.execute(.addToCart(sku: "C-3", quantity: 1, by: .local))
        let reopened = try shop.open(.readOnly)
        #expect(reopened.state == store.state)
        #expect(reopened.sequence == 3)
    }

    @Test(arguments: Backend.allCases)
    func groupCommitJournalsEachAcceptedCommand(_ backend: Backend) throws {
        guard backend == .folder || Server.available else { return }
        let shop = try backend.makeShop()
        let store = try shop.open(seed: Fixtures.seed)
        let other = try shop.open()
        try other.execute(.addToCart(sku: "B-2", quantity: 2, by: .local))
        let results = try store.executeAll([
            .addToCart(sku: "A-1", quantity: 1, by: .local),
            .addToCart(sku: "B-2", quantity: 2, by: .local),
            .addToCart(sku: "C-3", quantity: 1, by: .local),
        ])
        #expect(results.map { (try? $0.get()) != nil } == [true, false, true])
        #expect(store.sequence == 4)
        #expect(try shop.open(.readOnly).state == store.state)
    }
}
