/// The whole state of the shop as a value: the domain decides on it and events change it.
public struct ShopState: Sendable, Equatable {
    public var catalogue: Catalogue
    public var cart: Cart

    public init(catalogue: Catalogue = Catalogue(), cart: Cart = Cart()) {
        self.catalogue = catalogue
        self.cart = cart
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
        }
    }

    public mutating func apply(_ events: [ShopEvent]) {
        for event in events { apply(event) }
    }
}
