/// Why the shop refused a step of an account, an order, a payment, a return or a ticket.
public enum CommerceError: Error, Hashable, Sendable, CustomStringConvertible {
    case emailTaken(String)
    case login(LoginError)
    case notLoggedIn
    /// The SSH key is registered already, to this account (`yours`) or to another one.
    case keyTaken(fingerprint: String, yours: Bool)
    /// No key of that fingerprint is registered to the account.
    case unknownKey(String)
    case emptyCart
    case termsNotAccepted
    case promo(PromoCodeError)
    case payment(PaymentError)
    case promiseTooFar(title: String, latest: CalendarDay, limit: CalendarDay)
    case notEnoughStock(sku: String, title: String, requested: Int, available: Int)
    case unknownOrder(String)
    case notYourOrder(String)
    case orderCanceled(String)
    case alreadyPaid(String)
    case paymentInProgress(orderNumber: String, state: PaymentState)
    case noCodeAwaited(String)
    case noWalletPaymentAwaiting(String)
    case noPaymentUnderWay(String)
    case unknownCashReference(String)
    case cannotCancel(orderNumber: String, fulfillment: FulfillmentState)
    case notDelivered(String)
    case withdrawalPeriodOver(orderNumber: String, lastDay: CalendarDay)
    case perishable(title: String)
    case nothingToReturn(String)
    case notOnOrder(sku: String, orderNumber: String)
    case returnQuantity(title: String, requested: Int, returnable: Int)
    case unknownTicket(String)
    case ticketClosed(String)
    case emptyText
    case clockNotForward(Int64)
    /// Moving shop time by `requested` seconds would put it more than
    /// `ShopLimits.maximumClockOffsetSeconds` ahead of the wall clock; `ahead` it already is.
    case clockTooFarAhead(requested: Int64, ahead: Int64)
    /// The cart cannot be priced (a total above `ShopLimits`, mixed currencies), which only data
    /// written before those rules can cause.
    case cart(CartError)
    /// A back-office action refused.
    case merchant(MerchantError)
    /// The product was taken off sale by the shop.
    case unlisted(sku: String, title: String)
    /// No relay point has this ID; `nearby` are those near the delivery address.
    case unknownRelayPoint(String, nearby: [LocalPlace])

    public var description: String {
        switch self {
        case let .emailTaken(email):
            return "an account already uses \(Quote.text(email)): log in with 'comptoir account login --email \(Quote.text(email))'"
        case let .login(error): return error.description
        case .notLoggedIn:
            return "no customer is logged in: run 'comptoir account login --email ADDRESS' or give --email"
        case let .keyTaken(fingerprint, yours):
            return yours
                ? "the key \(fingerprint) is already registered to this account: see them with 'comptoir account keys list'"
                : "the key \(fingerprint) is registered to another account: a key logs in to one account only, add another key"
        case let .unknownKey(fingerprint):
            return "no key with the fingerprint \(Quote.value(fingerprint)) is registered to this account: see them with 'comptoir account keys list'"
        case .emptyCart: return "the cart is empty: add products with 'comptoir cart add SKU' before checking out"
        case .termsNotAccepted:
            return "the terms of sale must be accepted: add --accept-terms to order with obligation to pay"
        case let .promo(error): return error.description
        case let .payment(error): return error.description
        case let .promiseTooFar(title, latest, limit):
            return "\(Quote.text(title)) could arrive as late as \(latest), beyond the 30 days the shop may promise (\(limit)): remove it or choose a faster delivery"
        case let .notEnoughStock(sku, title, requested, available):
            return "only \(available) of \(Quote.text(title)) (\(Quote.text(sku))) left: the cart asks for \(requested), lower the quantity"
        case let .unknownOrder(number): return "no order is numbered \(Quote.value(number)): see your orders with 'comptoir orders'"
        case let .notYourOrder(number): return "order \(Quote.text(number)) belongs to another customer"
        case let .orderCanceled(number): return "order \(Quote.text(number)) is canceled: nothing more can be done with it"
        case let .alreadyPaid(number): return "order \(Quote.text(number)) is already paid"
        case let .paymentInProgress(number, state):
            return "order \(Quote.text(number)) already has a payment that is \(state.label): finish it or cancel the order first"
        case let .noCodeAwaited(number):
            return "order \(Quote.text(number)) is not waiting for a 3-D Secure code"
        case let .noPaymentUnderWay(number):
            return "order \(Quote.text(number)) has no payment under way to give up"
        case let .noWalletPaymentAwaiting(number):
            return "order \(Quote.text(number)) has no wallet payment waiting for approval: pay with --wallet EMAIL first"
        case let .unknownCashReference(reference):
            return "no order has the payment reference \(Quote.value(reference)): check it on the customer's message"
        case let .cannotCancel(number, fulfillment):
            switch fulfillment {
            case .delivered:
                return "order \(Quote.text(number)) was delivered, so it cannot be canceled: return items within 14 days of delivery with 'comptoir return \(number)'"
            case .returned:
                return "order \(Quote.text(number)) came back to the shop and was refunded: there is nothing left to cancel"
            default:
                return "order \(Quote.text(number)) has shipped, so it cannot be canceled: return it once delivered with 'comptoir return \(number)'"
            }
        case let .notDelivered(number):
            return "order \(Quote.text(number)) has not been delivered yet: a return starts after delivery (cancel it instead while unshipped)"
        case let .withdrawalPeriodOver(number, lastDay):
            return "the 14 days to return order \(Quote.text(number)) ended on \(lastDay): contact support with 'comptoir support open'"
        case let .perishable(title):
            return "\(Quote.text(title)) is a perishable grocery and cannot be returned (no right of withdrawal for goods that spoil)"
        case let .nothingToReturn(number):
            return "order \(Quote.text(number)) has nothing left that can be returned"
        case let .notOnOrder(sku, number): return "\(Quote.value(sku)) is not on order \(Quote.text(number))"
        case let .returnQuantity(title, requested, returnable):
            return "only \(returnable) of \(Quote.text(title)) can still be returned: asked for \(requested)"
        case let .unknownTicket(id): return "no support ticket is numbered \(Quote.value(id)): see 'comptoir support show'"
        case let .ticketClosed(id): return "ticket \(Quote.text(id)) is closed: open a new one"
        case .emptyText: return "the message is empty: write your question"
        case let .clockNotForward(seconds):
            return "shop time only moves forward: \(seconds) seconds is not a step ahead"
        case let .cart(error):
            return error.description
        case let .merchant(error):
            return error.description
        case let .unlisted(sku, title):
            return "\(Quote.text(title)) (\(Quote.text(sku))) is no longer on sale: remove it from the cart with 'comptoir cart remove \(sku)'"
        case let .unknownRelayPoint(id, nearby):
            let choices = nearby.map { "\($0.id) (\($0.name), \($0.address))" }.joined(separator: ", ")
            return "no relay point has the ID \(Quote.value(id)): choose one near the address, \(choices) (all: 'comptoir relay-points')"
        case let .clockTooFarAhead(requested, ahead):
            let room = max(0, ShopLimits.maximumClockOffsetSeconds - ahead) / 3_600
            return "shop time may run at most \(ShopLimits.maximumClockAdvanceHours) hours (100 years) ahead of the clock in all: "
                + "\(requested / 3_600) hours asked, \(room) hours left"
        }
    }
}
