import ShopCore
import ShopStore

extension ShopService {
    /// Types a 3-D Secure code for the order's card payment. Throws `.codeRejected` when the code
    /// was wrong and the payment still waits for the right one; a payment failed for good (no
    /// tries left, code expired) is not an error here: the order says so.
    @discardableResult
    public func confirmCode(orderNumber: String, code: String, by shopper: Shopper) throws(ServiceError) -> Order? {
        try trade(.confirmCode(orderNumber: orderNumber, code: code, by: shopper))
        let order = commerce.order(numbered: orderNumber)
        if let order, case let .awaitingCode(attemptsLeft) = PaymentOutcome(order) {
            throw .codeRejected(.rejected(attemptsLeft: attemptsLeft))
        }
        return order
    }
}
