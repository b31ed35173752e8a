/// The money of an order: goods, discount, shipping and extras, with VAT per rate adding up to
/// the cent. The discount is shared among the goods' VAT rates in proportion to their gross;
/// shipping and extras, accessory to the goods, are shared among the same rates in proportion
/// to the goods' gross after discount.
public struct OrderTotals: Hashable, Sendable {
    public var currency: Currency
    /// Goods, VAT included, before discount.
    public var goods: Money
    public var discount: Money
    public var shipping: Money
    public var extras: Money
    public var total: Money
    public var net: Money
    public var vat: Money
    public var vatBreakdown: [CartSummary.VATLine]

    /// Orders are placed within `ShopLimits`, far from overflow; beyond them (damaged data only)
    /// sums stop at the bounds of `Int64` instead of trapping.
    public init(lines: [OrderLine], discount: Money, shipping: Money, extras: Money, currency: Currency) {
        var grossByClass: [VATClass: Int64] = [:]
        for line in lines {
            grossByClass[line.vatClass] = grossByClass[line.vatClass, default: 0].saturatingAdding(line.gross.minorUnits)
        }
        let goods = grossByClass.values.reduce(Int64(0)) { $0.saturatingAdding($1) }
        let discountShares = Self.share(discount.minorUnits, by: grossByClass)
        var buckets: [VATClass: Int64] = [:]
        for (vatClass, gross) in grossByClass { buckets[vatClass] = gross.saturatingSubtracting(discountShares[vatClass, default: 0]) }
        // Shipping and extras are accessory to the goods: they bear the goods' rates, shared in
        // proportion to what is paid at each rate (the standard rate when nothing is).
        let accessories = shipping.minorUnits.saturatingAdding(extras.minorUnits)
        if accessories > 0 {
            let weights = buckets.filter { $0.value > 0 }
            if weights.isEmpty {
                buckets[.standard] = buckets[.standard, default: 0].saturatingAdding(accessories)
            } else {
                for (vatClass, share) in Self.share(accessories, by: weights) {
                    buckets[vatClass] = buckets[vatClass, default: 0].saturatingAdding(share)
                }
            }
        }
        var breakdown: [CartSummary.VATLine] = []
        var net: Int64 = 0, vat: Int64 = 0
        for vatClass in VATClass.allCases {
            guard let gross = buckets[vatClass] else { continue }
            let split = vatClass.split(gross: Money(minorUnits: gross, currency: currency))
            breakdown.append(CartSummary.VATLine(vatClass: vatClass, net: split.net, vat: split.vat,
                                                 gross: Money(minorUnits: gross, currency: currency)))
            net = net.saturatingAdding(split.net.minorUnits)
            vat = vat.saturatingAdding(split.vat.minorUnits)
        }
        self.currency = currency
        self.goods = Money(minorUnits: goods, currency: currency)
        self.discount = discount
        self.shipping = shipping
        self.extras = extras
        self.total = Money(
            minorUnits: goods.saturatingSubtracting(discount.minorUnits).saturatingAdding(accessories), currency: currency)
        self.net = Money(minorUnits: net, currency: currency)
        self.vat = Money(minorUnits: vat, currency: currency)
        self.vatBreakdown = breakdown
    }

    /// `amount` split across the classes in proportion to `weights`, by largest remainder so the
    /// shares add up to the cent (ties go to the class listed first in `VATClass.allCases`).
    static func share(_ amount: Int64, by weights: [VATClass: Int64]) -> [VATClass: Int64] {
        let total = weights.values.reduce(Int64(0)) { $0.saturatingAdding($1) }
        guard total > 0, amount != 0 else { return [:] }
        var shares: [VATClass: Int64] = [:]
        var given: Int64 = 0
        var remainders: [(VATClass, Int64)] = []
        for vatClass in VATClass.allCases {
            guard let weight = weights[vatClass] else { continue }
            let (quotient, remainder) = amount.scaled(by: weight, over: total)
            shares[vatClass] = quotient
            given = given.saturatingAdding(quotient)
            remainders.append((vatClass, remainder))
        }
        let ordered = remainders.enumerated().sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }
        for entry in ordered.prefix(Int(max(0, amount.saturatingSubtracting(given)))) {
            shares[entry.element.0] = shares[entry.element.0, default: 0].saturatingAdding(1)
        }
        return shares
    }
}
