import ShopCore
@testable import ShopStore
import Testing

@Suite("Replay law")
struct ReplayLawTests {
    private static func randomCommand(_ g: inout SplitMix64, skus: [String]) -> ShopCommand {
        let sku = Bool.random(using: &g) ? skus.randomElement(using: &g)! : "UNKNOWN"
        switch Int.random(in: 0..<10, using: &g) {
        case 0: return .importProducts((0..<Int.random(in: 0...3, using: &g)).map { _ in
            // Within the shop's price limit, as imports are, so that carts of them can be priced.
            var product = RandomProducts.product(&g, sku: skus.randomElement(using: &g)!)
            product.price.minorUnits %= ShopLimits.maximumPriceMinorUnits
            return product
        })
        case 1...3: return .addToCart(sku: sku, quantity: Bool.random(using: &g) ? nil : Int.random(in: -1...4, using: &g), by: .local)
        case 4...6: return .setCartQuantity(sku: sku, quantity: Int.random(in: -1...6, using: &g), by: .local)
        case 7, 8: return .removeFromCart(sku: sku, by: .local)
        default: return .clearCart(by: .local)
        }
    }

    /// Whatever commands run (accepted or refused), and wherever snapshots and compactions fall, the
    /// state rebuilt from the files equals the state in memory.
    @Test(arguments: [11, 12, 13, 14, 15, 16] as [UInt64])
    func stateRebuiltFromSnapshotAndJournalEqualsStateInMemory(seed: UInt64) throws {
        var g = SplitMix64(seed: seed)
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let skus = (0..<6).map { "S\($0)" }
        let catalogue = skus.map { Fixtures.product($0, stock: Int.random(in: 0...8, using: &g)) }
        let policy = SnapshotPolicy(recordsBetweenSnapshots: Int.random(in: 3...15, using: &g), journalBytesBetweenSnapshots: 1 << 30)
        var store = try Store.open(folder, access: .readWrite, policy: policy) { catalogue }
        var accepted = 0
        for step in 0..<150 {
            let command = Self.randomCommand(&g, skus: skus)
            let before = store.state
            do {
                let events = try store.execute(command)
                var expected = before
                expected.apply(events)
                #expect(store.state == expected)
                accepted += events.isEmpty ? 0 : 1
            } catch {
                guard case .rejected = error else { throw error }
                #expect(store.state == before, "a refused command changes nothing")
            }
            switch Int.random(in: 0..<40, using: &g) {
            case 0: try store.snapshot()
            case 1: try store.compact()
            case 2:
                try store.close()
                store = try Store.open(folder, access: .readWrite, policy: policy) { [] }
            default: break
            }
            if step % 10 == 0 {
                #expect(try Store.open(folder, access: .readOnly) { [] }.state == store.state)
            }
        }
        #expect(accepted > 20)
        let final = store.state
        let sequence = store.sequence
        store = try Store.open(folder, access: .readOnly) { [] }
        #expect(store.state == final)
        #expect(store.sequence == sequence)
        #expect(Store.verify(folder).isClean)
    }
}
