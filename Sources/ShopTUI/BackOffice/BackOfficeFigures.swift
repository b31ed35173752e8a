import ShopCore
import Synchronization

/// The back office's figures worked out from the whole shop (the sales report over the days of
/// the shop's `SalesLedger`, the support threads in inbox order), computed at most once for one
/// shop: `BackOfficeState` makes a new one each time its shop changes, and the frames drawn in
/// between share it. The rules stay in ShopCore (`SalesReport`); this only remembers their answer.
final class BackOfficeFigures: Sendable {
    let shop: ShopState
    private let report = Mutex<SalesReport?>(nil)
    private let tickets = Mutex<[SupportTicket]?>(nil)

    init(_ shop: ShopState) {
        self.shop = shop
    }

    /// The sales report over every day, as the Dashboard shows it.
    var salesReport: SalesReport {
        report.withLock { cached in
            if let cached { return cached }
            let computed = SalesReport(state: shop)
            cached = computed
            return computed
        }
    }

    /// Support threads, those waiting for the shop first, then the newest first.
    var listedTickets: [SupportTicket] {
        tickets.withLock { cached in
            if let cached { return cached }
            let all = shop.commerce.ticketIDs.compactMap { shop.commerce.tickets[$0] }
            let computed = all.filter { $0.status == .open }.reversed() + all.filter { $0.status != .open }.reversed()
            cached = computed
            return computed
        }
    }
}
