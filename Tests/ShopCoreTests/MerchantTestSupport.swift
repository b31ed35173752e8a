import ShopCore

extension TradeShop {
    static let owner = "owner@comptoir.test"
    static let clerk = "clerk@comptoir.test"

    /// The shop's first owner (added by whoever writes the data folder) and one member of staff.
    mutating func hireStaff() throws {
        try trade(.merchant(.addStaff(email: Self.owner, name: "Olive Owner", role: .owner,
                                      passwordHash: PasswordHash(encoded: "test$owner")), staff: nil))
        try trade(.merchant(.addStaff(email: Self.clerk, name: "Carl Clerk", role: .staff,
                                      passwordHash: PasswordHash(encoded: "test$clerk")), staff: Self.owner))
    }

    /// Does `action` as `staff` (the owner by default).
    @discardableResult
    mutating func merchant(_ action: MerchantAction, as staff: String = TradeShop.owner) throws(ShopError) -> [ShopEvent] {
        try trade(.merchant(action, staff: staff))
    }
}

/// The back-office refusal `body` throws; nil when it throws nothing or something else.
func merchantError(_ body: () throws -> Void) -> MerchantError? {
    if case let .merchant(error)? = commerceError(body) { return error }
    return nil
}
