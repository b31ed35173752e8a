import HashTreeCollections

/// Every cart of the shop: each guest session's cart by session name, each account's cart by
/// account. Empty carts are not kept. Persistent maps, as in `Commerce`: a decision's copy of the
/// carts of 100,000 customers changes one cart without copying the others.
public struct Carts: Hashable, Sendable {
    public private(set) var guests: TreeDictionary<String, Cart> = [:]
    public private(set) var accounts: TreeDictionary<AccountID, Cart> = [:]

    public init() {}

    public init(guests: [String: Cart], accounts: [AccountID: Cart]) {
        self.guests = TreeDictionary(uniqueKeysWithValues: guests.filter { !$0.value.isEmpty }.map { ($0.key, $0.value) })
        self.accounts = TreeDictionary(uniqueKeysWithValues: accounts.filter { !$0.value.isEmpty }.map { ($0.key, $0.value) })
    }

    /// The cart `owner` names as it is (a session's guest cart, or an account's cart); see
    /// `ShopState.cartOwner(of:)` for the cart a shopper uses.
    public subscript(owner: Shopper) -> Cart {
        get {
            switch owner {
            case let .session(name): return guests[name] ?? Cart()
            case let .account(id): return accounts[id] ?? Cart()
            }
        }
        set {
            switch owner {
            case let .session(name): guests[name] = newValue.isEmpty ? nil : newValue
            case let .account(id): accounts[id] = newValue.isEmpty ? nil : newValue
            }
        }
    }

    /// Moves the guest cart of `session` into `account`'s cart, adding the quantities of a product
    /// both hold.
    public mutating func mergeGuest(of session: String, into account: AccountID) {
        guard let guest = guests.removeValue(forKey: session) else { return }
        var merged = accounts[account] ?? Cart()
        for line in guest.lines { merged.setQuantity(merged.quantity(of: line.sku) + line.quantity, for: line.sku) }
        accounts[account] = merged.isEmpty ? nil : merged
    }

    /// Lines in every cart (store reports).
    public var lineCount: Int {
        guests.values.reduce(0) { $0 + $1.lines.count } + accounts.values.reduce(0) { $0 + $1.lines.count }
    }
}
