/// One back-office action in the audit journal: who did what, when.
public struct AuditEntry: Hashable, Sendable {
    public var at: ShopInstant
    /// The staff member's email; `data folder` for the first owner, created by whoever can write it.
    public var staff: String
    /// What was done, in words: `shipped C-2026-000001 with Colis Rapide (CR123…)`.
    public var action: String

    public init(at: ShopInstant, staff: String, action: String) {
        self.at = at
        self.staff = staff
        self.action = action
    }

    /// Who the first owner's creation is attributed to.
    public static let dataFolder = "data folder"
}
