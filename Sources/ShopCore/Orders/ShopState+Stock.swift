extension ShopState {
    /// Stock follows orders: reserved at placement, released on cancel, taken from the shelf at
    /// shipment, back on the shelf when a return or an undelivered parcel arrives. Called before
    /// the event is applied to `commerce`, so the order is seen as it was.
    mutating func moveStock(for event: CommerceEvent) {
        switch event {
        case let .orderPlaced(order):
            for line in order.lines {
                catalogue.modify(sku: line.sku) { $0.reservedStock += line.quantity }
            }
        case let .orderCanceled(number, _):
            guard let order = commerce.orders[number], order.shipment == nil, order.state != .canceled else { return }
            for line in order.lines {
                catalogue.modify(sku: line.sku) { $0.reservedStock = max(0, $0.reservedStock - line.quantity) }
            }
        case let .orderShipped(number, _):
            guard let order = commerce.orders[number], order.shipment == nil else { return }
            for line in order.lines {
                catalogue.modify(sku: line.sku) { product in
                    product.reservedStock = max(0, product.reservedStock - line.quantity)
                    product.stockOnHand = max(0, product.stockOnHand - line.quantity)
                }
            }
        case let .orderReturnedToSender(number, _):
            guard let order = commerce.orders[number] else { return }
            for line in order.lines {
                catalogue.modify(sku: line.sku) { $0.stockOnHand += line.quantity }
            }
        case let .returnReceived(number, index, _):
            guard let order = commerce.orders[number], order.returns.indices.contains(index),
                  order.returns[index].receivedAt == nil else { return }
            for line in order.returns[index].lines {
                catalogue.modify(sku: line.sku) { $0.stockOnHand += line.quantity }
            }
        default:
            return
        }
    }
}
