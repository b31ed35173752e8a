/// What a customer, an agent or the courier asks of the shop's trade. The wall clock and the
/// random draws come with the command (`ShopCommand.commerce(_:at:entropy:)`), so decide stays pure.
/// A customer's command names who acts (`by: Shopper`); the shop's own need no one.
public enum CommerceCommand: Hashable, Sendable {
    /// Records whatever shop time has made due: expired codes and references, shipments, scans,
    /// deliveries, returns received. Every other command does this first.
    case catchUp
    /// Moves shop time ahead (demos and tests), then catches up.
    case advanceClock(seconds: Int64)
    /// Creates the account and logs `session` in to it (none when nil). The password was checked
    /// and hashed by the caller.
    case register(AccountRegistration, passwordHash: PasswordHash, session: String?)
    /// A login attempt whose password the caller verified against the account's hash; the attempt
    /// is recorded by the login throttle, and a right password logs `session` in. With no session
    /// (an account acting by itself, `--email`) only the attempt is recorded.
    case logIn(email: String, passwordVerified: Bool, session: String?)
    /// Logs the session out; for an account, every session logged in to it.
    case logOut(by: Shopper)
    /// The caller proved the current password (`Account.changingPassword`).
    case changePassword(newHash: PasswordHash, by: Shopper)
    /// Registers an SSH public key to the customer's account; a key belongs to one account only.
    case addAccountKey(PublicKeyEntry, by: Shopper)
    /// Unregisters the key of that fingerprint from the customer's account.
    case removeAccountKey(fingerprint: String, by: Shopper)
    /// A login over SSH whose key signature the caller verified: `session` logs in to the account of
    /// `email` when the key of `fingerprint` is registered to it (the login throttle's lock holds).
    case logInWithKey(email: String, fingerprint: String, session: String)
    /// "Order with obligation to pay": places the customer's cart (the legal act of ordering) and
    /// starts its payment when the request carries one; without, the order waits for `pay`.
    case placeOrder(CheckoutRequest, by: Shopper)
    /// Another payment attempt for an unpaid order.
    case pay(orderNumber: String, PaymentRequest, by: Shopper)
    /// The 3-D Secure code the customer typed.
    case confirmCode(orderNumber: String, code: String, by: Shopper)
    /// The customer approves the wallet payment; the shop captures it.
    case approveWallet(orderNumber: String, by: Shopper)
    /// The customer gives up the payment under way (a 3-D Secure code, a wallet approval or a
    /// cash reference they will not complete), so the order can be paid another way.
    case abandonPayment(orderNumber: String, by: Shopper)
    /// An agent records cash paid against a reference.
    case recordCash(reference: CashReference, amount: Money)
    case cancelOrder(orderNumber: String, by: Shopper)
    /// Returns the given lines, or every item that may be returned when nil.
    case requestReturn(orderNumber: String, lines: [ReturnLine]?, by: Shopper)
    case openTicket(orderNumber: String, topic: SupportTopic?, text: String, by: Shopper)
    case replyToTicket(ticketID: String, text: String, by: Shopper)
    case closeTicket(ticketID: String, by: Shopper)
    /// Every queued message up to `sequence` has been written to the mailbox.
    case markMessagesDelivered(upTo: Int)
    /// A back-office action by the member of staff `staff` (an email, whose password the caller
    /// verified); nil only to add the first owner, by whoever can write the data folder.
    case merchant(MerchantAction, staff: String?)
}

extension CommerceCommand {
    /// Who acts: the customer of a customer's command, nil for the shop's own (catching up, the
    /// clock, cash recorded by an agent, mail delivered) and for registration and login, which
    /// name the session they log in.
    public var shopper: Shopper? {
        switch self {
        case .catchUp, .advanceClock, .register, .logIn, .logInWithKey, .recordCash, .markMessagesDelivered, .merchant:
            return nil
        case let .logOut(shopper), let .changePassword(_, shopper), let .addAccountKey(_, shopper), let .removeAccountKey(_, shopper),
             let .placeOrder(_, shopper), let .pay(_, _, shopper),
             let .confirmCode(_, _, shopper), let .approveWallet(_, shopper), let .abandonPayment(_, shopper),
             let .cancelOrder(_, shopper), let .requestReturn(_, _, shopper), let .openTicket(_, _, _, shopper),
             let .replyToTicket(_, _, shopper), let .closeTicket(_, shopper):
            return shopper
        }
    }
}

/// The choices of the checkout steps.
public struct CheckoutRequest: Hashable, Sendable {
    /// Nil delivers to the account's address.
    public var address: PostalAddress?
    public var delivery: DeliveryMethod
    public var extras: Set<CheckoutExtra>
    public var promoCode: String?
    public var acceptsTerms: Bool
    /// Nil places the order only: the terminal's Payment step follows for the placed order.
    public var payment: PaymentRequest?
    /// The relay point chosen for relay delivery (`LocalPlace.id` in `RelayPoint.directory`); nil
    /// takes the one nearest the address. Ignored for home delivery.
    public var relayPointID: String?

    public init(address: PostalAddress? = nil, delivery: DeliveryMethod = .standard, relayPointID: String? = nil,
                extras: Set<CheckoutExtra> = [], promoCode: String? = nil, acceptsTerms: Bool, payment: PaymentRequest?) {
        self.address = address
        self.delivery = delivery
        self.relayPointID = relayPointID
        self.extras = extras
        self.promoCode = promoCode
        self.acceptsTerms = acceptsTerms
        self.payment = payment
    }
}

/// How the customer wants to pay.
public enum PaymentRequest: Hashable, Sendable {
    case card(CardEntry)
    case wallet(payer: String)
    case cash
}

/// Card details carried by a command for the time of one decision. Hashing and printing see
/// only the summary; the number and code never reach an event.
public struct CardEntry: Hashable, Sendable, CustomStringConvertible {
    public let details: CardDetails
    public init(_ details: CardDetails) { self.details = details }
    public func hash(into hasher: inout Hasher) { hasher.combine(details.summary) }
    public var description: String { details.description }
}
