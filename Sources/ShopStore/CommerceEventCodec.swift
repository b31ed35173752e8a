import ShopCore

/// The binary form of `CommerceEvent`s (inside `EventCodec`'s `commerce` tag): a tag byte, then
/// the fields. Tags are never reused or renumbered.
enum CommerceEventCodec {
    typealias Reader = BinaryReader
    typealias V = CommerceValueCodec

    enum Tag: UInt8 {
        /// `localSessionStarted` and `localSessionEnded` are of record format 1: the `local` session.
        case clockAdvanced = 1, accountRegistered, loginRecorded, localSessionStarted, localSessionEnded, passwordChanged
        case orderPlaced, paymentStarted, paymentUpdated, orderCanceled, refundRecorded, preparationStarted
        case orderShipped, scansRecorded, orderDelivered, orderReturnedToSender, returnRequested, returnReceived
        case ticketOpened, ticketMessageAdded, ticketStatusChanged, messageQueued, messagesDelivered
        case sessionStarted, sessionEnded
        case accountKeyAdded, accountKeyRemoved
        /// An order of `OrderCodec.Layout.withRelayPoint`; `orderPlaced` holds the older layout.
        case orderPlacedWithRelayPoint
        /// Staff, settings, catalogue changes, promotions, consent and audit: see `BackOfficeCodec`.
        /// Numbered apart from the others so that trade events added meanwhile cannot take it.
        case backOffice = 64
    }

    static func write(_ event: CommerceEvent, to w: BinaryWriter) {
        func tag(_ tag: Tag) { w.byte(tag.rawValue) }
        switch event {
        case let .clockAdvanced(seconds):
            tag(.clockAdvanced); w.int(seconds)
        case let .accountRegistered(account):
            tag(.accountRegistered); V.write(account, to: w)
        case let .loginRecorded(id, failed, lockouts, until):
            tag(.loginRecorded); w.string(id.rawValue); w.int(failed); w.int(lockouts)
            w.optional(until) { V.write($1, to: $0) }
        case let .sessionStarted(session, id):
            tag(.sessionStarted); w.string(session); w.string(id.rawValue)
        case let .sessionEnded(session):
            tag(.sessionEnded); w.string(session)
        case let .passwordChanged(id, hash):
            tag(.passwordChanged); w.string(id.rawValue); w.string(hash.encoded)
        case let .accountKeyAdded(key):
            tag(.accountKeyAdded); write(key, to: w)
        case let .accountKeyRemoved(id, fingerprint):
            tag(.accountKeyRemoved); w.string(id.rawValue); w.string(fingerprint)
        case let .orderPlaced(order):
            tag(.orderPlacedWithRelayPoint); OrderCodec.write(order, to: w)
        case let .paymentStarted(number, payment):
            tag(.paymentStarted); w.string(number); OrderCodec.write(payment, to: w)
        case let .paymentUpdated(number, payment):
            tag(.paymentUpdated); w.string(number); OrderCodec.write(payment, to: w)
        case let .orderCanceled(number, reason):
            tag(.orderCanceled); w.string(number); w.string(reason.rawValue)
        case let .refundRecorded(number, amount, at):
            tag(.refundRecorded); w.string(number); V.write(amount, to: w); V.write(at, to: w)
        case let .preparationStarted(number, at):
            tag(.preparationStarted); w.string(number); V.write(at, to: w)
        case let .orderShipped(number, shipment):
            tag(.orderShipped); w.string(number); V.write(shipment, to: w)
        case let .scansRecorded(number, index, scans):
            tag(.scansRecorded); w.string(number); w.optional(index) { $0.int($1) }
            w.array(scans) { V.write($1, to: $0) }
        case let .orderDelivered(number, at):
            tag(.orderDelivered); w.string(number); V.write(at, to: w)
        case let .orderReturnedToSender(number, at):
            tag(.orderReturnedToSender); w.string(number); V.write(at, to: w)
        case let .returnRequested(number, request):
            tag(.returnRequested); w.string(number); OrderCodec.write(request, to: w)
        case let .returnReceived(number, index, at):
            tag(.returnReceived); w.string(number); w.int(index); V.write(at, to: w)
        case let .ticketOpened(ticket):
            tag(.ticketOpened); V.write(ticket, to: w)
        case let .ticketMessageAdded(id, message):
            tag(.ticketMessageAdded); w.string(id); V.write(message, to: w)
        case let .ticketStatusChanged(id, status):
            tag(.ticketStatusChanged); w.string(id); w.string(status.rawValue)
        case let .messageQueued(message):
            tag(.messageQueued); V.write(message, to: w)
        case let .messagesDelivered(upTo):
            tag(.messagesDelivered); w.int(upTo)
        case let .backOffice(event):
            tag(.backOffice); BackOfficeCodec.write(event, to: w)
        }
    }

