import Testing
@testable import ShopCore

/// Amounts past `ShopLimits` (only damaged or old data holds them) are refused with a message,
/// never computed past `Int64`.
@Suite("Money limits and checked arithmetic")
struct MoneyLimitTests {
    static func euros(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    @Test func arithmeticPastInt64ThrowsInsteadOfTrapping() throws {
        #expect(throws: MoneyError.tooLarge) { try Self.euros(.max).adding(Self.euros(1)) }
        #expect(throws: MoneyError.tooLarge) { try Self.euros(.min).subtracting(Self.euros(1)) }
        #expect(throws: MoneyError.tooLarge) { try Self.euros(50_000_000_000_000_000_00).multiplied(by: 2) }
        #expect(throws: MoneyError.tooLarge) { try Self.euros(9_223_372_036_854_775).multiplied(by: 9_223_372_036_854_775_807) }
        #expect(try Self.euros(1_290).multiplied(by: 3) == Self.euros(3_870))
        #expect(MoneyError.tooLarge.description == "the amount is too large to compute")
    }

    @Test func parsingAnAmountPastInt64IsTooLargeNotATrap() throws {
        #expect(throws: MoneyError.tooLarge) { try Money.parse("92233720368547758.08", currency: .eur) }
        #expect(throws: MoneyError.tooLarge) { try Money.parse("9999999999999999999", currency: .eur) }
        #expect(throws: MoneyError.tooLarge) { try Money.parse(String(repeating: "9", count: 100_000), currency: .eur) }
        #expect(try Money.parse("50000000000000000", currency: .eur).minorUnits == 5_000_000_000_000_000_000)
        #expect(try Money.parse("92233720368547758.07", currency: .eur).minorUnits == .max)
    }

    @Test func vatSplitsAnyAmountExactlyWithoutOverflow() {
        for vatClass in VATClass.allCases {
            for gross: Int64 in [.max, .min, .max - 1, .min + 1, 9_223_372_036_854_775, 5_000_000_000_000_000_000, -1, 0, 1] {
                let (net, vat) = vatClass.split(gross: Self.euros(gross))
                #expect(net.minorUnits &+ vat.minorUnits == gross)
                #expect(vat.minorUnits.magnitude <= gross.magnitude)
                #expect(net.minorUnits.magnitude <= gross.magnitude)
            }
        }
    }

    /// The overflow-free split gives the same VAT as the plain formula wherever that one fits.
    @Test func vatSplitAgreesWithThePlainFormula() {
        var generator = SplitMix64(seed: 16)
        for _ in 0..<20_000 {
            let gross = Int64(bitPattern: generator.next()) % 1_000_000_000_000_000
            for vatClass in VATClass.allCases {
                let rate = vatClass.basisPoints
                let numerator = gross * rate
                let denominator = 10_000 + rate
                let magnitude = (abs(numerator) * 2 + denominator) / (2 * denominator)
                let expected = numerator < 0 ? -magnitude : magnitude
                #expect(vatClass.split(gross: Self.euros(gross)).vat.minorUnits == expected)
            }
        }
    }

    @Test func scaledAgreesWithPlainArithmeticAndClampsBeyond() {
        var generator = SplitMix64(seed: 8)
        for _ in 0..<20_000 {
            let value = Int64(bitPattern: generator.next()) % 3_000_000_000
            let numerator = Int64(bitPattern: generator.next()) % 3_000_000_000
            let denominator = Int64(generator.next() % 3_000_000_000) + 1
            let scaled = value.scaled(by: numerator, over: denominator)
            #expect(scaled.quotient == value * numerator / denominator)
            #expect(scaled.remainder == value * numerator % denominator)
        }
        #expect(Int64.max.scaled(by: .max, over: 1).quotient == .max)
        #expect(Int64.max.scaled(by: -3, over: 2).quotient == .min)
        #expect(Int64.max.scaled(by: .max, over: .max) == (.max, 0))
    }

    @Test func saturatingOperationsStopAtTheBounds() {
        #expect(Int64.max.saturatingAdding(1) == .max)
        #expect(Int64.min.saturatingAdding(-1) == .min)
        #expect(Int64.min.saturatingSubtracting(1) == .min)
        #expect(Int64.max.saturatingSubtracting(-1) == .max)
        #expect(Int64.max.saturatingMultiplied(by: -2) == .min)
        #expect(Int64(-3).saturatingMultiplied(by: .min) == .max)
        #expect(Int64(40).saturatingAdding(2) == 42)
    }

    // MARK: Carts

    static func absurd(_ minor: Int64) -> Product {
        Product(sku: "GOLD", title: "Gold bar", brand: "Mint", category: "Luxury", price: euros(minor), stockOnHand: 10)
    }

    /// A price written by a version without limits (`50000000000000000`, `92233720368547.75`)
    /// makes the cart refuse to total, not trap.
    @Test(arguments: [Int64(50_000_000_000_000_000_00), 9_223_372_036_854_775, 5_000_000_000_000_000])
    func aStoredAbsurdPriceIsRefusedWhenTheCartIsTotalled(minor: Int64) {
        let catalogue = Catalogue(products: [Self.absurd(minor)])
        let cart = Cart(lines: [CartLine(sku: "GOLD", quantity: 1)])
        let limit = Money(minorUnits: ShopLimits.maximumTotalMinorUnits, currency: .eur)
        #expect(throws: CartError.totalTooLarge(limit: limit)) { try CartSummary(cart: cart, catalogue: catalogue) }
        #expect(CartError.totalTooLarge(limit: limit).description
            == "the cart total is too large: one order may come to at most €1,000,000,000.00")
    }

