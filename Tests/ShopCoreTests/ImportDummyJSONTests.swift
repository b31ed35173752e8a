import Testing
@testable import ShopCore

@Suite("Import DummyJSON products")
struct ImportDummyJSONTests {
    let products: [Product]

    init() throws {
        products = try DummyJSONImporter.importProducts(from: try ImportFixtures.dummyJSON())
    }

    func product(_ sku: String) throws -> Product {
        try #require(products.first { $0.sku == sku })
    }

    @Test func importsEveryProductInFileOrder() {
        #expect(products.count == 194)
        #expect(products.first?.sku == "BEA-ESS-ESS-001")
        #expect(products.last?.sku == "WOM-FAS-WOM-194")
        #expect(Set(products.map(\.sku)).count == 194)
        #expect(products.allSatisfy { $0.price.currency == .eur })
    }

    @Test func mapsEveryFieldOfTheFirstProduct() throws {
        let mascara = try product("BEA-ESS-ESS-001")
        #expect(mascara.title == "Essence Mascara Lash Princess")
        #expect(mascara.description.hasPrefix("The Essence Mascara Lash Princess is a popular mascara"))
        #expect(mascara.category == "beauty")
        #expect(mascara.brand == "Essence")
        #expect(mascara.tags == ["beauty", "mascara"])
        #expect(mascara.price == Money(minorUnits: 999, currency: .eur))
        // 9.99 / (1 - 0.1048) = 11.1595… → 11.16
        #expect(mascara.previousPrice == Money(minorUnits: 1116, currency: .eur))
        #expect(mascara.vatClass == .standard)
        #expect(mascara.rating == Rating(hundredths: 256))
        #expect(mascara.stockOnHand == 99)
        #expect(mascara.availability == .inStock)
        #expect(mascara.leadTime == nil)
        #expect(mascara.minimumOrderQuantity == 48)
        #expect(mascara.listedAt == 1_746_006_062)
        #expect(mascara.barcode == "5784719087687")
        #expect(mascara.imageURLs == [
            "https://cdn.dummyjson.com/product-images/beauty/essence-mascara-lash-princess/1.webp",
            "https://cdn.dummyjson.com/product-images/beauty/essence-mascara-lash-princess/thumbnail.webp",
        ])
        #expect(mascara.specifications == [
            Specification(name: "Weight", value: "4"),
            Specification(name: "Dimensions", value: "W 15.14 × H 13.08 × D 22.99"),
            Specification(name: "Warranty", value: "1 week warranty"),
            Specification(name: "Shipping", value: "Ships in 3-5 business days"),
            Specification(name: "Returns", value: "No return policy"),
        ])
        #expect(mascara.reviews == [
            Review(rating: 3, comment: "Would not recommend!", date: "2025-04-30T09:41:02.053Z", reviewerName: "Eleanor Collins"),
            Review(rating: 4, comment: "Very satisfied!", date: "2025-04-30T09:41:02.053Z", reviewerName: "Lucas Gordon"),
            Review(rating: 5, comment: "Highly impressed!", date: "2025-04-30T09:41:02.053Z", reviewerName: "Eleanor Collins"),
        ])
    }

    @Test func pricesAreExactMinorUnitsAndPreviousPricesRoundToTheCent() throws {
        let motorcycle = try product("MOT-SPE-SPO-117")
        #expect(motorcycle.price.minorUnits == 749_999)
        #expect(motorcycle.previousPrice?.minorUnits == 848_223)
        let watch = try product("WOM-FAS-WOM-194")
        #expect(watch.price.minorUnits == 12_999)
        #expect(watch.previousPrice?.minorUnits == 14_873)
        #expect(products.allSatisfy { ($0.previousPrice?.minorUnits ?? Int64.max) > $0.price.minorUnits })
    }

    @Test func productsWithoutBrandAreGenericAndGroceriesTakeTheReducedRate() throws {
        let apple = try product("GRO-BRD-APP-016")
        #expect(apple.brand == "Generic")
        #expect(apple.category == "groceries")
        #expect(apple.vatClass == .reduced)
        #expect(products.filter { $0.brand == DummyJSONImporter.genericBrand }.count == 92)
        #expect(products.filter { $0.vatClass == .reduced }.count == 27)
    }

    @Test func lowStockLabelAboveTheThresholdStillShowsAsLowStock() throws {
        let apple = try product("GRO-BRD-APP-016")
        #expect(apple.stockOnHand == 8)
        #expect(apple.availability == .inStock)
        let lowLabelled = products.filter { $0.lowStockThreshold > 5 }
        #expect(lowLabelled.count == 5)
        #expect(lowLabelled.allSatisfy { $0.availability == .lowStock(remaining: $0.stockOnHand) })
    }

    @Test func outOfStockProductsBackorderOnlyWhenShippingGivesARange() throws {
        let soldOut = products.filter { $0.stockOnHand == 0 }
        #expect(soldOut.map(\.sku).count == 4)
        let watch = try product("WOM-FAS-WAT-193")
        #expect(watch.leadTime == LeadTime(minDays: 1, maxDays: 4))
        #expect(watch.availability == .shipsIn(LeadTime(minDays: 1, maxDays: 4)))
        let motorcycle = try product("MOT-SPE-SPO-117")
        #expect(motorcycle.leadTime == nil)
        #expect(motorcycle.availability == .outOfStock)
        #expect(products.filter { $0.leadTime != nil }.map(\.sku) == ["WOM-FAS-WAT-193"])
    }

    @Test func noReviewerEmailSurvivesTheImport() {
        let reviews = products.flatMap(\.reviews)
        #expect(reviews.count == 582)
        #expect(reviews.allSatisfy { !$0.reviewerName.contains("@") && !$0.comment.contains("@x.dummyjson.com") })
        #expect(!String(describing: products).contains("@x.dummyjson.com"))
    }

    @Test func acceptsTheAPIEnvelopeAndAnotherCurrency() throws {
        let envelope = #"{"products": [{"id": 7, "title": "Tea", "price": 4.5, "stock": 3}], "total": 1, "skip": 0, "limit": 1}"#
        let imported = try DummyJSONImporter.importProducts(from: envelope, currencyCode: "usd")
        #expect(imported.count == 1)
        #expect(imported[0].sku == "7")
        #expect(imported[0].price == Money(minorUnits: 450, currency: .usd))
        #expect(imported[0].category == "Uncategorized")
        #expect(imported[0].availability == .lowStock(remaining: 3))
    }

    @Test func readsNumbersWrittenWithExponentsExactly() throws {
        let json = #"[{"id": 1, "title": "A", "price": 1.999e1, "stock": 2e1}, {"id": 2, "title": "B", "price": 0.10, "stock": 4}]"#
        let imported = try DummyJSONImporter.importProducts(from: json)
        #expect(imported.map(\.price.minorUnits) == [1999, 10])
        #expect(imported.map(\.stockOnHand) == [20, 4])
    }

    @Test func yenPricesRoundToWholeYen() throws {
        let imported = try DummyJSONImporter.importProducts(
            from: #"[{"id": 1, "title": "Matcha", "price": 1480.5, "stock": 1}]"#, currencyCode: "JPY")
        #expect(imported[0].price == Money(minorUnits: 1481, currency: .jpy))
    }
}