    static func read(_ r: inout Reader) throws(DecodingFailure) -> CommerceEvent {
        let start = r.absolutePosition
        let raw = try r.byte()
        guard let tag = Tag(rawValue: raw) else {
            throw DecodingFailure(offset: start, reason: "unknown trade event tag \(raw) (written by a newer Comptoir?)")
        }
        switch tag {
        case .clockAdvanced:
            return .clockAdvanced(seconds: try r.int64())
        case .accountRegistered:
            return .accountRegistered(try V.readAccount(&r))
        case .loginRecorded:
            let id = AccountID(try r.string())
            let failed = try r.int(), lockouts = try r.int()
            return .loginRecorded(id, failedLoginCount: failed, lockoutCount: lockouts, lockedUntil: try r.optional(V.readInstant))
        case .localSessionStarted:
            return .sessionStarted(session: Shopper.localSessionName, account: AccountID(try r.string()))
        case .localSessionEnded:
            return .sessionEnded(session: Shopper.localSessionName)
        case .sessionStarted:
            let session = try r.string()
            return .sessionStarted(session: session, account: AccountID(try r.string()))
        case .sessionEnded:
            return .sessionEnded(session: try r.string())
        case .passwordChanged:
            let id = AccountID(try r.string())
            return .passwordChanged(id, PasswordHash(encoded: try r.string()))
        case .accountKeyAdded:
            return .accountKeyAdded(try readKey(&r))
        case .accountKeyRemoved:
            let id = AccountID(try r.string())
            return .accountKeyRemoved(id, fingerprint: try r.string())
        case .orderPlaced:
            return .orderPlaced(try OrderCodec.readOrder(&r, layout: .beforeRelayPoint))
        case .orderPlacedWithRelayPoint:
            return .orderPlaced(try OrderCodec.readOrder(&r, layout: .withRelayPoint))
        case .paymentStarted:
            let number = try r.string()
            return .paymentStarted(orderNumber: number, try OrderCodec.readPayment(&r))
        case .paymentUpdated:
            let number = try r.string()
            return .paymentUpdated(orderNumber: number, try OrderCodec.readPayment(&r))
        case .orderCanceled:
            let number = try r.string()
            return .orderCanceled(orderNumber: number, try V.readRaw(&r, CancelReason.self))
        case .refundRecorded:
            let number = try r.string()
            let amount = try V.readMoney(&r)
            return .refundRecorded(orderNumber: number, amount: amount, at: try V.readInstant(&r))
        case .preparationStarted:
            let number = try r.string()
            return .preparationStarted(orderNumber: number, at: try V.readInstant(&r))
        case .orderShipped:
            let number = try r.string()
            return .orderShipped(orderNumber: number, try V.readShipment(&r))
        case .scansRecorded:
            let number = try r.string()
            let index = try r.optional { (r: inout Reader) throws(DecodingFailure) in try r.int() }
            return .scansRecorded(orderNumber: number, returnIndex: index, try V.readScans(&r))
        case .orderDelivered:
            let number = try r.string()
            return .orderDelivered(orderNumber: number, at: try V.readInstant(&r))
        case .orderReturnedToSender:
            let number = try r.string()
            return .orderReturnedToSender(orderNumber: number, at: try V.readInstant(&r))
        case .returnRequested:
            let number = try r.string()
            return .returnRequested(orderNumber: number, try OrderCodec.readReturn(&r))
        case .returnReceived:
            let number = try r.string()
            let index = try r.int()
            return .returnReceived(orderNumber: number, returnIndex: index, at: try V.readInstant(&r))
        case .ticketOpened:
            return .ticketOpened(try V.readTicket(&r))
        case .ticketMessageAdded:
            let id = try r.string()
            return .ticketMessageAdded(ticketID: id, try V.readTicketMessage(&r))
        case .ticketStatusChanged:
            let id = try r.string()
            return .ticketStatusChanged(ticketID: id, try V.readRaw(&r, TicketStatus.self))
        case .messageQueued:
            return .messageQueued(try V.readOutgoing(&r))
        case .messagesDelivered:
            return .messagesDelivered(upTo: try r.int())
        case .backOffice:
            return .backOffice(try BackOfficeCodec.read(&r))
        }
    }

