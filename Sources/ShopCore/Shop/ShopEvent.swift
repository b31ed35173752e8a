/// Something that happened to the shop. Applying events is the only way `ShopState` changes,
/// so replaying the journal of events rebuilds the state exactly.
public enum ShopEvent: Hashable, Sendable {
    /// Products added, or replaced when their SKU already exists (reserved stock is kept).
    case productsUpserted([Product])
    /// The line for `sku` of the cart `cart` names (a guest session's or an account's, see
    /// `Carts`) now holds `quantity` units; zero removes the line.
    case cartLineSet(cart: Shopper, sku: String, quantity: Int)
    case cartCleared(cart: Shopper)
    /// Accounts, orders, payments, parcels, returns, support and mail.
    case commerce(CommerceEvent)
}
