/// What a member of staff asks of the shop in the back office (`CommerceCommand.merchant`).
/// Passwords come hashed: the caller checked and hashed them.
public enum MerchantAction: Hashable, Sendable {
    /// A login attempt whose password the caller verified against the member's hash; recorded by
    /// the login throttle (not audited), refused while the member is locked out.
    case logIn(passwordVerified: Bool)
    case addStaff(email: String, name: String, role: StaffRole, passwordHash: PasswordHash)
    case removeStaff(email: String)
    case setFulfilment(FulfilmentMode)
    /// Hands a paid order waiting to ship to the courier (nil: the carrier of its delivery method).
    case ship(orderNumber: String, carrier: Carrier?)
    /// Records the oldest return parcel of the order that has not been received as received, and
    /// refunds it as the automatic warehouse would.
    case receiveReturn(orderNumber: String)
    /// A goodwill refund, never above what was paid and not yet refunded.
    case refund(orderNumber: String, amount: Money, reason: String)
    case replyToTicket(ticketID: String, text: String)
    case closeTicket(ticketID: String)
    case setStock(sku: String, onHand: Int)
    case setPrice(sku: String, price: Money)
    case setListed(sku: String, listed: Bool)
    case addPromotion(PromoCode)
    case endPromotion(code: String)

    /// The permission the action needs.
    public var permission: StaffPermission {
        switch self {
        case .logIn: return .logIn
        case .addStaff, .removeStaff: return .manageStaff
        case .setFulfilment: return .changeSettings
        case .ship, .receiveReturn: return .fulfil
        case .refund: return .refund
        case .replyToTicket, .closeTicket: return .answerSupport
        case .setStock, .setListed: return .editStock
        case .setPrice: return .editPrices
        case .addPromotion, .endPromotion: return .managePromotions
        }
    }
}
