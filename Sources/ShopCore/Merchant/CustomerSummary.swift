/// What the back office knows of one customer (`comptoir merchant customers`): orders, money
/// spent, returns, open tickets and marketing consent. Amounts are in the orders' currency.
public struct CustomerSummary: Hashable, Sendable {
    public let account: Account
    /// Orders placed, paid or not.
    public let orders: Int
    /// Orders paid (some perhaps refunded since).
    public let paidOrders: Int
    /// What the paid orders cost, less what was refunded.
    public let totalSpent: Money
    /// `totalSpent` over the paid orders, rounded half up; zero without any.
    public let averageBasket: Money
    public let lastOrderAt: ShopInstant?
    /// Return parcels asked for.
    public let returns: Int
    /// Tickets not closed.
    public let openTickets: Int
    /// When the customer agreed to marketing messages; nil when they did not.
    public let marketingConsentAt: ShopInstant?

    public init(_ account: Account, in commerce: Commerce) {
        self.init(account, orders: commerce.orders(of: account.id), tickets: commerce.tickets(of: account.id),
                  consent: commerce.backOffice.marketingConsent[account.id])
    }

    /// From the customer's orders (oldest first) and tickets.
    init(_ account: Account, orders: [Order], tickets: [SupportTicket], consent: ShopInstant?) {
        let paid = orders.filter(\.isPaid)
        let currency = orders.first?.totals.currency ?? .eur
        let spent = paid.reduce(Int64(0)) { $0.saturatingAdding($1.totals.total.minorUnits.saturatingSubtracting($1.refunded.minorUnits)) }
        self.account = account
        self.orders = orders.count
        self.paidOrders = paid.count
        self.totalSpent = Money(minorUnits: spent, currency: currency)
        self.averageBasket = Money(minorUnits: paid.isEmpty ? 0 : (spent + Int64(paid.count) / 2) / Int64(paid.count), currency: currency)
        self.lastOrderAt = orders.last?.placedAt
        self.returns = orders.reduce(0) { $0 + $1.returns.count }
        self.openTickets = tickets.filter { $0.status != .closed }.count
        self.marketingConsentAt = consent
    }

    /// Every customer, in the order the accounts were created.
    /// Orders and tickets are grouped by customer in one pass, so this costs one visit of each.
    public static func all(in commerce: Commerce) -> [CustomerSummary] {
        var orders: [AccountID: [Order]] = [:]
        for number in commerce.orderNumbers {
            guard let order = commerce.orders[number] else { continue }
            orders[order.customer, default: []].append(order)
        }
        var tickets: [AccountID: [SupportTicket]] = [:]
        for id in commerce.ticketIDs {
            guard let ticket = commerce.tickets[id] else { continue }
            tickets[ticket.customer, default: []].append(ticket)
        }
        return commerce.accountsInOrder.map { account in
            CustomerSummary(account, orders: orders[account.id] ?? [], tickets: tickets[account.id] ?? [],
                            consent: commerce.backOffice.marketingConsent[account.id])
        }
    }
}