    static func write(_ key: AccountKey, to w: BinaryWriter) {
        w.string(key.account.rawValue); w.string(key.type); w.string(key.blob); w.string(key.comment)
        w.string(key.fingerprint); V.write(key.addedAt, to: w)
    }

    static func readKey(_ r: inout Reader) throws(DecodingFailure) -> AccountKey {
        let account = AccountID(try r.string())
        let type = try r.string(), blob = try r.string(), comment = try r.string(), fingerprint = try r.string()
        return AccountKey(account: account, type: type, blob: blob, comment: comment, fingerprint: fingerprint,
                          addedAt: try V.readInstant(&r))
    }

    // MARK: The trade state in snapshots

    /// Format 8: the clock offset, accounts, sessions, outbox, last message sequence, back office and
    /// keys; then the byte length (u64) of the orders and tickets that follow, so that a reader can
    /// take everything else first and read those on another thread (see `ShopState`). Without
    /// `ordersLast`, the layout of formats 6 and 7 (orders and tickets after the sessions), which
    /// tests write to check that older snapshots still open (format 5's had orders without relay points).
    static func write(_ commerce: Commerce, to w: BinaryWriter, ordersLast: Bool = true) {
        w.int(commerce.clockOffsetSeconds)
        w.array(commerce.accountsInOrder) { V.write($1, to: $0) }
        w.array(commerce.sessions.sorted { $0.key < $1.key }) { w, entry in
            w.string(entry.key)
            w.string(entry.value.rawValue)
        }
        if !ordersLast {
            w.array(commerce.orderNumbers.compactMap { commerce.orders[$0] }) { OrderCodec.write($1, to: $0) }
            w.array(commerce.ticketIDs.compactMap { commerce.tickets[$0] }) { V.write($1, to: $0) }
        }
        w.array(commerce.outbox) { V.write($1, to: $0) }
        w.int(commerce.lastMessageSequence)
        BackOfficeCodec.write(commerce.backOffice, to: w)
        w.array(commerce.accountKeysInOrder) { write($1, to: $0) }
        guard ordersLast else { return }
        let trade = BinaryWriter()
        trade.array(commerce.orderNumbers.compactMap { commerce.orders[$0] }) { OrderCodec.write($1, to: $0) }
        trade.array(commerce.ticketIDs.compactMap { commerce.tickets[$0] }) { V.write($1, to: $0) }
        w.fixed64(UInt64(trade.count))
        trade.withUnsafeBytes { w.raw($0) }
    }

