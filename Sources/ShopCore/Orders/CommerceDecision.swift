/// The events of one decision, applied as they are made to a scratch state, so each rule sees
/// the effect of the ones before (a payment captured, then the order prepared).
struct CommerceDecision {
    var state: ShopState
    var events: [ShopEvent] = []
    let now: ShopInstant
    var random: SplitMix64
    /// Who acts in the command being decided (`CommerceCommand.shopper`).
    var shopper: Shopper?

    init(state: ShopState, now: ShopInstant, entropy: UInt64) {
        self.state = state
        self.now = now
        self.random = SplitMix64(seed: entropy)
    }

    var commerce: Commerce { state.commerce }

    mutating func emit(_ event: CommerceEvent) {
        state.apply(.commerce(event))
        events.append(.commerce(event))
    }

    /// Queues a message to `account`, dated `date` (when what it tells happened) or now.
    mutating func send(_ kind: MessageKind, to account: Account, subject: String, body: String, order: String? = nil,
                       date: ShopInstant? = nil) {
        emit(.messageQueued(OutgoingMessage(
            sequence: commerce.lastMessageSequence + 1, kind: kind, toName: account.name,
            toAddress: account.email.value, subject: subject, body: body, date: date ?? now, orderNumber: order)))
    }

    /// Queues a message about `order` to its customer, ending with the seller's identity and
    /// contact (EU 2011/83 art. 6(1)(b)–(c)) unless its text already places it.
    mutating func send(_ kind: MessageKind, about order: Order, subject: String, body: String, date: ShopInstant? = nil) {
        guard let account = commerce.accounts[order.customer] else { return }
        var signed = body
        if !Self.placesSeller(kind) {
            while signed.hasSuffix("\n") { signed.removeLast() }
            signed += "\n\n" + state.seller.block
        }
        send(kind, to: account, subject: subject, body: signed, order: order.number, date: date)
    }

    /// The kinds whose text places the seller itself ("order received" and the voucher), and the
    /// 3-D Secure code, which speaks for the customer's bank.
    static func placesSeller(_ kind: MessageKind) -> Bool {
        [.orderReceived, .orderConfirmation, .threeDSecureCode].contains(kind)
    }

    /// The customer who acts: a logged-in session's account, or an account acting by itself.
    func customer() throws(CommerceError) -> Account {
        guard let shopper, let account = commerce.account(of: shopper) else { throw .notLoggedIn }
        return account
    }

    /// The cart the customer who acts checks out.
    var customerCart: Cart {
        shopper.map { state.cart(of: $0) } ?? Cart()
    }

    /// The acting customer's order `number`.
    func ownOrder(_ number: String) throws(CommerceError) -> Order {
        let account = try customer()
        let wanted = number.trimmingSpaces().uppercased()
        guard let order = commerce.orders[wanted] else { throw .unknownOrder(number) }
        guard order.customer == account.id else { throw .notYourOrder(wanted) }
        return order
    }
}

extension ShopState {
    func decide(_ command: CommerceCommand, at now: ShopInstant, entropy: UInt64) throws(ShopError) -> [ShopEvent] {
        var decision = CommerceDecision(state: self, now: now, entropy: entropy)
        do throws(CommerceError) {
            switch command {
            case .catchUp:
                decision.catchUp()
            case let .advanceClock(seconds):
                guard seconds > 0 else { throw .clockNotForward(seconds) }
                guard seconds <= ShopLimits.maximumClockOffsetSeconds - commerce.clockOffset else {
                    throw .clockTooFarAhead(requested: seconds, ahead: commerce.clockOffset)
                }
                decision.emit(.clockAdvanced(seconds: seconds))
                var later = CommerceDecision(state: decision.state, now: now.adding(seconds: seconds), entropy: entropy)
                later.events = decision.events
                later.catchUp()
                decision = later
            case .markMessagesDelivered(let sequence):
                if commerce.outbox.contains(where: { $0.sequence <= sequence }) {
                    decision.emit(.messagesDelivered(upTo: sequence))
                }
            default:
                decision.catchUp()
                try decision.decide(command)
            }
        } catch {
            throw .commerce(error)
        }
        return decision.events
    }
}

extension CommerceDecision {
    mutating func decide(_ command: CommerceCommand) throws(CommerceError) {
        shopper = command.shopper
        switch command {
        case .catchUp, .advanceClock, .markMessagesDelivered:
            return
        case let .register(registration, hash, session): try register(registration, hash: hash, session: session)
        case let .logIn(email, verified, session): try logIn(email: email, passwordVerified: verified, session: session)
        case let .logOut(shopper): try logOut(shopper)
        case let .addAccountKey(entry, _): try addKey(entry)
        case let .removeAccountKey(fingerprint, _): try removeKey(fingerprint)
        case let .logInWithKey(email, fingerprint, session): try logInWithKey(email: email, fingerprint: fingerprint, session: session)
        case let .changePassword(hash, _): try changePassword(hash)
        case let .placeOrder(request, _): try placeOrder(request)
        case let .pay(number, request, _):
            let order = try ownOrder(number)
            try checkPayable(order)
            try startPayment(order, request)
        case let .confirmCode(number, code, _): try confirmCode(number, code: code)
        case let .approveWallet(number, _): try approveWallet(number)
        case let .abandonPayment(number, _): try abandonPayment(number)
        case let .recordCash(reference, amount): try recordCash(reference, amount: amount)
        case let .cancelOrder(number, _): try cancel(number)
        case let .requestReturn(number, lines, _): try requestReturn(number, lines: lines)
        case let .openTicket(number, topic, text, _): try openTicket(number, topic: topic, text: text)
        case let .replyToTicket(id, text, _): try reply(id, text: text)
        case let .closeTicket(id, _): try close(id)
        case let .merchant(action, staff):
            do throws(MerchantError) {
                try decideMerchant(action, staff: staff)
            } catch {
                throw .merchant(error)
            }
        }
    }
}
