import ShopCore
@testable import ShopStore

/// A data folder with a known history: the seed (record 1) then four cart commands (records 2–5),
/// and the state after each record, to check what a damaged or truncated journal still gives.
struct ShopHistory {
    let folder: DataFolder
    /// `states[n]` is the state after record n (`states[0]` is empty).
    let states: [ShopState]

    static let commands: [ShopCommand] = [
        .addToCart(sku: "A-1", quantity: 2, by: .local), .addToCart(sku: "C-3", quantity: 1, by: .local),
        .setCartQuantity(sku: "A-1", quantity: 5, by: .local), .removeFromCart(sku: "C-3", by: .local),
    ]

    /// Leaves the folder as a crash would: no close, so no snapshot (unless `compactAfter` asks for one).
    static func make(in temp: TemporaryFolder, compactAfter: Int? = nil) throws -> ShopHistory {
        let folder = temp.dataFolder()
        let store = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        var states = [ShopState(), store.state]
        for (index, command) in commands.enumerated() {
            try store.execute(command)
            states.append(store.state)
            if compactAfter == index + 2 { try store.compact() }
        }
        return ShopHistory(folder: folder, states: states)
    }

    var journalPath: String { folder.path + "/journal" }
    var snapshotPath: String { folder.path + "/snapshot" }
}
