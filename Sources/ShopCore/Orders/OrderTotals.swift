/// The money of an order: goods, discount, shipping and extras, with VAT per rate adding up to
/// the cent. The discount is shared among the goods' VAT rates in proportion to their gross;
/// shipping and extras bear the standard rate.
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

    public init(lines: [OrderLine], discount: Money, shipping: Money, extras: Money, currency: Currency) {
        var grossByClass: [VATClass: Int64] = [:]
        for line in lines { grossByClass[line.vatClass, default: 0] += line.gross.minorUnits }
        let goods = grossByClass.values.reduce(0, +)
        // Share the discount by largest remainder so the shares add up exactly.
        let classes = VATClass.allCases.filter { grossByClass[$0] != nil }
        var shares: [VATClass: Int64] = [:]
        if goods > 0 {
            var given: Int64 = 0
            var remainders: [(VATClass, Int64)] = []
            for vatClass in classes {
                let product = discount.minorUnits * grossByClass[vatClass, default: 0]
                shares[vatClass] = product / goods
                given += product / goods
                remainders.append((vatClass, product % goods))
            }
            for (vatClass, _) in remainders.sorted(by: { $0.1 > $1.1 }).prefix(Int(discount.minorUnits - given)) {
                shares[vatClass, default: 0] += 1
            }
        }
        var buckets: [VATClass: Int64] = [:]
        for vatClass in classes { buckets[vatClass] = grossByClass[vatClass, default: 0] - shares[vatClass, default: 0] }
        if shipping.minorUnits + extras.minorUnits > 0 {
            buckets[.standard, default: 0] += shipping.minorUnits + extras.minorUnits
        }
        var breakdown: [CartSummary.VATLine] = []
        var net: Int64 = 0, vat: Int64 = 0
        for vatClass in VATClass.allCases {
            guard let gross = buckets[vatClass] else { continue }
            let split = vatClass.split(gross: Money(minorUnits: gross, currency: currency))
            breakdown.append(CartSummary.VATLine(vatClass: vatClass, net: split.net, vat: split.vat,
                                                 gross: Money(minorUnits: gross, currency: currency)))
            net += split.net.minorUnits
            vat += split.vat.minorUnits
        }
        self.currency = currency
        self.goods = Money(minorUnits: goods, currency: currency)
        self.discount = discount
        self.shipping = shipping
        self.extras = extras
        self.total = Money(minorUnits: goods - discount.minorUnits + shipping.minorUnits + extras.minorUnits, currency: currency)
        self.net = Money(minorUnits: net, currency: currency)
        self.vat = Money(minorUnits: vat, currency: currency)
        self.vatBreakdown = breakdown
    }
}
