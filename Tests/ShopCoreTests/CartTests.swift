import Testing
@testable import ShopCore

@Suite("Cart rules")
struct CartTests {
    static let beans = Product(sku: "COF-1", title: "Arabica beans", brand: "Brûlerie", category: "Coffee",
                               price: Money(minorUnits: 1290, currency: .eur), vatClass: .reduced, stockOnHand: 4)
    static let mug = Product(sku: "MUG-1", title: "Mug", brand: "Terre", category: "Kitchen",
                             price: Money(minorUnits: 999, currency: .eur), stockOnHand: 50, maximumOrderQuantity: 6)
    static let soldOut = Product(sku: "OUT-1", title: "Sold out kettle", brand: "Terre", category: "Kitchen",
                                 price: Money(minorUnits: 4500, currency: .eur), stockOnHand: 0)
    static let madeToOrder = Product(sku: "MTO-1", title: "Oak table", brand: "Atelier", category: "Home",
                                     price: Money(minorUnits: 89_000, currency: .eur), stockOnHand: 0,
                                     leadTime: LeadTime(minDays: 5, maxDays: 8))
    static let bulk = Product(sku: "BLK-1", title: "Tea bags", brand: "Thé", category: "Tea",
                              price: Money(minorUnits: 25, currency: .eur), vatClass: .reduced, stockOnHand: 500,
                              minimumOrderQuantity: 20)
    static let dollars = Product(sku: "USD-1", title: "Import", brand: "Far", category: "Misc",
                                 price: Money(minorUnits: 500, currency: .usd), stockOnHand: 10)

    func shop() -> ShopState {
        ShopState(catalogue: Catalogue(products: [Self.beans, Self.mug, Self.soldOut, Self.madeToOrder, Self.bulk, Self.dollars]))
    }

    func run(_ state: inout ShopState, _ command: ShopCommand) throws(ShopError) {
        state.apply(try state.decide(command))
    }

    @Test func addsAndAccumulates() throws {
        var state = shop()
        try run(&state, .addToCart(sku: "COF-1", quantity: 1, by: .local))
        try run(&state, .addToCart(sku: "COF-1", quantity: 2, by: .local))
        #expect(state.cart(of: .local).quantity(of: "COF-1") == 3)
        #expect(state.cart(of: .local).lines.count == 1)
    }

    @Test func addWithoutQuantityAddsTheMinimumOrder() throws {
        var state = shop()
        try run(&state, .addToCart(sku: "BLK-1", quantity: nil, by: .local))
        try run(&state, .addToCart(sku: "COF-1", quantity: nil, by: .local))
        #expect(state.cart(of: .local).quantity(of: "BLK-1") == 20)
        #expect(state.cart(of: .local).quantity(of: "COF-1") == 1)
    }