    @Test func addingPastTheTotalLimitIsRefused() throws {
        var state = ShopState(catalogue: Catalogue(products: [Self.absurd(ShopLimits.maximumPriceMinorUnits)]))
        state.apply(try state.decide(.addToCart(sku: "GOLD", quantity: 10, by: .local)))
        #expect(try CartSummary(cart: state.cart(of: .local), catalogue: state.catalogue).total.minorUnits == 10 * ShopLimits.maximumPriceMinorUnits)
        var bigger = ShopState(catalogue: Catalogue(products: [
            Product(sku: "GOLD", title: "Gold bar", brand: "Mint", category: "Luxury",
                    price: Self.euros(ShopLimits.maximumPriceMinorUnits), stockOnHand: 1_000),
        ]))
        #expect(throws: ShopError.cart(.totalTooLarge(limit: Self.euros(ShopLimits.maximumTotalMinorUnits)))) {
            try bigger.decide(.addToCart(sku: "GOLD", quantity: 101, by: .local))
        }
        bigger.apply(try bigger.decide(.addToCart(sku: "GOLD", quantity: 100, by: .local)))
        #expect(bigger.cart(of: .local).quantity(of: "GOLD") == 100)
    }

    @Test(arguments: [Int.max, ShopLimits.maximumQuantity + 1])
    func aHugeQuantityIsRefusedWithTheLimit(quantity: Int) {
        let state = ShopState(catalogue: Catalogue(products: [
            Product(sku: "SOFA", title: "Sofa", brand: "Assise", category: "Home", price: Self.euros(300_00), stockOnHand: 0,
                    leadTime: LeadTime(minDays: 10, maxDays: 14), maximumOrderQuantity: Int.max),
        ]))
        #expect(throws: ShopError.cart(.quantityTooLarge(quantity))) { try state.decide(.addToCart(sku: "SOFA", quantity: quantity, by: .local)) }
        #expect(throws: ShopError.cart(.quantityTooLarge(quantity))) { try state.decide(.setCartQuantity(sku: "SOFA", quantity: quantity, by: .local)) }
        #expect(CartError.quantityTooLarge(quantity).description == "quantity \(quantity) is too large: give at most 100000 units")
    }

    @Test func aHugeQuantityAlreadyInTheCartDoesNotOverflowTheNextAdd() {
        let state = ShopState(
            catalogue: Catalogue(products: [Self.absurd(1_00)]), carts: Carts(guests: ["local": Cart(lines: [CartLine(sku: "GOLD", quantity: .max)])], accounts: [:]))
        #expect(throws: ShopError.cart(.quantityTooLarge(1))) { try state.decide(.addToCart(sku: "GOLD", quantity: 1, by: .local)) }
        #expect(state.cart(of: .local).itemCount == .max)
    }

    @Test func discountsAndAvailableStockOfAbsurdProductsDoNotTrap() {
        var product = Self.absurd(1)
        product.previousPrice = Self.euros(.max)
        #expect(product.discountPercent == 100)
        product.previousPrice = Self.euros(1_000)
        product.price = Self.euros(810)
        #expect(product.discountPercent == 19)
        product.stockOnHand = .min
        product.reservedStock = 1
        #expect(product.availableStock == 0)
        product.stockOnHand = 5
        product.reservedStock = .min
        #expect(product.availableStock == .max)
    }

    /// An amount drawn small, near the limits, or anywhere in `Int64`.
    static func amount(_ g: inout SplitMix64) -> Int64 {
        switch g.next() % 3 {
        case 0: return Int64(g.next() % 100_000)
        case 1: return Int64(g.next() % UInt64(ShopLimits.maximumPriceMinorUnits + 1))
        default: return Int64(bitPattern: g.next())
        }
    }

    static let address = try! PostalAddress(name: "Zoë Martin", line1: "12 rue des Lilas", postalCode: "75011", city: "Paris", countryCode: "FR")

    /// Whatever prices and quantities a data folder holds, pricing a cart or an order either
    /// works and adds up to the cent, or refuses; it never traps.
    @Test func pricingAnyStoredValuesNeverTraps() {
        var g = SplitMix64(seed: 42)
        let limit = ShopLimits.maximumTotalMinorUnits
        for _ in 0..<3_000 {
            let products = (0..<3).map { index in
                Product(sku: "P\(index)", title: "P", brand: "B", category: "C", price: Self.euros(Self.amount(&g)),
                        vatClass: VATClass.allCases[Int(g.next() % 5)], stockOnHand: 10)
            }
            let quantities = products.map { _ in g.next() % 2 == 0 ? Int(g.next() % 1_000) + 1 : Int(truncatingIfNeeded: g.next()) }
            let cart = Cart(lines: zip(products, quantities).map { CartLine(sku: $0.sku, quantity: $1) })
            do {
                let summary = try CartSummary(cart: cart, catalogue: Catalogue(products: products))
                #expect(summary.net.minorUnits + summary.vat.minorUnits == summary.total.minorUnits)
                #expect(summary.total.minorUnits.magnitude <= limit.magnitude)
            } catch {
                #expect(error == .totalTooLarge(limit: Self.euros(limit)))
            }
            let lines = zip(products, quantities).map { product, quantity in
                OrderLine(sku: product.sku, title: product.title, quantity: quantity, unitPrice: product.price,
                          vatClass: product.vatClass, perishable: false)
            }
            let totals = OrderTotals(lines: lines, discount: Self.euros(Self.amount(&g)), shipping: Self.euros(Self.amount(&g)),
                                     extras: Self.euros(Self.amount(&g)), currency: .eur)
            let order = Order(
                number: "C-2026-000001", customer: AccountID("A1"), placedAt: ShopInstant(secondsSince1970: Int64(bitPattern: g.next())),
                lines: lines, delivery: .standard, address: Self.address, extras: [.giftWrap], promoCode: nil,
                discount: Self.euros(Self.amount(&g)), promise: CalendarDay(year: 2026, month: 12, day: 1)...CalendarDay(year: 2026, month: 12, day: 3))
            let returned = lines.map { ReturnLine(sku: $0.sku, quantity: Int(truncatingIfNeeded: g.next())) }
            _ = order.refundValue(of: returned)
            _ = order.expectedRefund(of: returned, besides: [])
            // Where every amount is an order's (within the limits, a discount below the goods),
            // net and VAT add up to the total.
            let sane = 0..<ShopLimits.maximumTotalMinorUnits
            if lines.allSatisfy({ sane.contains($0.gross.minorUnits) }), (0...totals.goods.minorUnits).contains(totals.discount.minorUnits),
               sane.contains(totals.shipping.minorUnits), sane.contains(totals.extras.minorUnits) {
                #expect(totals.net.minorUnits + totals.vat.minorUnits == totals.total.minorUnits)
            }
        }
    }

    @Test func orderTotalsOfAbsurdLinesSaturateInsteadOfTrapping() {
        let line = OrderLine(sku: "GOLD", title: "Gold", quantity: .max, unitPrice: Self.euros(.max), vatClass: .standard, perishable: false)
        let totals = OrderTotals(lines: [line, line], discount: Self.euros(10), shipping: Self.euros(5), extras: Self.euros(.max), currency: .eur)
        #expect(totals.goods.minorUnits == .max)
        #expect(totals.total.minorUnits == .max)
    }
}
