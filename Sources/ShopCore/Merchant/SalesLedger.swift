import HashTreeCollections

/// The sales figures of `SalesReport` per day and per product, summed from what each order adds
/// to them: the rule of what counts is here, once. `Commerce.apply` keeps one over every order as
/// orders change (taking an order's old figures out and its new ones in), so the Dashboard's
/// report over every day costs a visit of the days, not of 100,000 orders.
///
/// Persistent maps, as in `Commerce`: a decision's copy changes one day and a few products without
/// copying the totals of every product ever sold.
///
/// An order counts on the day it was placed once it was paid (its lines towards the products);
/// refunds count on the day they were made.
public struct SalesLedger: Hashable, Sendable {
    public struct Day: Hashable, Sendable {
        /// Orders placed that day, paid or not.
        public var placed = 0
        /// Of those, the orders paid.
        public var paid = 0
        /// What the paid orders cost, VAT included and without.
        public var gross: Int64 = 0
        public var net: Int64 = 0
        /// Refunds made that day, whatever day their order was placed.
        public var refunded: Int64 = 0

        var isEmpty: Bool { placed == 0 && paid == 0 && gross == 0 && net == 0 && refunded == 0 }
    }

    public struct ProductTotal: Hashable, Sendable {
        public var quantity = 0
        public var revenue: Int64 = 0
    }

    public private(set) var days: TreeDictionary<CalendarDay, Day> = [:]
    /// Units and revenue of each SKU in paid orders.
    public private(set) var products: TreeDictionary<String, ProductTotal> = [:]

    public init() {}

    /// The ledger of `orders`, their products counted only for orders placed on a day `countsProducts` keeps.
    public init(_ orders: some Sequence<Order>, countsProducts: (CalendarDay) -> Bool = { _ in true }) {
        for order in orders { add(order, countsProducts: countsProducts) }
    }

    /// Adds what `order` brings to the figures.
    public mutating func add(_ order: Order, countsProducts: (CalendarDay) -> Bool = { _ in true }) {
        record(order, sign: 1, countsProducts: countsProducts)
    }

    /// `old` (nil: a new order) became `new`: its figures change. Only payment and refunds change
    /// what an order brings (its day, totals and lines are fixed when placed), so most changes (a
    /// parcel scanned, shipped, delivered) leave the ledger as it is.
    mutating func replace(_ old: Order?, with new: Order) {
        guard let old, old.isPaid == new.isPaid else {
            if let old { record(old, sign: -1, countsProducts: { _ in true }) }
            record(new, sign: 1, countsProducts: { _ in true })
            return
        }
        guard old.refunds != new.refunds else { return }
        addRefunds(of: old, sign: -1)
        addRefunds(of: new, sign: 1)
    }

    private mutating func record(_ order: Order, sign: Int, countsProducts: (CalendarDay) -> Bool) {
        let day = order.placedAt.calendarDay
        change(day) { $0.placed += sign }
        addRefunds(of: order, sign: sign)
        guard order.isPaid else { return }
        change(day) { totals in
            totals.paid += sign
            totals.gross = totals.gross.saturatingAdding(Int64(sign) * order.totals.total.minorUnits)
            totals.net = totals.net.saturatingAdding(Int64(sign) * order.totals.net.minorUnits)
        }
        guard countsProducts(day) else { return }
        for line in order.lines {
            var total = products[line.sku] ?? ProductTotal()
            total.quantity += sign * line.quantity
            total.revenue = total.revenue.saturatingAdding(Int64(sign) * line.gross.minorUnits)
            // Nothing left is no entry, as in a ledger added up from the orders (the two compare equal).
            products[line.sku] = total == ProductTotal() ? nil : total
        }
    }

    private mutating func addRefunds(of order: Order, sign: Int) {
        for refund in order.refunds {
            change(refund.at.calendarDay) { $0.refunded = $0.refunded.saturatingAdding(Int64(sign) * refund.amount.minorUnits) }
        }
    }

    private mutating func change(_ day: CalendarDay, _ body: (inout Day) -> Void) {
        var totals = days[day] ?? Day()
        body(&totals)
        days[day] = totals.isEmpty ? nil : totals
    }
}
