/// Which orders each back-office queue (`OrderQueue`) holds, as positions in
/// `Commerce.orderNumbers`, oldest first. `Commerce.apply` keeps it as orders change, so a queue
/// is listed and counted without visiting every order: the back office draws a key press at the
/// same cost with 100,000 orders as with ten.
public struct OrderQueueIndex: Hashable, Sendable {
    private var positions: [OrderQueue: [Int]] = [:]

    public init() {}

    /// The positions of the orders in `queue`, ascending (oldest first).
    public func positions(in queue: OrderQueue) -> [Int] { positions[queue] ?? [] }

    /// How many orders `queue` holds.
    public func count(_ queue: OrderQueue) -> Int { positions[queue]?.count ?? 0 }

    /// The order at `position` moved from `old` (nil: it is new) to `new`.
    mutating func move(_ position: Int, from old: OrderQueue?, to new: OrderQueue) {
        guard old != new else { return }
        if let old { remove(position, from: old) }
        insert(position, into: new)
    }

    private mutating func insert(_ position: Int, into queue: OrderQueue) {
        if let last = positions[queue]?.last, last > position {
            let at = insertionPoint(of: position, in: positions[queue] ?? [])
            positions[queue]?.insert(position, at: at)
        } else {
            positions[queue, default: []].append(position)
        }
    }

    private mutating func remove(_ position: Int, from queue: OrderQueue) {
        // The index is found in a statement of its own, so the list is not copied to remove from it.
        let found: Int? = positions[queue].flatMap { list in
            let at = insertionPoint(of: position, in: list)
            return at < list.count && list[at] == position ? at : nil
        }
        guard let found else { return }
        positions[queue]?.remove(at: found)
        // An empty queue has no entry, as in an index built from the orders (the two compare equal).
        if positions[queue]?.isEmpty == true { positions[queue] = nil }
    }

    /// The first index of `list` (ascending) whose value is not below `position`.
    private func insertionPoint(of position: Int, in list: [Int]) -> Int {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
