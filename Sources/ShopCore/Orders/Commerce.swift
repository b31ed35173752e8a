import HashTreeCollections

/// The trade part of the shop's state: accounts, the logged-in sessions, orders, tickets, mail waiting to
/// be written, and the shop clock's offset. Changed only by `apply(_:)`.
///
/// Its maps are persistent hash trees and its long lists `BlockList`s: every decision works on a copy
/// of the state, and with flat dictionaries the first change to such a copy copied every order and
/// account of the shop (100,000 orders: tens of milliseconds and megabytes per command).
public struct Commerce: Hashable, Sendable {
    /// Seconds shop time runs ahead of the wall clock (`comptoir courier advance`).
    public private(set) var clockOffsetSeconds: Int64 = 0
    public private(set) var accounts: TreeDictionary<AccountID, Account> = [:]
    public private(set) var accountIDsByEmail: TreeDictionary<String, AccountID> = [:]
    /// The account each logged-in session acts for, by session name (see `Shopper`).
    public private(set) var sessions: TreeDictionary<String, AccountID> = [:]
    /// The SSH public keys registered to accounts, by fingerprint: one key, one account.
    public private(set) var accountKeys: TreeDictionary<String, AccountKey> = [:]
    public private(set) var orders: TreeDictionary<String, Order> = [:]
    /// Order numbers, oldest first.
    public private(set) var orderNumbers: BlockList<String> = []
    /// Where each order stands in `orderNumbers`.
    private var orderPositions: TreeDictionary<String, Int> = [:]
    /// Each customer's orders, by position in `orderNumbers`, oldest first.
    private var orderPositionsByCustomer: TreeDictionary<AccountID, [Int]> = [:]
    /// The order each cash reference was issued for.
    private var orderNumbersByCashReference: TreeDictionary<CashReference, String> = [:]
    /// Every tracking number a parcel or return parcel carries.
    private var trackingNumbers: TreeSet<TrackingNumber> = []
    /// Positions of the orders shop time may still change (see `isInProgress`): catching up
    /// visits these only, so a command costs the same with 100,000 settled orders as with none.
    private var inProgressPositions: Set<Int> = []
    /// Each order queue's orders, kept as orders change (the back office lists and counts from it).
    public private(set) var queues = OrderQueueIndex()
    /// The sales figures of every order, per day and product, kept as orders change (`SalesReport`).
    public private(set) var sales = SalesLedger()
    public private(set) var tickets: TreeDictionary<String, SupportTicket> = [:]
    public private(set) var ticketIDs: [String] = []
    /// Each customer's tickets, as positions in `ticketIDs`, oldest first.
    private var ticketPositionsByCustomer: TreeDictionary<AccountID, [Int]> = [:]
    /// Account IDs ascending, the order the accounts were created in (kept, not sorted when asked).
    private var accountIDsInOrder: BlockList<AccountID> = []
    /// Messages decided but not yet written to the mailbox.
    public private(set) var outbox: [OutgoingMessage] = []
    public private(set) var lastMessageSequence = 0
    /// The merchant's side: staff, audit, settings, promotions, listings, consent.
    public internal(set) var backOffice = BackOffice()

    public init() {}

