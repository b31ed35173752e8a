/// The whole state of the shop as a value: the domain decides on it and events change it.
public struct ShopState: Sendable, Equatable {
    public var catalogue: Catalogue
    /// Guest sessions' carts and accounts' carts.
    public var carts: Carts
    public var commerce: Commerce

    public init(catalogue: Catalogue = Catalogue(), carts: Carts = Carts(), commerce: Commerce = Commerce()) {
        self.catalogue = catalogue
        self.carts = carts
        self.commerce = commerce
    }

    /// Whose cart `shopper` uses: a logged-in session uses its account's, a guest session its own,
    /// an account its own.
    public func cartOwner(of shopper: Shopper) -> Shopper {
        if case let .session(name) = shopper, let account = commerce.sessions[name] { return .account(account) }
        return shopper
    }

    /// The cart `shopper` fills and checks out.
    public func cart(of shopper: Shopper) -> Cart {
        carts[cartOwner(of: shopper)]
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
        case let .cartLineSet(cart, sku, quantity):
            // Resolved again: a journal of the first format names the local session's cart even
            // while it is logged in.
            let owner = cartOwner(of: cart)
            carts[owner].setQuantity(quantity, for: sku)
            if quantity == 0 { commerce.backOffice.forgetNotice(of: sku, in: owner) }
        case let .cartCleared(cart):
            let owner = cartOwner(of: cart)
            carts[owner] = Cart()
            commerce.backOffice.forgetNotices(in: owner)
        case let .commerce(event):
            moveStock(for: event)
            applyToCatalogue(event)
            commerce.apply(event, carts: &carts)
        }
    }

    public mutating func apply(_ events: [ShopEvent]) {
        for event in events { apply(event) }
    }
}