    /// The trade state of a snapshot of format `version`. Before format 8 the orders and tickets came
    /// between the sessions and the outbox, without their length. Before format 6 orders are of the
    /// layout without the chosen relay point (`OrderCodec.Layout`). Before format 5 no account had SSH
    /// keys. Before format 4 there was no back office (it starts as a new shop's: automatic fulfilment,
    /// the seed promotions). Before format 3 the state held one session (read as the `local` session)
    /// and the carts of accounts logged out, returned apart.
    static func readCommerce(
        _ r: inout Reader, version: UInt32
    ) throws(DecodingFailure) -> (commerce: Commerce, savedCarts: [AccountID: Cart]) {
        if version >= 8 {
            var (commerce, trade) = try readCommerceBeforeOrders(&r)
            let (orders, tickets) = try readOrdersSection(trade)
            commerce.restore(orders: orders, tickets: tickets)
            return (commerce, [:])
        }
        let offset = try r.int64()
        let accounts = try r.array(minimumItemSize: 8, V.readAccount)
        var sessions: [String: AccountID] = [:]
        var savedCarts: [AccountID: Cart] = [:]
        if version >= 3 {
            sessions = try readSessions(&r)
        } else {
            if let id = try r.optional({ (r: inout Reader) throws(DecodingFailure) in AccountID(try r.string()) }) {
                sessions[Shopper.localSessionName] = id
            }
            let carts = try r.array(minimumItemSize: 2) { (r: inout Reader) throws(DecodingFailure) in
                let id = AccountID(try r.string())
                return (id, try V.readCart(&r))
            }
            savedCarts = Dictionary(carts, uniquingKeysWith: { _, last in last })
        }
        let (orders, tickets) = try readOrdersAndTickets(&r, layout: version >= 6 ? .withRelayPoint : .beforeRelayPoint)
        let outbox = try r.array(minimumItemSize: 8, V.readOutgoing)
        let lastMessageSequence = try r.int()
        let backOffice = version >= 4 ? try BackOfficeCodec.readBackOffice(&r) : BackOffice()
        let keys = version >= 5 ? try r.array(minimumItemSize: 6, readKey) : []
        let commerce = Commerce(
            clockOffsetSeconds: offset, accounts: accounts, sessions: sessions, orders: orders, tickets: tickets,
            outbox: outbox, lastMessageSequence: lastMessageSequence, backOffice: backOffice, accountKeys: keys)
        return (commerce, savedCarts)
    }

    /// Format 8: the trade state without its orders and tickets, and a reader of those, which the
    /// reader `r` has moved past.
    static func readCommerceBeforeOrders(_ r: inout Reader) throws(DecodingFailure) -> (commerce: Commerce, ordersAndTickets: Reader) {
        let offset = try r.int64()
        let accounts = try r.array(minimumItemSize: 8, V.readAccount)
        let sessions = try readSessions(&r)
        let outbox = try r.array(minimumItemSize: 8, V.readOutgoing)
        let lastMessageSequence = try r.int()
        let backOffice = try BackOfficeCodec.readBackOffice(&r)
        let keys = try r.array(minimumItemSize: 6, readKey)
        let lengthAt = r.absolutePosition
        let length = try r.fixed64()
        guard length <= UInt64(r.remaining) else {
            throw DecodingFailure(offset: lengthAt, reason: "orders and tickets of \(length) bytes run past the \(r.remaining) bytes left")
        }
        let trade = try r.section(length: Int(length))
        let commerce = Commerce(
            clockOffsetSeconds: offset, accounts: accounts, sessions: sessions, orders: [], tickets: [],
            outbox: outbox, lastMessageSequence: lastMessageSequence, backOffice: backOffice, accountKeys: keys)
        return (commerce, trade)
    }

    /// Format 8: the orders and tickets of the section `readCommerceBeforeOrders` found, all of it.
    static func readOrdersSection(_ section: Reader) throws(DecodingFailure) -> (orders: [Order], tickets: [SupportTicket]) {
        var r = section
        let read = try readOrdersAndTickets(&r, layout: .withRelayPoint)
        guard r.isAtEnd else { throw r.failure("\(r.remaining) unexpected bytes after the orders and tickets") }
        return read
    }

    /// The orders (of `layout`), oldest first, then the support tickets.
    static func readOrdersAndTickets(
        _ r: inout Reader, layout: OrderCodec.Layout
    ) throws(DecodingFailure) -> (orders: [Order], tickets: [SupportTicket]) {
        let count = try r.count(minimumItemSize: 16)
        var tables = OrderDecodingTables(for: r, orders: count)
        var orders: [Order] = []
        orders.reserveCapacity(count)
        for _ in 0..<count { orders.append(try OrderCodec.readOrder(&r, layout: layout, sharing: &tables)) }
        return (orders, try r.array(minimumItemSize: 7, V.readTicket))
    }

    private static func readSessions(_ r: inout Reader) throws(DecodingFailure) -> [String: AccountID] {
        let entries = try r.array(minimumItemSize: 2) { (r: inout Reader) throws(DecodingFailure) in
            let name = try r.string()
            return (name, AccountID(try r.string()))
        }
        return Dictionary(entries, uniquingKeysWith: { _, last in last })
    }
}
