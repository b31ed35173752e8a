/// What happened behind the counter: staff, settings, catalogue changes, promotions, consent and
/// the audit journal. Shipping, refunds and replies made by staff are the trade's own events.
public enum BackOfficeEvent: Hashable, Sendable {
    case staffAdded(StaffMember)
    case staffRemoved(email: String)
    /// The login throttle's fields of a member of staff after an attempt.
    case staffLoginRecorded(email: String, failedLoginCount: Int, lockoutCount: Int, lockedUntil: ShopInstant?)
    case fulfilmentModeSet(FulfilmentMode)
    case promotionAdded(PromoCode)
    case promotionEnded(code: String, at: ShopInstant)
    /// Units on the shelf (reserved units included).
    case stockSet(sku: String, onHand: Int)
    /// The shelf price, VAT included. Placed orders keep the price they were sold at.
    case priceSet(sku: String, price: Money)
    case listingChanged(sku: String, listed: Bool)
    /// The customer's answer to the marketing question (asked unticked at registration).
    case marketingConsent(AccountID, given: Bool, at: ShopInstant)
    /// Who did which back-office action, and when.
    case audited(AuditEntry)
}