    @Test func refusesBeyondStock() throws {
        var state = shop()
        try run(&state, .addToCart(sku: "COF-1", quantity: 3, by: .local))
        #expect(throws: ShopError.cart(.exceedsStock(sku: "COF-1", title: "Arabica beans", requested: 5, available: 4))) {
            try state.decide(.addToCart(sku: "COF-1", quantity: 2, by: .local))
        }
        #expect(ShopError.cart(.exceedsStock(sku: "COF-1", title: "Arabica beans", requested: 5, available: 4)).description
            == "only 4 of Arabica beans (COF-1) in stock: asked for 5, choose at most 4")
    }

    @Test func reservedStockIsNotAvailable() throws {
        var beans = Self.beans
        beans.reservedStock = 3
        let state = ShopState(catalogue: Catalogue(products: [beans]))
        #expect(throws: ShopError.cart(.exceedsStock(sku: "COF-1", title: "Arabica beans", requested: 2, available: 1))) {
            try state.decide(.addToCart(sku: "COF-1", quantity: 2, by: .local))
        }
    }

    @Test func refusesOutOfStockAndUnknown() {
        let state = shop()
        #expect(throws: ShopError.cart(.outOfStock(sku: "OUT-1", title: "Sold out kettle"))) {
            try state.decide(.addToCart(sku: "OUT-1", quantity: 1, by: .local))
        }
        #expect(throws: ShopError.cart(.unknownProduct(sku: "NOPE"))) {
            try state.decide(.addToCart(sku: "NOPE", quantity: 1, by: .local))
        }
        #expect(throws: ShopError.cart(.quantityNotPositive(0))) { try state.decide(.addToCart(sku: "COF-1", quantity: 0, by: .local)) }
        #expect(throws: ShopError.cart(.quantityNotPositive(-2))) { try state.decide(.setCartQuantity(sku: "COF-1", quantity: -2, by: .local)) }
    }

    @Test func respectsPerOrderLimits() throws {
        let state = shop()
        #expect(throws: ShopError.cart(.exceedsOrderLimit(sku: "MUG-1", title: "Mug", requested: 7, maximum: 6))) {
            try state.decide(.setCartQuantity(sku: "MUG-1", quantity: 7, by: .local))
        }
        #expect(throws: ShopError.cart(.belowMinimumOrder(sku: "BLK-1", title: "Tea bags", requested: 5, minimum: 20))) {
            try state.decide(.addToCart(sku: "BLK-1", quantity: 5, by: .local))
        }
    }

    @Test func backorderableProductsIgnoreStockButNotTheCap() throws {
        var state = shop()
        try run(&state, .setCartQuantity(sku: "MTO-1", quantity: 12, by: .local))
        #expect(state.cart(of: .local).quantity(of: "MTO-1") == 12)
        #expect(throws: ShopError.cart(.exceedsOrderLimit(sku: "MTO-1", title: "Oak table", requested: 100, maximum: 99))) {
            try state.decide(.setCartQuantity(sku: "MTO-1", quantity: 100, by: .local))
        }
    }

    @Test func oneCurrencyPerCart() throws {
        var state = shop()
        try run(&state, .addToCart(sku: "COF-1", quantity: 1, by: .local))
        #expect(throws: ShopError.cart(.currencyMismatch(sku: "USD-1", cartCurrency: .eur, productCurrency: .usd))) {
            try state.decide(.addToCart(sku: "USD-1", quantity: 1, by: .local))
        }
    }

    @Test func setZeroAndRemoveDeleteTheLine() throws {
        var state = shop()
        try run(&state, .addToCart(sku: "COF-1", quantity: 2, by: .local))
        try run(&state, .addToCart(sku: "MUG-1", quantity: 1, by: .local))
        try run(&state, .setCartQuantity(sku: "COF-1", quantity: 0, by: .local))
        #expect(state.cart(of: .local).lines.map(\.sku) == ["MUG-1"])
        try run(&state, .removeFromCart(sku: "MUG-1", by: .local))
        #expect(state.cart(of: .local).isEmpty)
        #expect(throws: ShopError.cart(.notInCart(sku: "MUG-1"))) { try state.decide(.removeFromCart(sku: "MUG-1", by: .local)) }
        #expect(throws: ShopError.cart(.notInCart(sku: "COF-1"))) { try state.decide(.setCartQuantity(sku: "COF-1", quantity: 0, by: .local)) }
    }

    @Test func clearingAnEmptyCartChangesNothing() throws {
        #expect(try shop().decide(.clearCart(by: .local)).isEmpty)
    }

    @Test func reimportKeepsReservedStock() throws {
        var beans = Self.beans
        beans.reservedStock = 2
        var state = ShopState(catalogue: Catalogue(products: [beans]))
        var updated = Self.beans
        updated.stockOnHand = 40
        updated.title = "Arabica beans, new crop"
        try run(&state, .importProducts([updated]))
        #expect(state.catalogue.count == 1)
        #expect(state.catalogue.product(sku: "COF-1")?.title == "Arabica beans, new crop")
        #expect(state.catalogue.product(sku: "COF-1")?.reservedStock == 2)
        #expect(state.catalogue.product(sku: "COF-1")?.availableStock == 38)
        #expect(throws: ShopError.emptyImport) { try state.decide(.importProducts([])) }
    }
}

