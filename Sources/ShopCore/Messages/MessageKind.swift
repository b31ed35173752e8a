/// What a shop message is about; written as `X-Comptoir-Kind` so the inbox can sort and
/// scripts can find, say, the 3-D Secure code.
public enum MessageKind: String, CaseIterable, Hashable, Sendable {
    case accountCreated = "account-created"
    /// At placement: the order, what is due and by when (not a confirmation).
    case orderReceived = "order-received"
    /// Once paid: the confirmation that serves as the voucher (EU 2011/83 art. 8(7)).
    case orderConfirmation = "order-confirmation"
    case threeDSecureCode = "3ds-code"
    case paymentReceived = "payment-received"
    case paymentFailed = "payment-failed"
    case cashPaymentReference = "cash-payment-reference"
    case orderCanceled = "order-canceled"
    case shipped = "shipped"
    case delivered = "delivered"
    case returnLabel = "return-label"
    case refund = "refund"
    case supportAnswer = "support-answer"
}
