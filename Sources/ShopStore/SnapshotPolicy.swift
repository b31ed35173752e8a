/// When the store takes snapshots on its own, and how it reads them.
public struct SnapshotPolicy: Sendable, Equatable {
    /// A snapshot is taken after this many journal records since the last one...
    public var recordsBetweenSnapshots: Int
    /// ...or after this many journal bytes since the last one.
    public var journalBytesBetweenSnapshots: Int
    /// On `close()`, a shop with at most this many products is snapshotted whenever it changed; a bigger
    /// one only when the journal since its snapshot is worth an eighth of the snapshot or more.
    public var smallShopProducts: Int
    /// On opening, a snapshot whose orders and tickets take this many bytes or more has them read on
    /// another thread while the shop opens (about 1 KB an order: 8 MB is some 8,000 orders, a tenth
    /// of a second to read); whoever needs them first waits.
    public var ordersInBackgroundFromBytes: Int
    /// For a process that follows the journal (the shop's screens, `serve`): while the snapshot's orders
    /// are read, and when every trade change after the snapshot is the progress of orders (parcels,
    /// payments, returns, support, mail: `ShopEvent.isOrderProgress`), the journal records from the first
    /// such change on are left to the first catch-up (`refresh()`, or the next commit, which catches up
    /// first). Until then the state is the one the records before them give, as if the rest were another
    /// process's commits not yet followed, and the catalogue shows without waiting for the orders. A cart,
    /// a login, an order placed or a merchant's change since the snapshot is applied on opening (the
    /// screen shows its customer as they left it). A command's answer never misses any.
    public var tradeRecordsAfterOpening: Bool

    public init(
        recordsBetweenSnapshots: Int = 10_000, journalBytesBetweenSnapshots: Int = 64 << 20, smallShopProducts: Int = 10_000,
        ordersInBackgroundFromBytes: Int = 8 << 20, tradeRecordsAfterOpening: Bool = false
    ) {
        self.recordsBetweenSnapshots = max(1, recordsBetweenSnapshots)
        self.journalBytesBetweenSnapshots = max(1, journalBytesBetweenSnapshots)
        self.smallShopProducts = smallShopProducts
        self.ordersInBackgroundFromBytes = max(1, ordersInBackgroundFromBytes)
        self.tradeRecordsAfterOpening = tradeRecordsAfterOpening
    }

    public static let standard = SnapshotPolicy()
    /// The standard policy for a process that follows the journal (see `tradeRecordsAfterOpening`).
    public static let following = SnapshotPolicy(tradeRecordsAfterOpening: true)

    /// What opening may leave for later.
    var opening: DeferredReading {
        DeferredReading(ordersFromBytes: ordersInBackgroundFromBytes, tradeRecords: tradeRecordsAfterOpening)
    }

    /// What reading the folder again (holding the lock, or following) may leave for later: not records.
    var reading: DeferredReading {
        DeferredReading(ordersFromBytes: ordersInBackgroundFromBytes, tradeRecords: false)
    }

    func isDue(records: Int, journalBytes: Int) -> Bool {
        records >= recordsBetweenSnapshots || journalBytes >= journalBytesBetweenSnapshots
    }

    func isDueOnClose(records: Int, journalBytes: Int, products: Int, snapshotSize: Int) -> Bool {
        guard records > 0 else { return false }
        return products <= smallShopProducts || journalBytes * 8 >= snapshotSize || isDue(records: records, journalBytes: journalBytes)
    }
}
