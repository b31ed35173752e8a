/// Someone behind the counter: an owner or a member of staff, who logs in to the back office
/// with an email and a password (kept only as a hash, like a customer's).
public struct StaffMember: Hashable, Sendable {
    public let email: String
    public var name: String
    public var role: StaffRole
    public var passwordHash: PasswordHash
    public var addedAt: ShopInstant

    public init(email: String, name: String, role: StaffRole, passwordHash: PasswordHash, addedAt: ShopInstant) {
        self.email = email.trimmingSpaces().lowercased()
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.addedAt = addedAt
    }
}

/// What a member of staff may do. The owner may do everything; staff run the daily work
/// (orders, returns, support, stock and listings) but not money, promotions, settings or staff.
public enum StaffRole: String, CaseIterable, Hashable, Sendable {
    case owner
    case staff

    public func may(_ permission: StaffPermission) -> Bool {
        switch self {
        case .owner: return true
        case .staff: return StaffPermission.daily.contains(permission)
        }
    }
}

/// A kind of back-office action, checked against the role.
public enum StaffPermission: String, CaseIterable, Hashable, Sendable {
    case manageStaff = "manage staff"
    case changeSettings = "change the settings"
    case fulfil = "ship orders and receive returns"
    case refund = "refund"
    case answerSupport = "answer support tickets"
    case editStock = "change stock and listings"
    case editPrices = "change prices"
    case managePromotions = "manage promotions"

    /// What the `staff` role may do.
    static let daily: Set<StaffPermission> = [.fulfil, .answerSupport, .editStock]
}