@Suite("Cart totals")
struct CartSummaryTests {
    @Test func breaksDownVATPerRate() throws {
        var state = CartTests().shop()
        state.apply(.cartLineSet(cart: .local, sku: "COF-1", quantity: 3))   // 3 × 12.90 at 5.5 %
        state.apply(.cartLineSet(cart: .local, sku: "MUG-1", quantity: 2))   // 2 × 9.99 at 20 %
        let summary = try CartSummary(cart: state.cart(of: .local), catalogue: state.catalogue)
        #expect(summary.subtotal.minorUnits == 3870 + 1998)
        #expect(summary.vatBreakdown.map(\.vatClass) == [.standard, .reduced])
        let standard = summary.vatBreakdown[0]
        #expect(standard.gross.minorUnits == 1998)
        #expect(standard.vat.minorUnits == 333)   // 1998 / 6 = 333
        let reduced = summary.vatBreakdown[1]
        #expect(reduced.vat.minorUnits == 202)    // 3870 * 550 / 10550 = 201.75 -> 202
        #expect(summary.net.minorUnits + summary.vat.minorUnits == summary.total.minorUnits)
    }

    @Test func totalsAlwaysAddUpToTheCent() throws {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<300 {
            var products: [Product] = []
            var cart = Cart()
            for index in 0..<Int.random(in: 1...8, using: &generator) {
                let product = Product(
                    sku: "P\(index)", title: "P\(index)", brand: "B", category: "C",
                    price: Money(minorUnits: Int64.random(in: 1...99_999, using: &generator), currency: .eur),
                    vatClass: VATClass.allCases.randomElement(using: &generator)!, stockOnHand: 100)
                products.append(product)
                cart.setQuantity(Int.random(in: 1...9, using: &generator), for: product.sku)
            }
            let summary = try CartSummary(cart: cart, catalogue: Catalogue(products: products))
            #expect(summary.net.minorUnits + summary.vat.minorUnits == summary.total.minorUnits)
            #expect(summary.lines.reduce(0) { $0 + $1.gross.minorUnits } == summary.total.minorUnits)
            #expect(summary.vatBreakdown.reduce(0) { $0 + $1.vat.minorUnits } == summary.vat.minorUnits)
            #expect(summary.vatBreakdown.reduce(0) { $0 + $1.net.minorUnits } == summary.net.minorUnits)
        }
    }

    @Test func emptyCartIsZero() throws {
        let summary = try CartSummary(cart: Cart(), catalogue: Catalogue())
        #expect(summary.total == .zero(.eur))
        #expect(summary.vatBreakdown.isEmpty)
    }
}

@Suite("Availability")
struct AvailabilityTests {
    @Test func followsStockAndLeadTime() {
        var product = CartTests.beans
        product.stockOnHand = 20
        #expect(product.availability == .inStock)
        product.stockOnHand = 5
        #expect(product.availability == .lowStock(remaining: 5))
        #expect(product.availability.label == "Only 5 left")
        product.stockOnHand = 0
        #expect(product.availability == .outOfStock)
        product.leadTime = LeadTime(minDays: 5, maxDays: 8)
        #expect(product.availability.label == "Ships in 5–8 days")
        #expect(!product.availability.isInStock)
    }

    @Test func ratingLabelsRoundToOneDecimal() {
        #expect(Rating(stars: 4.96).label == "5.0")
        #expect(Rating(stars: 4.94).label == "4.9")
        #expect(Rating(stars: 2.56).label == "2.6")
        #expect(Rating(hundredths: 900).hundredths == 500)
    }

    @Test func discountPercentRounds() {
        var product = CartTests.beans
        product.previousPrice = Money(minorUnits: 1590, currency: .eur)
        #expect(product.discountPercent == 19)
        product.previousPrice = Money(minorUnits: 1000, currency: .eur)
        #expect(product.discountPercent == nil)
    }
}
