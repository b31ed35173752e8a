/// What a shop message is about; written as `X-Comptoir-Kind` so the inbox can sort and
/// scripts can find, say, the 3-D Secure code. Every kind is sent by some event (see the README's
/// table of messages); a kind no event sends is not declared.
public enum MessageKind: String, CaseIterable, Hashable, Sendable {
    /// At registration; names the SSH key registered with the account, if any.
    case accountCreated = "account-created"
    /// At placement: the order, what is due and by when (not a confirmation).
    case orderReceived = "order-received"
    /// Once paid: the confirmation that serves as the voucher (EU 2011/83 art. 8(7)). It is also
    /// the receipt of the payment (amount, method, what happens next): an order is paid once, and
    /// no separate "payment received" mail repeats it (see `CommerceDecision.paid`).
    case orderConfirmation = "order-confirmation"
    case threeDSecureCode = "3ds-code"
    case paymentFailed = "payment-failed"
    case cashPaymentReference = "cash-payment-reference"
    case orderCanceled = "order-canceled"
    case shipped = "shipped"
    /// The parcel waits at the relay point, or at the carrier's depot after a missed delivery.
    case readyForPickup = "ready-for-pickup"
    case delivered = "delivered"
    case returnLabel = "return-label"
    case refund = "refund"
    case supportAnswer = "support-answer"
    /// The account's password was changed.
    case passwordChanged = "password-changed"
    /// An SSH key was registered to the account after its registration.
    case accountKeyAdded = "account-key-added"
    /// An SSH key was unregistered from the account.
    case accountKeyRemoved = "account-key-removed"
    /// Wrong passwords in a row locked the account for a while.
    case accountLocked = "account-locked"
}
