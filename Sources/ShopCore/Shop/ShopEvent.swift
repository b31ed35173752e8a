/// Something that happened to the shop. Applying events is the only way `ShopState` changes,
/// so replaying the journal of events rebuilds the state exactly.
public enum ShopEvent: Hashable, Sendable {
    /// Products added, or replaced when their SKU already exists (reserved stock is kept).
    case productsUpserted([Product])
    /// The guest cart's line for `sku` now holds `quantity` units; zero removes the line.
    case cartLineSet(sku: String, quantity: Int)
    case cartCleared
    /// Accounts, orders, payments, parcels, returns, support and mail.
    case commerce(CommerceEvent)
}
