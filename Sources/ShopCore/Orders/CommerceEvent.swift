/// What happened in the shop's trade: accounts, orders, payments, parcels, returns, support and
/// mail. Each records an outcome (codes, tokens and numbers already drawn), so replay is exact.
public enum CommerceEvent: Hashable, Sendable {
    /// Shop time moved ahead of the wall clock by `seconds` more.
    case clockAdvanced(seconds: Int64)
    case accountRegistered(Account)
    /// The login throttle's fields after an attempt.
    case loginRecorded(AccountID, failedLoginCount: Int, lockoutCount: Int, lockedUntil: ShopInstant?)
    /// The session logged in to the account; the session's guest cart merges into the account's.
    case sessionStarted(session: String, account: AccountID)
    /// The session logged out: the account keeps its cart, the session's guest cart starts empty.
    case sessionEnded(session: String)
    case passwordChanged(AccountID, PasswordHash)
    /// The key logs its account in over SSH from now on.
    case accountKeyAdded(AccountKey)
    case accountKeyRemoved(AccountID, fingerprint: String)
    /// Stock of the lines is reserved; the cart of the order's account is emptied.
    case orderPlaced(Order)
    /// A new payment attempt for the order.
    case paymentStarted(orderNumber: String, Payment)
    /// The current payment attempt changed (code checked, approved, captured, paid, expired...).
    case paymentUpdated(orderNumber: String, Payment)
    case orderCanceled(orderNumber: String, CancelReason)
    case refundRecorded(orderNumber: String, amount: Money, at: ShopInstant)
    /// Paid: the order goes to the warehouse.
    case preparationStarted(orderNumber: String, at: ShopInstant)
    /// Reserved stock leaves the warehouse.
    case orderShipped(orderNumber: String, Shipment)
    case scansRecorded(orderNumber: String, returnIndex: Int?, [ScanEvent])
    case orderDelivered(orderNumber: String, at: ShopInstant)
    /// The parcel came back to the shop undelivered.
    case orderReturnedToSender(orderNumber: String, at: ShopInstant)
    case returnRequested(orderNumber: String, ReturnRequest)
    /// The returned items are back in stock.
    case returnReceived(orderNumber: String, returnIndex: Int, at: ShopInstant)
    case ticketOpened(SupportTicket)
    case ticketMessageAdded(ticketID: String, TicketMessage)
    case ticketStatusChanged(ticketID: String, TicketStatus)
    case messageQueued(OutgoingMessage)
    /// Every queued message up to `sequence` is in the mailbox.
    case messagesDelivered(upTo: Int)
    /// Staff, settings, catalogue changes, promotions, consent and the audit journal.
    case backOffice(BackOfficeEvent)
}

extension CommerceEvent {
    /// The order the event changes, if it changes one.
    public var orderNumber: String? {
        switch self {
        case let .orderPlaced(order): return order.number
        case let .paymentStarted(number, _), let .paymentUpdated(number, _), let .orderCanceled(number, _),
             let .refundRecorded(number, _, _), let .preparationStarted(number, _), let .orderShipped(number, _),
             let .scansRecorded(number, _, _), let .orderDelivered(number, _), let .orderReturnedToSender(number, _),
             let .returnRequested(number, _), let .returnReceived(number, _, _):
            return number
        case .clockAdvanced, .accountRegistered, .loginRecorded, .sessionStarted, .sessionEnded, .passwordChanged,
             .accountKeyAdded, .accountKeyRemoved,
             .ticketOpened, .ticketMessageAdded, .ticketStatusChanged, .messageQueued, .messagesDelivered, .backOffice:
            return nil
        }
    }
}
