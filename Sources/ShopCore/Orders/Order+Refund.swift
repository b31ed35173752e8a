extension Order {
    /// What returning `returned` is worth: the lines' price less their share of the order's
    /// discount (rounded half up). The refund a return earns when it reaches the warehouse, and
    /// what a customer choosing items to return is shown before confirming.
    public func refundValue(of returned: [ReturnLine]) -> Money {
        let goods = totals.goods.minorUnits
        var value: Int64 = 0
        for line in returned {
            guard let sold = lines.first(where: { $0.sku == line.sku }) else { continue }
            value += sold.unitPrice.minorUnits * Int64(line.quantity)
        }
        let discount = goods > 0 ? (totals.discount.minorUnits * value + goods / 2) / goods : 0
        return Money(minorUnits: value - discount, currency: totals.currency)
    }

    /// Units of the line that may still be asked back: none for perishables.
    public func returnableQuantity(of line: OrderLine) -> Int {
        line.perishable ? 0 : max(0, line.quantity - returnedQuantity(of: line.sku))
    }
}
