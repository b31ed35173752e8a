import ShopCore

/// The items chosen for a return: a quantity for each returnable line of the order.
public struct ReturnDraft: Hashable, Sendable {
    /// The order's lines that may still be returned, in order, with the units left to return.
    public var skus: [String]
    public var quantities: [Int]
    public var selected = 0
    /// The label's tracking number once the return is accepted.
    public var label: String?
    /// Why the return cannot be made, in plain words.
    public var problem: String?

    public init(order: Order) {
        let returnable = order.lines.filter { order.returnableQuantity(of: $0) > 0 }
        skus = returnable.map(\.sku)
        quantities = Array(repeating: 0, count: returnable.count)
    }

    /// The chosen lines, those with a quantity.
    public var lines: [ReturnLine] {
        zip(skus, quantities).filter { $0.1 > 0 }.map { ReturnLine(sku: $0.0, quantity: $0.1) }
    }
}
