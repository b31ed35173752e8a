import ShopCore

/// The panes of the back office, one at a time under a tab bar; `1`–`6` jump to them.
public enum BackOfficePane: Int, CaseIterable, Hashable, Sendable {
    case orders = 1, support, catalogue, promotions, customers, dashboard

    public var title: String {
        switch self {
        case .orders: return "Orders"
        case .support: return "Support"
        case .catalogue: return "Catalogue & stock"
        case .promotions: return "Promotions"
        case .customers: return "Customers"
        case .dashboard: return "Dashboard"
        }
    }

    /// The tab's short title, when the full ones do not fit.
    var shortTitle: String {
        switch self {
        case .catalogue: return "Stock"
        case .promotions: return "Promos"
        case .dashboard: return "Sales"
        default: return title
        }
    }

    /// The pane `step` tabs away, wrapping around.
    func moved(by step: Int) -> BackOfficePane {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[((index + step) % all.count + all.count) % all.count]
    }
}

/// Which orders the Orders pane lists: a queue of the shop's (`OrderQueue`) or all of them.
public enum OrderQueueFilter: Hashable, Sendable, CaseIterable {
    case unpaid, toShip, shipped, returns, all

    var queue: OrderQueue? {
        switch self {
        case .unpaid: return .unpaid
        case .toShip: return .toShip
        case .shipped: return .shipped
        case .returns: return .returns
        case .all: return nil
        }
    }

    var title: String {
        switch self {
        case .unpaid: return "Unpaid"
        case .toShip: return "To ship"
        case .shipped: return "Shipped"
        case .returns: return "Returns"
        case .all: return "All"
        }
    }

    func moved(by step: Int) -> OrderQueueFilter {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[min(max(0, index + step), all.count - 1)]
    }
}
