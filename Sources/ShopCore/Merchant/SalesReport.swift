/// The shop's sales over a period of days (`comptoir merchant report`): revenue with and without
/// VAT, orders, average basket, refunds, top products, per day, and how many carts became orders.
/// An order counts on the day it was placed once it was paid; refunds count on the day they were made.
public struct SalesReport: Hashable, Sendable {
    public struct Day: Hashable, Sendable {
        public let day: CalendarDay
        public let orders: Int
        public let revenue: Money
    }

    public struct ProductSales: Hashable, Sendable {
        public let sku: String
        public let title: String
        public let quantity: Int
        public let revenue: Money
    }

    /// Inclusive bounds; nil is open.
    public let from: CalendarDay?
    public let to: CalendarDay?
    public let orders: Int
    /// What the paid orders cost, VAT included.
    public let revenue: Money
    public let revenueWithoutVAT: Money
    public let vat: Money
    public let averageBasket: Money
    public let refunds: Money
    /// Best sellers by units, then revenue; at most `topCount`.
    public let topProducts: [ProductSales]
    /// Orders placed in the period, paid or not.
    public let ordersPlaced: Int
    /// Carts holding something now that were not ordered.
    public let openCarts: Int
    /// Orders placed over orders placed plus the open carts, in basis points (10000 = 100 %).
    public let conversionBasisPoints: Int
    public let days: [Day]

    public static let topCount = 5

    public init(state: ShopState, from: CalendarDay? = nil, to: CalendarDay? = nil) {
        let commerce = state.commerce
        func inPeriod(_ day: CalendarDay) -> Bool { (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true) }
        let currency = commerce.orderNumbers.first.flatMap { commerce.orders[$0]?.totals.currency } ?? .eur
        func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        // One visit of each order, without copying them into lists: the Dashboard works this out
        // again each time the shop changes, over every order the shop ever took.
        var placed = 0, paid = 0
        var gross: Int64 = 0, net: Int64 = 0, refunded: Int64 = 0
        var products: [String: (title: String, quantity: Int, revenue: Int64)] = [:]
        var perDay: [CalendarDay: (orders: Int, revenue: Int64)] = [:]
        for number in commerce.orderNumbers {
            guard let order = commerce.orders[number] else { continue }
            for refund in order.refunds where inPeriod(refund.at.calendarDay) { refunded = refunded.saturatingAdding(refund.amount.minorUnits) }
            let day = order.placedAt.calendarDay
            guard inPeriod(day) else { continue }
            placed += 1
            guard order.isPaid else { continue }
            paid += 1
            gross = gross.saturatingAdding(order.totals.total.minorUnits)
            net = net.saturatingAdding(order.totals.net.minorUnits)
            for line in order.lines {
                let current = products[line.sku] ?? (line.title, 0, 0)
                products[line.sku] = (current.title, current.quantity + line.quantity, current.revenue.saturatingAdding(line.gross.minorUnits))
            }
            let current = perDay[day] ?? (0, 0)
            perDay[day] = (current.orders + 1, current.revenue.saturatingAdding(order.totals.total.minorUnits))
        }
        let openCarts = state.carts.guests.values.filter { !$0.isEmpty }.count + state.carts.accounts.values.filter { !$0.isEmpty }.count
        self.from = from
        self.to = to
        self.orders = paid
        self.revenue = money(gross)
        self.revenueWithoutVAT = money(net)
        self.vat = money(gross.saturatingSubtracting(net))
        self.averageBasket = money(paid == 0 ? 0 : (gross + Int64(paid) / 2) / Int64(paid))
        self.refunds = money(refunded)
        self.topProducts = products
            .map { ProductSales(sku: $0.key, title: $0.value.title, quantity: $0.value.quantity, revenue: money($0.value.revenue)) }
            .sorted { ($0.quantity, $0.revenue.minorUnits, $1.sku) > ($1.quantity, $1.revenue.minorUnits, $0.sku) }
            .prefix(Self.topCount).map { $0 }
        self.ordersPlaced = placed
        self.openCarts = openCarts
        let attempts = placed + openCarts
        self.conversionBasisPoints = attempts == 0 ? 0 : placed * 10_000 / attempts
        self.days = perDay.keys.sorted().map { Day(day: $0, orders: perDay[$0]!.orders, revenue: money(perDay[$0]!.revenue)) }
    }
}
