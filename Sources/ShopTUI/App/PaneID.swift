/// The panes of the shop, numbered as the keys `1`–`5` that jump to them.
public enum PaneID: Int, CaseIterable, Sendable {
    case catalogue = 1
    case filters = 2
    case cart = 3
    case orders = 4
    case messages = 5

    public var title: String {
        switch self {
        case .catalogue: return "Catalogue"
        case .filters: return "Filters"
        case .cart: return "Cart"
        case .orders: return "Orders"
        case .messages: return "Messages"
        }
    }

    /// The pane after this one for Tab (and before it for Shift-Tab), wrapping around.
    public func next(_ step: Int) -> PaneID {
        let count = PaneID.allCases.count
        return PaneID(rawValue: ((rawValue - 1 + step) % count + count) % count + 1)!
    }
}