    /// A trade state as it was saved (the store's snapshots read it back with this); the
    /// lookups by email are rebuilt.
    public init(
        clockOffsetSeconds: Int64, accounts: [Account], sessions: some Sequence<(key: String, value: AccountID)>,
        orders: [Order], tickets: [SupportTicket], outbox: [OutgoingMessage], lastMessageSequence: Int,
        backOffice: BackOffice = BackOffice(), accountKeys: [AccountKey] = []
    ) {
        self.backOffice = backOffice
        for key in accountKeys { self.accountKeys[key.fingerprint] = key }
        self.clockOffsetSeconds = clockOffsetSeconds
        for account in accounts {
            self.accounts[account.id] = account
            accountIDsByEmail[account.email.value.lowercased()] = account.id
        }
        accountIDsInOrder = BlockList(self.accounts.keys.sorted())
        self.sessions = TreeDictionary(sessions.lazy.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        self.outbox = outbox
        self.lastMessageSequence = lastMessageSequence
        restore(orders: orders, tickets: tickets)
    }

    /// Adds the orders and tickets of a saved trade state, oldest first, to one that has none yet,
    /// with their lookups (the store reads a snapshot's orders after the rest, see `ShopState`).
    package mutating func restore(orders: [Order], tickets: [SupportTicket]) {
        precondition(orderNumbers.isEmpty && ticketIDs.isEmpty, "orders are restored into a trade state without any")
        for (position, order) in orders.enumerated() {
            self.orders[order.number] = order
            orderNumbers.append(order.number)
            orderPositions[order.number] = position
            orderPositionsByCustomer[order.customer, default: []].append(position)
            index(order)
            if Self.isInProgress(order) { inProgressPositions.insert(position) }
            queues.move(position, from: nil, to: OrderQueue(order))
            sales.add(order)
        }
        for ticket in tickets { self.tickets[ticket.id] = ticket }
        ticketIDs = tickets.map(\.id)
        for (position, ticket) in tickets.enumerated() { ticketPositionsByCustomer[ticket.customer, default: []].append(position) }
    }

    /// Accounts in the order they were created.
    public var accountsInOrder: [Account] { accountIDsInOrder.compactMap { accounts[$0] } }

    /// The `index`th account in the order they were created (0 is the first), without listing them all.
    public func account(at index: Int) -> Account? {
        accountIDsInOrder.indices.contains(index) ? accounts[accountIDsInOrder[index]] : nil
    }

    /// The order at `position` in `orderNumbers`.
    public func order(at position: Int) -> Order? {
        orderNumbers.indices.contains(position) ? orders[orderNumbers[position]] : nil
    }

    public func account(email: String) -> Account? {
        accountIDsByEmail[email.trimmingSpaces().lowercased()].flatMap { accounts[$0] }
    }

    /// Shop time when the wall clock reads `wallClock`: the wall clock plus the offset.
    public func shopTime(wallClock: ShopInstant) -> ShopInstant {
        wallClock.adding(seconds: clockOffset)
    }

    /// The offset in force: an offset beyond `ShopLimits.maximumClockOffsetSeconds`, which only
    /// a data folder written before that limit can hold, counts as the limit.
    public var clockOffset: Int64 {
        min(max(clockOffsetSeconds, 0), ShopLimits.maximumClockOffsetSeconds)
    }

    /// The order numbered `number` as typed (any case, outer spaces ignored).
    public func order(numbered number: String) -> Order? {
        orders[number.trimmingSpaces().uppercased()]
    }

    /// The account `shopper` acts for: a logged-in session's, or the account itself; nil for a guest.
    public func account(of shopper: Shopper) -> Account? {
        switch shopper {
        case let .session(name): return sessions[name].flatMap { accounts[$0] }
        case let .account(id): return accounts[id]
        }
    }

    /// The sessions logged in to `account`, by name.
    public func sessions(of account: AccountID) -> [String] {
        sessions.filter { $0.value == account }.map(\.key).sorted()
    }

    /// The SSH keys registered to `account`, oldest first.
    public func keys(of account: AccountID) -> [AccountKey] {
        accountKeys.values.filter { $0.account == account }
            .sorted { ($0.addedAt, $0.fingerprint) < ($1.addedAt, $1.fingerprint) }
    }

    /// Keys registered in the order they were added (snapshots keep this order).
    public var accountKeysInOrder: [AccountKey] {
        accountKeys.values.sorted { ($0.addedAt, $0.fingerprint) < ($1.addedAt, $1.fingerprint) }
    }

    /// The customer's orders, oldest first.
    public func orders(of customer: AccountID) -> [Order] {
        (orderPositionsByCustomer[customer] ?? []).compactMap { orders[orderNumbers[$0]] }
    }

    /// The customer's tickets, oldest first.
    public func tickets(of customer: AccountID) -> [SupportTicket] {
        (ticketPositionsByCustomer[customer] ?? []).compactMap { tickets[ticketIDs[$0]] }
    }

    /// Whether `customer` already used the promotion code on an order.
    public func hasUsed(promoCode code: String, customer: AccountID) -> Bool {
        orders(of: customer).contains { $0.promoCode == code }
    }

    /// The order holding cash reference `reference`.
    public func order(cashReference reference: CashReference) -> Order? {
        orderNumbersByCashReference[reference].flatMap { orders[$0] }
    }

    /// Whether shop time may still change the order: unpaid or being prepared (payment expiry,
    /// shipping), a parcel on its way, or a return not yet received.
    public static func isInProgress(_ order: Order) -> Bool {
        order.state == .placed || order.fulfillment == .shipped || order.returns.contains { $0.receivedAt == nil }
    }

    /// The orders shop time may still change, oldest first.
    public var ordersInProgress: [Order] {
        inProgressPositions.sorted().compactMap { orders[orderNumbers[$0]] }
    }

    /// Applies one event. `carts` are the shop's carts: a login merges a guest cart, an order
    /// empties its account's cart.
    public mutating func apply(_ event: CommerceEvent, carts: inout Carts) {
        let before = event.orderNumber.flatMap { orders[$0] }
        applyChange(event, carts: &carts)
        guard let number = event.orderNumber, let position = orderPositions[number], let order = orders[number] else { return }
        index(order)
        if Self.isInProgress(order) {
            inProgressPositions.insert(position)
        } else {
            inProgressPositions.remove(position)
        }
        queues.move(position, from: before.map(OrderQueue.init), to: OrderQueue(order))
        sales.replace(before, with: order)
    }

    private mutating func applyChange(_ event: CommerceEvent, carts: inout Carts) {
        switch event {
        case let .clockAdvanced(seconds):
            clockOffsetSeconds = clockOffsetSeconds.saturatingAdding(seconds)
        case let .accountRegistered(account):
            if accounts.updateValue(account, forKey: account.id) == nil { insertInOrder(account.id) }
            accountIDsByEmail[account.email.value.lowercased()] = account.id
        case let .loginRecorded(id, failed, lockouts, lockedUntil):
            accounts[id]?.failedLoginCount = failed
            accounts[id]?.lockoutCount = lockouts
            accounts[id]?.lockedUntil = lockedUntil
        case let .sessionStarted(session, id):
            carts.mergeGuest(of: session, into: id)
            sessions[session] = id
        case let .sessionEnded(session):
            sessions[session] = nil
            carts[.session(session)] = Cart()
        case let .passwordChanged(id, hash):
            accounts[id]?.passwordHash = hash
        case let .accountKeyAdded(key):
            accountKeys[key.fingerprint] = key
        case let .accountKeyRemoved(id, fingerprint):
            if accountKeys[fingerprint]?.account == id { accountKeys[fingerprint] = nil }
        case let .orderPlaced(order):
            orders[order.number] = order
            orderPositions[order.number] = orderNumbers.count
            orderPositionsByCustomer[order.customer, default: []].append(orderNumbers.count)
            orderNumbers.append(order.number)
            carts[.account(order.customer)] = Cart()
        case let .paymentStarted(number, payment):
            orders[number]?.payments.append(payment)
        case let .paymentUpdated(number, payment):
            guard let last = orders[number]?.payments.indices.last else { return }
            orders[number]?.payments[last] = payment
        case let .orderCanceled(number, reason):
            orders[number]?.state = .canceled
            orders[number]?.cancelReason = reason
            // A canceled order is no longer prepared: nothing leaves the warehouse.
            if orders[number]?.fulfillment == .preparing {
                orders[number]?.fulfillment = .unfulfilled
                orders[number]?.preparingSince = nil
            }
        case let .refundRecorded(number, amount, at):
            guard let method = orders[number]?.currentPayment?.method else { return }
            orders[number]?.refunds.append(Refund(amount: amount, at: at, method: method))
        case let .preparationStarted(number, at):
            // Paid on a later day than ordered (cash at an agent): the promise counts from payment.
            if let order = orders[number] { orders[number]?.promise = order.promise(countedFrom: ShopTimeZone.paris.day(of: at)) }
            orders[number]?.fulfillment = .preparing
            orders[number]?.preparingSince = at
        case let .orderShipped(number, shipment):
            orders[number]?.fulfillment = .shipped
            orders[number]?.shipment = shipment
        case let .scansRecorded(number, returnIndex, scans):
            if let returnIndex {
                orders[number]?.returns[returnIndex].scans += scans
            } else {
                orders[number]?.scans += scans
            }
        case let .orderDelivered(number, at):
            orders[number]?.fulfillment = .delivered
            orders[number]?.deliveredAt = at
            orders[number]?.state = .completed
        case let .orderReturnedToSender(number, _):
            orders[number]?.fulfillment = .returned
            orders[number]?.state = .canceled
        case let .returnRequested(number, request):
            orders[number]?.returns.append(request)
        case let .returnReceived(number, index, at):
            orders[number]?.returns[index].receivedAt = at
            if let order = orders[number], order.lines.allSatisfy({ order.receivedReturnQuantity(of: $0.sku) >= $0.quantity }) {
                orders[number]?.fulfillment = .returned
            }
        case let .ticketOpened(ticket):
            tickets[ticket.id] = ticket
            ticketPositionsByCustomer[ticket.customer, default: []].append(ticketIDs.count)
            ticketIDs.append(ticket.id)
        case let .ticketMessageAdded(id, message):
            tickets[id]?.messages.append(message)
        case let .ticketStatusChanged(id, status):
            tickets[id]?.status = status
        case let .messageQueued(message):
            outbox.append(message)
            lastMessageSequence = max(lastMessageSequence, message.sequence)
        case let .messagesDelivered(upTo):
            outbox.removeAll { $0.sequence <= upTo }
        case let .backOffice(event):
            backOffice.apply(event)
        }
    }
}

extension Commerce {
    /// Keeps `accountIDsInOrder` ascending with a new account (its ID is usually the highest).
    private mutating func insertInOrder(_ id: AccountID) {
        guard let last = accountIDsInOrder.last, id < last else {
            accountIDsInOrder.append(id)
            return
        }
        // Only an account made outside the numbering (a test, a hand-edited journal) lands here: the
        // list is made again.
        var ids = Array(accountIDsInOrder)
        ids.insert(id, at: ids.firstIndex { id < $0 } ?? ids.count)
        accountIDsInOrder = BlockList(ids)
    }

    /// Whether a parcel or return parcel of any order already carries `number`.
    func usesTrackingNumber(_ number: TrackingNumber) -> Bool {
        trackingNumbers.contains(number)
    }

    /// Records what the lookups by cash reference and by tracking number need of `order` (each
    /// customer's list is kept as orders are placed); what is already recorded is left as it is.
    private mutating func index(_ order: Order) {
        for case let .cash(cash) in order.payments where orderNumbersByCashReference[cash.reference] == nil {
            orderNumbersByCashReference[cash.reference] = order.number
        }
        for number in [order.shipment?.trackingNumber].compactMap({ $0 }) + order.returns.map(\.shipment.trackingNumber)
        where !trackingNumbers.contains(number) {
            trackingNumbers.insert(number)
        }
    }
}
