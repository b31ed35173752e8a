import ShopCore

/// The orders the Orders pane lists, oldest first (the order they are worked in): the chosen
/// queue's positions from the shop's index (`Commerce.queues`), or every order. A row's order is
/// looked up when asked for, so a frame reads the rows it draws and no others.
public struct ListedOrders: RandomAccessCollection, Sendable {
    private let commerce: Commerce
    /// Positions in `commerce.orderNumbers`; nil lists every order.
    private let positions: [Int]?

    public init(_ commerce: Commerce, queue: OrderQueue?) {
        self.commerce = commerce
        positions = queue.map { commerce.queues.positions(in: $0) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions?.count ?? commerce.orderNumbers.count }

    /// The order on row `row`. `Commerce` keeps an order for each of its numbers, so the index
    /// always finds one.
    public subscript(row: Int) -> Order {
        guard let order = commerce.order(at: positions?[row] ?? row) else {
            preconditionFailure("the order at row \(row) of the queue is not in the shop")
        }
        return order
    }
}
