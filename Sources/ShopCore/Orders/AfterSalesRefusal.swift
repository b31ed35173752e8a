/// Why an order cannot be canceled or returned now: the answer to the questions the screens ask
/// before they offer a cancellation or a return (`Order.cancelRefusal`, `Order.returnRefusal(at:)`).
/// The decision (`CommerceCommand.cancelOrder`, `.requestReturn`) refuses on the same rules.
public enum AfterSalesRefusal: Hashable, Sendable, CustomStringConvertible {
    case alreadyCanceled(orderNumber: String)
    /// Too late to cancel: the parcel has left (shipped, delivered or returned).
    case tooLateToCancel(orderNumber: String, fulfillment: FulfillmentState)
    /// Nothing to return on a canceled order.
    case canceledNothingToReturn(orderNumber: String)
    /// A return starts after delivery; `shipped` says whether the order can still be canceled.
    case notDelivered(orderNumber: String, shipped: Bool)
    case withdrawalPeriodOver(orderNumber: String, lastDay: CalendarDay)
    /// Only perishable groceries on the order: no right of withdrawal.
    case onlyPerishables(orderNumber: String)
    /// Every returnable unit is already on a return.
    case everythingReturned(orderNumber: String)

    public var orderNumber: String {
        switch self {
        case let .alreadyCanceled(number), let .tooLateToCancel(number, _), let .canceledNothingToReturn(number),
             let .notDelivered(number, _), let .withdrawalPeriodOver(number, _), let .onlyPerishables(number),
             let .everythingReturned(number):
            return number
        }
    }

    public var description: String {
        switch self {
        case let .alreadyCanceled(number):
            return "Order \(number) is already canceled"
        case let .tooLateToCancel(number, fulfillment):
            return AfterSalesRefusal.tooLateToCancel(number, fulfillment)
        case let .canceledNothingToReturn(number):
            return "Order \(number) is canceled: there is nothing to return"
        case let .notDelivered(number, _):
            return "Order \(number) has not been delivered yet: a return starts after delivery"
        case let .withdrawalPeriodOver(number, lastDay):
            return "The 14 days to return order \(number) ended on \(lastDay)"
        case let .onlyPerishables(number):
            return "Order \(number) holds only perishable groceries, which cannot be returned"
        case let .everythingReturned(number):
            return "Everything on order \(number) that can be returned is already on its way back"
        }
    }
}

extension AfterSalesRefusal {
    /// Why an order that left the warehouse cannot be canceled, and what the customer can do instead.
    static func tooLateToCancel(_ number: String, _ fulfillment: FulfillmentState) -> String {
        switch fulfillment {
        case .delivered:
            return "Order \(number) was delivered: return items instead, within 14 days"
        case .returned:
            return "Order \(number) was returned and refunded: nothing is left to cancel"
        default:
            return "Order \(number) has shipped: too late to cancel, return it once delivered"
        }
    }
}

extension Order {
    /// Nil when the order may be canceled now (not canceled, not shipped yet), else why not.
    public var cancelRefusal: AfterSalesRefusal? {
        if state == .canceled { return .alreadyCanceled(orderNumber: number) }
        if fulfillment != .unfulfilled && fulfillment != .preparing {
            return .tooLateToCancel(orderNumber: number, fulfillment: fulfillment)
        }
        return nil
    }

    /// Nil when a return may start at `now` (delivered, within the 14 days, something returnable
    /// left), else why not.
    public func returnRefusal(at now: ShopInstant) -> AfterSalesRefusal? {
        if state == .canceled, fulfillment != .returned { return .canceledNothingToReturn(orderNumber: number) }
        guard fulfillment == .delivered || fulfillment == .returned, let lastDay = withdrawalLastDay else {
            return .notDelivered(orderNumber: number, shipped: fulfillment == .shipped)
        }
        if ShopTimeZone.paris.day(of: now) > lastDay { return .withdrawalPeriodOver(orderNumber: number, lastDay: lastDay) }
        if !lines.contains(where: { returnableQuantity(of: $0) > 0 }) {
            return lines.contains(where: \.perishable) && returns.isEmpty
                ? .onlyPerishables(orderNumber: number) : .everythingReturned(orderNumber: number)
        }
        return nil
    }
}
