import Testing
@testable import ShopCore

/// Import validation: SKUs, typed fields, order quantities and every length and size limit,
/// refused with the record or line and the field named, values never echoed whole.
@Suite("Import validation and limits")
struct ImportLimitTests {
    static func json(_ fields: String) -> String {
        #"[{"id": 1, "title": "Tea", "price": 4.5, "stock": 3"# + (fields.isEmpty ? "" : ", " + fields) + "}]"
    }

    static func jsonError(_ fields: String) -> ImportError? {
        importError { () throws(ImportError) in try DummyJSONImporter.importProducts(from: json(fields)) }
    }

    static let header = "Handle,Title,Vendor,Type,Variant SKU,Variant Price,Variant Inventory Qty\n"

    static func csvError(_ row: String) -> ImportError? {
        importError { () throws(ImportError) in try ShopifyCSVImporter.importProducts(from: header + row + "\n") }
    }

    @Test func aValidRecordImports() throws {
        #expect(Self.jsonError("") == nil)
        #expect(Self.csvError("tea,Tea,Thé,Tea,TEA-1,4.50,3") == nil)
    }

    @Test func blankSKUsAreRefused() {
        let refusal = Self.jsonError(#""sku": "   ""#)
        #expect(refusal == .refusedValue(.record(1, id: "1"), field: "sku", problem: "is blank",
                                         expected: "a SKU of printable characters, or no 'sku' to use the id"))
        #expect(refusal?.description == "record 1 (id 1): field 'sku' is blank: expected a SKU of printable characters, or no 'sku' to use the id")
        let blankID = importError { () throws(ImportError) in
            try DummyJSONImporter.importProducts(from: #"[{"id": " ", "title": "Tea", "price": 4.5, "stock": 3}]"#)
        }
        #expect(blankID?.description == "record 1 (id  ): field 'sku' is blank: expected a SKU of printable characters")
        // Shopify: a handle of punctuation only gives no SKU to derive.
        #expect(Self.csvError("---,Tea,Thé,Tea,,4.50,3")?.description
            == "line 2: column 'Variant SKU' is blank: expected a SKU of printable characters")
    }

    @Test(arguments: ["\u{07}", "\u{1B}]0;x", "\u{202E}", "\u{2028}", "\u{0}"])
    func skusWithControlCharactersAreRefused(control: String) {
        let scalar = control.unicodeScalars.first!
        let code = ImportedProductCheck.codePoint(scalar)
        let escaped = control.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }.joined()
        #expect(Self.jsonError(#""sku": "AB"# + escaped + #"1""#)
            == .refusedValue(.record(1, id: "1"), field: "sku", problem: "holds the control character \(code)", expected: "printable characters only"))
        #expect(Self.csvError("tea,Tea,Thé,Tea,\"TEA\(control)1\",4.50,3")
            == .refusedValue(.line(2), field: "Variant SKU", problem: "holds the control character \(code)", expected: "printable characters only"))
    }

    @Test func numbersAndTextsAreTypedAsDocumented() {
        #expect(Self.jsonError("").map { _ in true } == nil)
        let stock = importError { () throws(ImportError) in
            try DummyJSONImporter.importProducts(from: #"[{"id": 1, "title": "Tea", "price": 4.5, "stock": "5"}]"#)
        }
        #expect(stock?.description == "record 1 (id 1): field 'stock' is \"5\": expected a whole number of units, zero or more")
        let price = importError { () throws(ImportError) in
            try DummyJSONImporter.importProducts(from: #"[{"id": 1, "title": "Tea", "price": "4.5", "stock": 5}]"#)
        }
        #expect(price?.description == "record 1 (id 1): field 'price' is \"4.5\": expected a number such as 12.50")
        let title = importError { () throws(ImportError) in
            try DummyJSONImporter.importProducts(from: #"[{"id": 1, "title": 123, "price": 4.5, "stock": 5}]"#)
        }
        #expect(title?.description == "record 1 (id 1): field 'title' is \"123\": expected a text")
        // Ids, SKUs and weights may be numbers, as DummyJSON writes them.
        #expect(Self.jsonError(#""sku": 12345, "weight": 2"#) == nil)
    }

    @Test func aHundredThousandDigitPriceIsRefusedWithoutEchoingIt() throws {
        let digits = String(repeating: "9", count: 100_000)
        let refusal = try #require(importError { () throws(ImportError) in
            try DummyJSONImporter.importProducts(from: "[{\"id\": 1, \"title\": \"Tea\", \"price\": \(digits), \"stock\": 5}]")
        })
        #expect(refusal.description
            == "record 1 (id 1): field 'price' has 100000 digits: expected a number such as 12.50, of at most 30 digits")
        let csv = try #require(Self.csvError("tea,Tea,Thé,Tea,TEA-1,\(digits),3"))
        #expect(csv.description == "line 2: column 'Variant Price' has 100000 digits: expected a number such as 12.50, of at most 30 digits")
        let id = try #require(importError { () throws(ImportError) in
            try DummyJSONImporter.importProducts(from: "[{\"id\": \(digits), \"title\": \"Tea\", \"price\": 1, \"stock\": 5}]")
        })
        #expect(id.description.count < 200)
    }

    @Test(arguments: ["50000000000000000", "92233720368547.75", "10000000.01"])
    func pricesAboveTheMaximumAreRefused(price: String) {
        let refusal = importError { () throws(ImportError) in
            try DummyJSONImporter.importProducts(from: "[{\"id\": 1, \"title\": \"Tea\", \"price\": \(price), \"stock\": 5}]")
        }
        #expect(refusal == .refusedValue(.record(1, id: "1"), field: "price", problem: "is above the shop's maximum price",
                                         expected: "at most 10000000.00"))
        let discounted = importError { () throws(ImportError) in
            try DummyJSONImporter.importProducts(
                from: "[{\"id\": 1, \"title\": \"Tea\", \"price\": \(price), \"discountPercentage\": 10, \"stock\": 5}]")
        }
        #expect(discounted == refusal)
        #expect(Self.csvError("tea,Tea,Thé,Tea,TEA-1,\(price),3")
            == .refusedValue(.line(2), field: "Variant Price", problem: "is above the shop's maximum price", expected: "at most 10000000.00"))
        #expect(Self.jsonError("").map { _ in 0 } == nil)
    }

    @Test func theHighestPriceImports() throws {
        let products = try DummyJSONImporter.importProducts(from: #"[{"id": 1, "title": "Car", "price": 10000000, "stock": 1}]"#)
        #expect(products[0].price.minorUnits == ShopLimits.maximumPriceMinorUnits)
    }

    @Test func stockAndOrderQuantitiesAreBounded() {
        #expect(Self.jsonError("").map { _ in 0 } == nil)
        let stock = importError { () throws(ImportError) in
            try DummyJSONImporter.importProducts(from: #"[{"id": 1, "title": "Tea", "price": 4.5, "stock": 2000000000}]"#)
        }
        #expect(stock == .refusedValue(.record(1, id: "1"), field: "stock", problem: "is 2000000000", expected: "at most 1000000000 units"))
        let backorder = importError { () throws(ImportError) in
            try DummyJSONImporter.importProducts(from: #"[{"id": 1, "title": "Sofa", "price": 450, "stock": 0, "minimumOrderQuantity": 120, "availabilityStatus": "Out of Stock", "shippingInformation": "Ships in 1-2 weeks"}]"#)
        }
        #expect(backorder?.description == "record 1 (id 1): field 'minimumOrderQuantity' is 120, above the 99 units one backorder may hold: "
            + "the product could never be ordered: expected at most 99")
    }

    @Test func aMinimumOrderAboveTheMaximumOrderIsRefused() {
        let product = Product(sku: "MUG", title: "Mug", brand: "Terre", category: "Kitchen",
                              price: Money(minorUnits: 999, currency: .eur), stockOnHand: 50,
                              minimumOrderQuantity: 8, maximumOrderQuantity: 6)
        let check = ImportedProductCheck(location: .record(3, id: "9"), names: ImportedProductCheck.dummyJSON)
        #expect(importError { () throws(ImportError) in try check.check(product) }?.description
            == "record 3 (id 9): field 'minimumOrderQuantity' is 8, above the maximum order of 6: the product could never be ordered: expected at most 6")
    }

    /// DummyJSON asks more than the stock for some products: stock changes, so that imports.
    @Test func aMinimumOrderAboveTodaysStockImports() throws {
        let products = try DummyJSONImporter.importProducts(from: #"[{"id": 20, "title": "Tea", "price": 4.5, "stock": 10, "minimumOrderQuantity": 46}]"#)
        #expect(products[0].minimumOrderQuantity == 46)
    }

    @Test func textLengthsAndListCountsAreBounded() {
        let longTitle = String(repeating: "é", count: ShopLimits.maximumTitleLength + 1)
        #expect(Self.jsonError("").map { _ in 0 } == nil)
        let title = importError { () throws(ImportError) in
            try DummyJSONImporter.importProducts(from: "[{\"id\": 1, \"title\": \"\(longTitle)\", \"price\": 1, \"stock\": 5}]")
        }
        #expect(title == .refusedValue(.record(1, id: "1"), field: "title", problem: "has 301 characters", expected: "at most 300"))
        let description = String(repeating: "a", count: ShopLimits.maximumDescriptionLength + 1)
        #expect(Self.jsonError("\"description\": \"\(description)\"")
            == .refusedValue(.record(1, id: "1"), field: "description", problem: "has 20001 characters", expected: "at most 20000"))
        let tags = Array(repeating: "\"tag\"", count: ShopLimits.maximumListCount + 1).joined(separator: ",")
        #expect(Self.jsonError("\"tags\": [\(tags)]")
            == .refusedValue(.record(1, id: "1"), field: "tags", problem: "has 101 items", expected: "at most 100"))
        let sku = String(repeating: "S", count: ShopLimits.maximumSKULength + 1)
        #expect(Self.csvError("tea,Tea,Thé,Tea,\(sku),4.50,3")
            == .refusedValue(.line(2), field: "Variant SKU", problem: "has 65 characters", expected: "at most 64"))
        #expect(Self.jsonError("\"tags\": [\(Array(repeating: "\"tag\"", count: 100).joined(separator: ","))]") == nil)
    }

    @Test func jsonNestingIsBounded() {
        let deep = "[" + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "]"
        let refusal = importError { () throws(ImportError) in try DummyJSONImporter.importProducts(from: deep) }
        #expect(refusal == .malformedJSON(line: 1, column: 65, offset: 64, reason: "nesting deeper than 64 levels"))
    }
}
