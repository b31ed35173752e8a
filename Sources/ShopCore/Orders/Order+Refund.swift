extension Order {
    /// What returning `returned` is worth: the lines' price less their share of the order's
    /// discount (rounded half up). The refund a return earns when it reaches the warehouse, and
    /// what a customer choosing items to return is shown before confirming.
    public func refundValue(of returned: [ReturnLine]) -> Money {
        let goods = totals.goods.minorUnits
        var value: Int64 = 0
        for line in returned {
            guard let sold = lines.first(where: { $0.sku == line.sku }) else { continue }
            value = value.saturatingAdding(sold.unitPrice.minorUnits.saturatingMultiplied(by: Int64(line.quantity)))
        }
        var discount: Int64 = 0
        if goods > 0 {
            let (quotient, remainder) = totals.discount.minorUnits.scaled(by: value, over: goods)
            discount = remainder >= goods - goods / 2 ? quotient.saturatingAdding(1) : quotient
        }
        return Money(minorUnits: value.saturatingSubtracting(discount), currency: totals.currency)
    }

    /// Units of the line that may still be asked back: none for perishables.
    public func returnableQuantity(of line: OrderLine) -> Int {
        line.perishable ? 0 : max(0, line.quantity - returnedQuantity(of: line.sku))
    }

    /// The refund a return of `returned` will earn when it reaches the warehouse, next to the
    /// order's `others` returns: its lines' value, or, when it brings back the last items of the
    /// order, everything not yet refunded (shipping and extras included) less what the other
    /// returns still on their way will earn. The rule `catchUp` applies on arrival, told ahead.
    public func expectedRefund(of returned: [ReturnLine], besides others: [ReturnRequest]) -> Money {
        let completes = lines.allSatisfy { sold in
            let before = others.reduce(0) { $0 + $1.lines.filter { $0.sku == sold.sku }.reduce(0) { $0 + $1.quantity } }
            let now = returned.filter { $0.sku == sold.sku }.reduce(0) { $0 + $1.quantity }
            return before + now >= sold.quantity
        }
        guard completes, !returned.isEmpty else { return refundValue(of: returned) }
        let pending = others.filter { $0.receivedAt == nil }.reduce(Int64(0)) { $0.saturatingAdding(refundValue(of: $1.lines).minorUnits) }
        let paid = currentPayment?.refundLedger == nil ? 0 : totals.total.minorUnits
        return Money(minorUnits: max(0, paid.saturatingSubtracting(refunded.minorUnits).saturatingSubtracting(pending)), currency: totals.currency)
    }
}

extension Order {
    /// What the return at `index` was refunded, once it reached the warehouse: the refund
    /// recorded when it arrived (returns that arrived at the same second take those refunds in
    /// order). Nil while it travels, or when no refund carries its arrival time (data written
    /// before refunds were dated by the arrival).
    public func refund(ofReturnAt index: Int) -> Money? {
        guard returns.indices.contains(index), let arrived = returns[index].receivedAt else { return nil }
        let sameArrival = returns.indices.filter { returns[$0].receivedAt == arrived }
        let matching = refunds.filter { $0.at == arrived }
        guard let position = sameArrival.firstIndex(of: index), matching.indices.contains(position) else { return nil }
        return matching[position].amount
    }

    /// The refund to show for the return at `index`: what it was refunded once it arrived, what
    /// it will earn while it travels.
    public func shownRefund(ofReturnAt index: Int) -> Money {
        if let refunded = refund(ofReturnAt: index) { return refunded }
        if returns.indices.contains(index), returns[index].receivedAt != nil, refunds.isEmpty == false {
            return refundValue(of: returns[index].lines)
        }
        var others = returns
        let request = others.remove(at: index)
        return expectedRefund(of: request.lines, besides: others)
    }
}
