/// The whole state of the shop as a value: the domain decides on it and events change it.
public struct ShopState: Sendable, Equatable {
    public var catalogue: Catalogue
    /// The current cart: the guest's, or the logged-in account's.
    public var cart: Cart
    public var commerce: Commerce

    public init(catalogue: Catalogue = Catalogue(), cart: Cart = Cart(), commerce: Commerce = Commerce()) {
        self.catalogue = catalogue
        self.cart = cart
        self.commerce = commerce
    }

    public mutating func apply(_ event: ShopEvent) {
        switch event {
        case let .productsUpserted(products):
            var incoming = products
            for index in incoming.indices {
                if let existing = catalogue.product(sku: incoming[index].sku) {
                    incoming[index].reservedStock = existing.reservedStock
                }
            }
            catalogue.upsert(incoming)
        case let .cartLineSet(sku, quantity):
            cart.setQuantity(quantity, for: sku)
        case .cartCleared:
            cart.removeAll()
        case let .commerce(event):
            moveStock(for: event)
            commerce.apply(event, cart: &cart)
        }
    }

    public mutating func apply(_ events: [ShopEvent]) {
        for event in events { apply(event) }
    }
}
