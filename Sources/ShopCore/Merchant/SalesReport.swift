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
        // Over every day, the shop keeps the ledger as orders change; a period's products need the
        // orders of the period, added up with the same rule.
        let ledger = from == nil && to == nil ? commerce.sales
            : SalesLedger(commerce.orderNumbers.lazy.compactMap { commerce.orders[$0] }, countsProducts: inPeriod)
        var placed = 0, paid = 0
        var gross: Int64 = 0, net: Int64 = 0, refunded: Int64 = 0
        var perDay: [Day] = []
        for (day, totals) in ledger.days where inPeriod(day) {
            placed += totals.placed
            paid += totals.paid
            gross = gross.saturatingAdding(totals.gross)
            net = net.saturatingAdding(totals.net)
            refunded = refunded.saturatingAdding(totals.refunded)
            if totals.paid > 0 { perDay.append(Day(day: day, orders: totals.paid, revenue: money(totals.gross))) }
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
        self.topProducts = ledger.products
            .sorted { ($0.value.quantity, $0.value.revenue, $1.key) > ($1.value.quantity, $1.value.revenue, $0.key) }
            .prefix(Self.topCount)
            .map { ProductSales(sku: $0.key, title: Self.title(of: $0.key, in: state), quantity: $0.value.quantity, revenue: money($0.value.revenue)) }
        self.ordersPlaced = placed
        self.openCarts = openCarts
        let attempts = placed + openCarts
        self.conversionBasisPoints = attempts == 0 ? 0 : placed * 10_000 / attempts
        self.days = perDay.sorted { $0.day < $1.day }
    }

    /// The product's title in the catalogue; as it was first sold when it is no longer there.
    static func title(of sku: String, in state: ShopState) -> String {
        if let product = state.catalogue.product(sku: sku) { return product.title }
        let commerce = state.commerce
        for number in commerce.orderNumbers {
            guard let order = commerce.orders[number], order.isPaid else { continue }
            if let line = order.lines.first(where: { $0.sku == sku }) { return line.title }
        }
        return sku
    }
}
