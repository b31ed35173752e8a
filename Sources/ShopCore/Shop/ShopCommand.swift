/// What a customer or the shop owner asks for. `ShopState.decide` validates a command against
/// the current state and answers with the events it causes, or a typed error.
public enum ShopCommand: Hashable, Sendable {
    case importProducts([Product])
    /// Adds units to the line of `sku` in the cart `by` uses; nil adds the product's minimum order quantity.
    case addToCart(sku: String, quantity: Int?, by: Shopper)
    /// Sets the line of `sku` to exactly `quantity`; zero removes it.
    case setCartQuantity(sku: String, quantity: Int, by: Shopper)
    case removeFromCart(sku: String, by: Shopper)
    case clearCart(by: Shopper)
    /// A step of the trade at shop time `at`; `entropy` seeds the random draws (tokens, codes, references).
    case commerce(CommerceCommand, at: ShopInstant, entropy: UInt64)
}

public enum ShopError: Error, Equatable, Sendable, CustomStringConvertible {
    case cart(CartError)
    case emptyImport
    case commerce(CommerceError)

    public var description: String {
        switch self {
        case let .cart(error): return error.description
        case let .commerce(error): return error.description
        case .emptyImport: return "the import holds no products: nothing was changed"
        }
    }
}

extension ShopState {
    public func decide(_ command: ShopCommand) throws(ShopError) -> [ShopEvent] {
        switch command {
        case let .importProducts(products):
            guard !products.isEmpty else { throw .emptyImport }
            return [.productsUpserted(products)]
        case let .addToCart(sku, quantity, shopper):
            let (owner, cart) = try cartInUse(by: shopper)
            guard let product = catalogue.product(sku: sku) else { throw .cart(.unknownProduct(sku: sku)) }
            try checkListed(product)
            let added = quantity ?? max(1, product.minimumOrderQuantity)
            guard added > 0 else { throw .cart(.quantityNotPositive(added)) }
            let (total, overflow) = cart.quantity(of: sku).addingReportingOverflow(added)
            guard added <= ShopLimits.maximumQuantity, !overflow else { throw .cart(.quantityTooLarge(added)) }
            try check(product, quantity: total, in: cart)
            return [.cartLineSet(cart: owner, sku: sku, quantity: total)]
        case let .setCartQuantity(sku, quantity, shopper):
            let (owner, cart) = try cartInUse(by: shopper)
            guard let product = catalogue.product(sku: sku) else { throw .cart(.unknownProduct(sku: sku)) }
            if quantity == 0 {
                guard cart.quantity(of: sku) > 0 else { throw .cart(.notInCart(sku: sku)) }
                return [.cartLineSet(cart: owner, sku: sku, quantity: 0)]
            }
            try checkListed(product)
            guard quantity > 0 else { throw .cart(.quantityNotPositive(quantity)) }
            try check(product, quantity: quantity, in: cart)
            return [.cartLineSet(cart: owner, sku: sku, quantity: quantity)]
        case let .removeFromCart(sku, shopper):
            let (owner, cart) = try cartInUse(by: shopper)
            guard cart.quantity(of: sku) > 0 else { throw .cart(.notInCart(sku: sku)) }
            return [.cartLineSet(cart: owner, sku: sku, quantity: 0)]
        case let .clearCart(shopper):
            let (owner, cart) = try cartInUse(by: shopper)
            return cart.isEmpty ? [] : [.cartCleared(cart: owner)]
        case let .commerce(command, now, entropy):
            return try decide(command, at: now, entropy: entropy)
        }
    }

    private func checkListed(_ product: Product) throws(ShopError) {
        guard commerce.backOffice.isListed(product.sku) else { throw .commerce(.unlisted(sku: product.sku, title: product.title)) }
    }

    /// The cart `shopper` uses and its owner; an account acting by itself must exist.
    private func cartInUse(by shopper: Shopper) throws(ShopError) -> (owner: Shopper, cart: Cart) {
        if case let .account(id) = shopper, commerce.accounts[id] == nil { throw .commerce(.notLoggedIn) }
        let owner = cartOwner(of: shopper)
        return (owner, carts[owner])
    }

    /// The limits a cart line must respect: stock (unless backorderable), per-order maximum and minimum,
    /// one currency per cart, and the shop's limits on quantities and totals (`ShopLimits`).
    private func check(_ product: Product, quantity: Int, in cart: Cart) throws(ShopError) {
        guard quantity <= ShopLimits.maximumQuantity else { throw .cart(.quantityTooLarge(quantity)) }
        if let other = cart.lines.lazy.compactMap({ self.catalogue.product(sku: $0.sku) }).first(where: { $0.sku != product.sku }),
           other.price.currency != product.price.currency {
            throw .cart(.currencyMismatch(sku: product.sku, cartCurrency: other.price.currency, productCurrency: product.price.currency))
        }
        if product.leadTime == nil && product.availableStock == 0 {
            throw .cart(.outOfStock(sku: product.sku, title: product.title))
        }
        if let maximum = product.maximumOrderQuantity, quantity > maximum {
            throw .cart(.exceedsOrderLimit(sku: product.sku, title: product.title, requested: quantity, maximum: maximum))
        }
        if product.leadTime == nil && quantity > product.availableStock {
            throw .cart(.exceedsStock(sku: product.sku, title: product.title, requested: quantity, available: product.availableStock))
        }
        if product.leadTime != nil && quantity > Product.backorderCap && product.maximumOrderQuantity == nil {
            throw .cart(.exceedsOrderLimit(sku: product.sku, title: product.title, requested: quantity, maximum: Product.backorderCap))
        }
        if quantity < product.minimumOrderQuantity {
            throw .cart(.belowMinimumOrder(sku: product.sku, title: product.title, requested: quantity, minimum: product.minimumOrderQuantity))
        }
        var changed = cart
        changed.setQuantity(quantity, for: product.sku)
        do throws(CartError) {
            _ = try CartSummary(cart: changed, catalogue: catalogue)
        } catch {
            throw .cart(error)
        }
    }
}
