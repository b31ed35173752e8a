/// Someone behind the counter: an owner or a member of staff, who logs in to the back office
/// with an email and a password (kept only as a hash, like a customer's).
public struct StaffMember: Hashable, Sendable {
    public let email: String
    public var name: String
    public var role: StaffRole
    public var passwordHash: PasswordHash
    public var addedAt: ShopInstant
    /// The login throttle's fields (`LoginThrottle`), as for customers.
    public var failedLoginCount = 0
    public var lockoutCount = 0
    public var lockedUntil: ShopInstant?

    public init(email: String, name: String, role: StaffRole, passwordHash: PasswordHash, addedAt: ShopInstant,
                failedLoginCount: Int = 0, lockoutCount: Int = 0, lockedUntil: ShopInstant? = nil) {
        self.email = email.trimmingSpaces().lowercased()
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.addedAt = addedAt
        self.failedLoginCount = failedLoginCount
        self.lockoutCount = lockoutCount
        self.lockedUntil = lockedUntil
    }
}

extension StaffMember: ThrottledLogin {}

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
    case logIn = "log in"
    case manageStaff = "manage staff"
    case changeSettings = "change the settings"
    case fulfil = "ship orders and receive returns"
    case refund = "refund"
    case answerSupport = "answer support tickets"
    case editStock = "change stock and listings"
    case editPrices = "change prices"
    case managePromotions = "manage promotions"

    /// What the `staff` role may do.
    static let daily: Set<StaffPermission> = [.logIn, .fulfil, .answerSupport, .editStock]
}
