/// Why the back office refused a member of staff's action.
public enum MerchantError: Error, Hashable, Sendable, CustomStringConvertible {
    case noStaffYet
    case staffLoginNeeded
    case login(LoginError)
    case notStaff(String)
    case customerNotStaff(String)
    case notAllowed(email: String, role: StaffRole, permission: StaffPermission)
    case firstStaffMustBeOwner
    case staffExists(String)
    case invalidStaffEmail(String)
    case emptyName
    case lastOwner(String)
    case unknownOrder(String)
    case notToShip(orderNumber: String, why: String)
    case noReturnAwaiting(String)
    case notPaid(String)
    case refundNotPositive
    case refundTooLarge(orderNumber: String, requested: Money, remaining: Money)
    case emptyReason
    case unknownTicket(String)
    case ticketClosed(String)
    case emptyText
    case unknownProduct(String)
    case stockNegative(Int)
    case stockBelowReserved(sku: String, requested: Int, reserved: Int)
    case stockTooLarge(Int)
    case priceNotPositive
    case priceTooLarge(Money)
    case currencyMismatch(sku: String, expected: Currency)
    case alreadyListed(String)
    case alreadyUnlisted(String)
    case invalidPromoCode(String)
    case promoExists(String)
    case unknownPromotion(String)
    case promotionAlreadyEnded(String)
    case percentOutOfRange(basisPoints: Int64)
    case amountNotPositive
    case minimumNegative
    case lastDayPassed(CalendarDay)
    case lastDayTooFar(CalendarDay)
    case sameFulfilment(FulfilmentMode)

    public var description: String {
        switch self {
        case let .login(error): return error.description
        case .staffLoginNeeded:
            return "the shop has staff: an action needs one of them, give --email STAFF"
        case .noStaffYet:
            return "the shop has no staff yet: create the owner with 'comptoir merchant staff add --email E --name N'"
        case let .notStaff(email):
            return "\(Quote.value(email)) is not a member of staff: the owner adds staff with 'comptoir merchant staff add'"
        case let .customerNotStaff(email):
            return "\(Quote.value(email)) is a customer account, not staff: the back office is for the shop's staff"
        case let .notAllowed(email, role, permission):
            return "\(Quote.value(email)) is \(role.rawValue) and may not \(permission.rawValue): ask an owner"
        case .firstStaffMustBeOwner:
            return "the first member of staff must be the owner: leave out --role or give --role owner"
        case let .staffExists(email): return "\(Quote.value(email)) is already a member of staff"
        case let .invalidStaffEmail(email): return "\(Quote.value(email)) is not an email address: give one like name@example.com"
        case .emptyName: return "the name is empty: give --name"
        case let .lastOwner(email): return "\(Quote.value(email)) is the last owner: add another owner before removing this one"
        case let .unknownOrder(number): return "no order is numbered \(Quote.value(number)): see 'comptoir merchant orders --state all'"
        case let .notToShip(number, why): return "order \(Quote.text(number)) cannot be shipped: \(why)"
        case let .noReturnAwaiting(number): return "order \(Quote.text(number)) has no return parcel on its way back"
        case let .notPaid(number): return "order \(Quote.text(number)) has not been paid: there is nothing to refund"
        case .refundNotPositive: return "the refund must be more than zero: give --amount like 5.00"
        case let .refundTooLarge(number, requested, remaining):
            return "a refund of \(requested) is more than the \(remaining) paid and not yet refunded on order \(Quote.text(number))"
        case .emptyReason: return "the reason is empty: say why with --reason"
        case let .unknownTicket(id): return "no support ticket is numbered \(Quote.value(id)): see 'comptoir merchant tickets'"
        case let .ticketClosed(id): return "ticket \(Quote.text(id)) is closed: the customer may open a new one"
        case .emptyText: return "the reply is empty: write the answer"
        case let .unknownProduct(sku): return "no product has the SKU \(Quote.value(sku)): check it with 'comptoir search'"
        case let .stockNegative(quantity): return "stock \(quantity) is below zero: give a whole number of units, 0 or more"
        case let .stockBelowReserved(sku, requested, reserved):
            return "\(reserved) units of \(Quote.value(sku)) are reserved by placed orders: the stock cannot go down to \(requested)"
        case let .stockTooLarge(quantity):
            return "stock \(quantity) is more than the shop's limit of \(ShopLimits.maximumStock) units"
        case .priceNotPositive: return "the price must be more than zero: give it VAT included, like 12.90"
        case let .priceTooLarge(price):
            return "the price \(price) is above the shop's limit of \(Money(minorUnits: ShopLimits.maximumPriceMinorUnits, currency: price.currency))"
        case let .currencyMismatch(sku, expected): return "\(Quote.value(sku)) is priced in \(expected.code): give the price in \(expected.code)"
        case let .alreadyListed(sku): return "\(Quote.value(sku)) is already on sale"
        case let .alreadyUnlisted(sku): return "\(Quote.value(sku)) is already unlisted"
        case let .invalidPromoCode(code):
            return "\(Quote.value(code)) cannot be a promotion code: use 3 to 20 letters and digits, like SPRING10"
        case let .promoExists(code): return "the promotion \(Quote.text(code)) already exists: end it first, or choose another code"
        case let .unknownPromotion(code): return "no promotion is named \(Quote.value(code)): see 'comptoir merchant promo list'"
        case let .promotionAlreadyEnded(code): return "the promotion \(Quote.text(code)) has already ended"
        case let .percentOutOfRange(basisPoints):
            return "\(Double(basisPoints) / 100) % is not a discount: give a percentage above 0 and at most 100"
        case .amountNotPositive: return "the amount off must be more than zero, and at most 100000.00"
        case .minimumNegative: return "the minimum basket cannot be below zero"
        case let .lastDayPassed(day): return "the last day \(day) has already passed: give today or a later day"
        case let .lastDayTooFar(day): return "the last day \(day) is too far ahead: give a day before 3000"
        case let .sameFulfilment(mode): return "fulfilment is already \(mode.rawValue)"
        }
    }
}
