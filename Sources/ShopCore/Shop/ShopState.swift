/// The whole state of the shop as a value: the domain decides on it and events change it.
///
/// A state opened from a big snapshot may still have its orders and tickets being read on another
/// thread (`init(catalogue:carts:commerceBeforeOrders:pending:)`): reading `commerce` then waits for
/// them, so what a reader sees is always whole; `commerceBeforeOrders` is what is known at once.
public struct ShopState: Sendable, Equatable {
    public var catalogue: Catalogue
    /// Guest sessions' carts and accounts' carts.
    public var carts: Carts
    /// The trade state: accounts, sessions, orders, tickets, the back office. Waits for orders still
    /// being read.
    public var commerce: Commerce {
        _read {
            if let pending {
                yield pending.value
            } else {
                yield settled
            }
        }
        _modify {
            settle()
            yield &settled
        }
        set {
            pending = nil
            settled = newValue
        }
    }

    /// The trade state as far as it is known; all of it unless `pending`.
    private var settled: Commerce
    /// The whole trade state, orders included, while they are being read.
    private var pending: PendingCommerce?

    public init(catalogue: Catalogue = Catalogue(), carts: Carts = Carts(), commerce: Commerce = Commerce()) {
        self.catalogue = catalogue
        self.carts = carts
        self.settled = commerce
    }

    /// A state whose orders and tickets are still being read: `commerceBeforeOrders` is the trade
    /// state without them, `pending` gives the whole of it once read.
    public init(catalogue: Catalogue, carts: Carts, commerceBeforeOrders: Commerce, pending: PendingCommerce) {
        self.catalogue = catalogue
        self.carts = carts
        self.settled = commerceBeforeOrders
        self.pending = pending
    }

    /// The trade state without waiting for orders still being read. Accounts, sessions, SSH keys,
    /// the clock offset, the back office and the outbox are whole; orders, tickets and what is
    /// drawn from them (queues, sales, per-customer lists) are empty until read. For what a first
    /// screen needs; everything else reads `commerce`.
    public var commerceBeforeOrders: Commerce { settled }

    /// Whether this state was made while its orders were being read and has not taken them since
    /// (reading `commerce` may wait; they may have been read meanwhile).
    public var isWaitingForOrders: Bool { pending != nil }

    /// Whether orders are still being read on another thread: reading `commerce` would wait. A screen
    /// shows that rather than wait (see `commerceBeforeOrders` for what is known meanwhile).
    public var ordersAreBeingRead: Bool { pending.map { !$0.isReady } ?? false }

    /// Takes the orders being read, waiting for them if need be.
    public mutating func waitForOrders() {
        settle()
    }

    /// Shop time when the wall clock reads `wallClock` (see `Commerce.shopTime`), without waiting for orders.
    public func shopTime(wallClock: ShopInstant) -> ShopInstant {
        settled.shopTime(wallClock: wallClock)
    }

    /// The account `shopper` acts for (see `Commerce.account(of:)`), without waiting for orders.
    public func account(of shopper: Shopper) -> Account? {
        settled.account(of: shopper)
    }

    private mutating func settle() {
        guard let pending else { return }
        settled = pending.value
        self.pending = nil
    }

    public static func == (lhs: ShopState, rhs: ShopState) -> Bool {
        lhs.catalogue == rhs.catalogue && lhs.carts == rhs.carts && lhs.commerce == rhs.commerce
    }

    /// Whose cart `shopper` uses: a logged-in session uses its account's, a guest session its own,
    /// an account its own.
    public func cartOwner(of shopper: Shopper) -> Shopper {
        if case let .session(name) = shopper, let account = settled.sessions[name] { return .account(account) }
        return shopper
    }

    /// The cart `shopper` fills and checks out.
    public func cart(of shopper: Shopper) -> Cart {
        carts[cartOwner(of: shopper)]
    }

    public mutating func apply(_ event: ShopEvent) {
        switch event {
        case let .productsUpserted(products):
            var incoming = products
            for index in incoming.indices {
                if let existing = catalogue.product(sku: incoming[index].sku) {
                    incoming[index].reservedStock = existing.reservedStock
                }
            }
            catalogue.upsert(incoming)
        case let .cartLineSet(cart, sku, quantity):
            // Resolved again: a journal of the first format names the local session's cart even
            // while it is logged in.
            let owner = cartOwner(of: cart)
            carts[owner].setQuantity(quantity, for: sku)
            if quantity == 0 { commerce.backOffice.forgetNotice(of: sku, in: owner) }
        case let .cartCleared(cart):
            let owner = cartOwner(of: cart)
            carts[owner] = Cart()
            commerce.backOffice.forgetNotices(in: owner)
        case let .commerce(event):
            moveStock(for: event)
            applyToCatalogue(event)
            settle()
            settled.apply(event, carts: &carts)
        }
    }

    public mutating func apply(_ events: [ShopEvent]) {
        for event in events { apply(event) }
    }
}

extension ShopEvent {
    /// Whether `ShopState.apply` changes the trade state for it (and so waits for orders still being
    /// read): everything but products and a cart line set to a quantity.
    public var changesTradeState: Bool {
        switch self {
        case .productsUpserted: return false
        case let .cartLineSet(_, _, quantity): return quantity == 0
        case .cartCleared, .commerce: return true
        }
    }

    /// Whether it is the progress of orders already placed — payments, preparation, parcels and their
    /// scans, returns, support, mail — changing orders, tickets, mail waiting to go and the stock orders
    /// hold, but no cart, session, account, the clock or what a merchant sets. A screen may show the
    /// shop without it for a moment, as it shows another process's commits (see `SnapshotPolicy.following`).
    public var isOrderProgress: Bool {
        guard case let .commerce(event) = self else { return false }
        switch event {
        case .paymentStarted, .paymentUpdated, .orderCanceled, .refundRecorded, .preparationStarted, .orderShipped, .scansRecorded,
             .orderDelivered, .orderReturnedToSender, .returnRequested, .returnReceived, .ticketOpened, .ticketMessageAdded,
             .ticketStatusChanged, .messageQueued, .messagesDelivered:
            return true
        case .clockAdvanced, .accountRegistered, .loginRecorded, .sessionStarted, .sessionEnded, .passwordChanged, .accountKeyAdded,
             .accountKeyRemoved, .orderPlaced, .backOffice:
            return false
        }
    }
}
