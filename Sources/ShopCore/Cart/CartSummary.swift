/// A priced cart: every line with its gross, net and VAT, and totals that add up to the cent.
public struct CartSummary: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public var product: Product
        public var quantity: Int
        public var unitPrice: Money
        public var gross: Money
        public var net: Money
        public var vat: Money
    }

    /// VAT collected at one rate.
    public struct VATLine: Hashable, Sendable {
        public var vatClass: VATClass
        public var net: Money
        public var vat: Money
        public var gross: Money
    }

    public var lines: [Line]
    public var currency: Currency
    /// Total VAT included (what the customer pays for the goods).
    public var subtotal: Money
    public var net: Money
    public var vat: Money
    public var vatBreakdown: [VATLine]
    public var total: Money

    /// Prices `cart` against `catalogue`. Lines whose product disappeared are skipped.
    /// VAT follows the shop's one rule, the order's too (`OrderTotals`): per rate, on the gross
    /// sold at that rate, rounded half-up once; each line carries its share of its rate's VAT
    /// (largest remainder), so net + VAT = gross on every line and the lines add up to the rate.
    /// A cart above `ShopLimits.maximumTotalMinorUnits` (only data written before that limit can
    /// hold one) is refused with `CartError.totalTooLarge`, never computed past `Int64`.
    public init(cart: Cart, catalogue: Catalogue, defaultCurrency: Currency = .eur) throws(CartError) {
        var priced: [Line] = []
        var currency: Currency?
        for line in cart.lines {
            guard let product = catalogue.product(sku: line.sku) else { continue }
            if let currency, currency != product.price.currency {
                throw .currencyMismatch(sku: product.sku, cartCurrency: currency, productCurrency: product.price.currency)
            }
            currency = product.price.currency
            let limit = Money(minorUnits: ShopLimits.maximumTotalMinorUnits, currency: product.price.currency)
            guard let gross = try? product.price.multiplied(by: line.quantity),
                  gross.minorUnits.magnitude <= limit.minorUnits.magnitude else { throw .totalTooLarge(limit: limit) }
            priced.append(Line(product: product, quantity: line.quantity, unitPrice: product.price, gross: gross,
                               net: gross, vat: .zero(gross.currency)))
        }
        let currencyUsed = currency ?? defaultCurrency
        Self.shareVAT(&priced)
        // Each line is at most the limit, so these sums stay far from overflow until checked below.
        var byClass: [VATClass: VATLine] = [:]
        var net: Int64 = 0
        var vat: Int64 = 0
        var gross: Int64 = 0
        for line in priced {
            net += line.net.minorUnits
            vat += line.vat.minorUnits
            gross += line.gross.minorUnits
            guard gross.magnitude <= ShopLimits.maximumTotalMinorUnits.magnitude else {
                throw .totalTooLarge(limit: Money(minorUnits: ShopLimits.maximumTotalMinorUnits, currency: currencyUsed))
            }
            var entry = byClass[line.product.vatClass] ?? VATLine(
                vatClass: line.product.vatClass, net: .zero(currencyUsed), vat: .zero(currencyUsed), gross: .zero(currencyUsed))
            entry.net.minorUnits += line.net.minorUnits
            entry.vat.minorUnits += line.vat.minorUnits
            entry.gross.minorUnits += line.gross.minorUnits
            byClass[line.product.vatClass] = entry
        }
        self.lines = priced
        self.currency = currencyUsed
        self.subtotal = Money(minorUnits: gross, currency: currencyUsed)
        self.net = Money(minorUnits: net, currency: currencyUsed)
        self.vat = Money(minorUnits: vat, currency: currencyUsed)
        self.vatBreakdown = VATClass.allCases.compactMap { byClass[$0] }
        self.total = subtotal
    }

    /// Gives each line its share of its rate's VAT: the rate's VAT computed once on the rate's
    /// gross, shared in proportion to the lines' gross by largest remainder (ties to the first).
    static func shareVAT(_ lines: inout [Line]) {
        for vatClass in VATClass.allCases {
            let indices = lines.indices.filter { lines[$0].product.vatClass == vatClass }
            guard let first = indices.first else { continue }
            let currency = lines[first].gross.currency
            let gross = indices.reduce(Int64(0)) { $0.saturatingAdding(lines[$1].gross.minorUnits) }
            let vat = vatClass.split(gross: Money(minorUnits: gross, currency: currency)).vat.minorUnits
            var shares: [Int64] = []
            var remainders: [(position: Int, remainder: Int64)] = []
            for (position, index) in indices.enumerated() {
                let (quotient, remainder) = gross == 0 ? (0, 0) : vat.scaled(by: lines[index].gross.minorUnits, over: gross)
                shares.append(quotient)
                remainders.append((position, remainder))
            }
            let left = vat.saturatingSubtracting(shares.reduce(Int64(0)) { $0.saturatingAdding($1) })
            let ordered = remainders.sorted { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.position < $1.position }
            for entry in ordered.prefix(Int(max(0, left))) { shares[entry.position] += 1 }
            for (position, index) in indices.enumerated() {
                lines[index].vat = Money(minorUnits: shares[position], currency: currency)
                lines[index].net = Money(minorUnits: lines[index].gross.minorUnits - shares[position], currency: currency)
            }
        }
    }
}
