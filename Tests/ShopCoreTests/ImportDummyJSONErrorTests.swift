import Testing
@testable import ShopCore

@Suite("Import DummyJSON errors")
struct ImportDummyJSONErrorTests {
    /// A valid record with `id` and one field replaced by raw JSON text.
    func record(id: Int, _ field: String? = nil, _ json: String? = nil) -> String {
        var fields: [(String, String)] = [
            ("id", "\(id)"), ("title", "\"Item \(id)\""), ("price", "12.50"), ("stock", "4"), ("sku", "\"SKU-\(id)\""),
        ]
        if let field {
            fields.removeAll { $0.0 == field }
            if let json { fields.append((field, json)) }
        }
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// Eleven good records followed by `last`, so the failing one is record 12.
    func message(_ last: String) -> String? {
        let json = "[" + ((1...11).map { record(id: $0) } + [last]).joined(separator: ",\n") + "]"
        return importError { () throws(ImportError) in try DummyJSONImporter.importProducts(from: json) }?.description
    }

    @Test func priceThatIsNotANumberNamesRecordIdAndField() {
        #expect(message(record(id: 12, "price", "\"abc\""))
            == #"record 12 (id 12): field 'price' is "abc": expected a number such as 12.50"#)
    }

    @Test func negativePriceAndStockAreRefused() {
        #expect(message(record(id: 12, "price", "-1.00"))
            == #"record 12 (id 12): field 'price' is "-1.00": expected a price of zero or more"#)
        #expect(message(record(id: 12, "stock", "-3"))
            == #"record 12 (id 12): field 'stock' is "-3": expected a whole number of units, zero or more"#)
        #expect(message(record(id: 12, "stock", "2.5"))
            == #"record 12 (id 12): field 'stock' is "2.5": expected a whole number of units, zero or more"#)
    }

    @Test func missingRequiredFieldsAreNamed() {
        #expect(message(record(id: 12, "title")) == "record 12 (id 12): field 'title' is missing: every product needs one")
        #expect(message(record(id: 12, "price", "null")) == "record 12 (id 12): field 'price' is missing: every product needs one")
        #expect(message(record(id: 12, "stock")) == "record 12 (id 12): field 'stock' is missing: every product needs one")
        #expect(message(#"{"title": "No id", "price": 1, "stock": 1}"#) == "record 12: field 'sku' is missing: every product needs one")
        #expect(message(record(id: 12, "title", "\"  \"")) == #"record 12 (id 12): field 'title' is "  ": expected a non-empty text"#)
    }

    @Test func outOfRangeDiscountRatingAndQuantities() {
        #expect(message(record(id: 12, "discountPercentage", "100"))
            == #"record 12 (id 12): field 'discountPercentage' is "100": expected a percentage from 0 up to (not including) 100"#)
        #expect(message(record(id: 12, "rating", "5.2"))
            == #"record 12 (id 12): field 'rating' is "5.2": expected a rating from 0 to 5 such as 4.5"#)
        #expect(message(record(id: 12, "minimumOrderQuantity", "0"))
            == #"record 12 (id 12): field 'minimumOrderQuantity' is "0": expected a whole number of units, one or more"#)
    }

    @Test func wrongTypesAndNestedFieldsNameTheirPath() {
        #expect(message(record(id: 12, "tags", #"["ok", 3]"#))
            == #"record 12 (id 12): field 'tags' is "3": expected an array of texts"#)
        #expect(message(record(id: 12, "meta", #"{"createdAt": "30/04/2025"}"#))
            == #"record 12 (id 12): field 'meta.createdAt' is "30/04/2025": expected an ISO 8601 date-time such as 2025-04-30T09:41:02Z"#)
        #expect(message(record(id: 12, "reviews", #"[{"rating": 5}, {"rating": 9, "comment": "!"}]"#))
            == #"record 12 (id 12): field 'reviews[1].rating' is "9": expected a whole rating from 0 to 5"#)
        #expect(message(record(id: 12, "title", "[1]")) == #"record 12 (id 12): field 'title' is "[…]": expected a text"#)
        #expect(message(#"{"id": true, "title": "T", "price": 1, "stock": 1}"#)
            == #"record 12: field 'id' is "true": expected a number or a text such as 12"#)
        #expect(message("\"just text\"") == "record 12 is a string: expected an object describing one product")
    }

    @Test func availabilityStatusThatContradictsStockIsRefused() {
        #expect(message(record(id: 12, "availabilityStatus", "\"Out of Stock\""))
            == #"record 12 (id 12): field 'availabilityStatus' is "Out of Stock": expected "In Stock" or "Low Stock" when stock is 4"#)
        let inStockWithNone = record(id: 12, "stock", "0").dropLast() + #", "availabilityStatus": "In Stock"}"#
        #expect(message(String(inStockWithNone))
            == #"record 12 (id 12): field 'availabilityStatus' is "In Stock": expected "Out of Stock" when stock is 0"#)
        #expect(message(record(id: 12, "availabilityStatus", "\"Discontinued\""))
            == #"record 12 (id 12): field 'availabilityStatus' is "Discontinued": expected one of "In Stock", "Low Stock", "Out of Stock""#)
    }

    @Test func duplicateSKUNamesBothRecords() {
        #expect(message(record(id: 12, "sku", "\"SKU-3\""))
            == "SKU 'SKU-3' appears twice, in record 3 (id 3) and record 12 (id 12): expected each SKU once per file")
    }

    @Test func malformedJSONGivesLineColumnAndByteOffset() {
        let json = "[\n  {\"id\": 1, \"title\": \"A\",\n   \"price\": 1.0 \"stock\": 1}\n]"
        let error = importError { () throws(ImportError) in try DummyJSONImporter.importProducts(from: json) }
        #expect(error == .malformedJSON(line: 3, column: 17, offset: 44, reason: "expected ',' or '}' in an object, found '\"'"))
        #expect(error?.description == #"malformed JSON at line 3, column 17 (byte 44): expected ',' or '}' in an object, found '"'"#)
    }

    @Test func unclosedStringAndTruncatedDocument() {
        let unclosed = importError { () throws(ImportError) in try DummyJSONImporter.importProducts(from: "[{\"title\": \"Caf") }
        #expect(unclosed?.description == "malformed JSON at line 1, column 12 (byte 11): a string starts here and is never closed")
        let truncated = importError { () throws(ImportError) in try DummyJSONImporter.importProducts(from: "[{\"id\": 1}, ") }
        #expect(truncated?.description == "malformed JSON at line 1, column 13 (byte 12): the document ends where a value was expected")
        let trailing = importError { () throws(ImportError) in try DummyJSONImporter.importProducts(from: "[] x") }
        #expect(trailing?.description == "malformed JSON at line 1, column 4 (byte 3): unexpected 'x' after the end of the document")
    }

    @Test func wrongDocumentShapes() {
        func shape(_ json: String) -> String? {
            importError { () throws(ImportError) in try DummyJSONImporter.importProducts(from: json) }?.description
        }
        #expect(shape(#"{"items": []}"#)
            == #"the JSON document is an object without a "products" member: expected an array of products or an object with a "products" array"#)
        #expect(shape(#"{"products": 3}"#)
            == #"the JSON document is an object whose "products" is a number: expected an array of products or an object with a "products" array"#)
        #expect(shape("[]") == "the file holds no products: expected at least one product to import")
        #expect(shape(" \n\t") == "the file is empty: expected a JSON product list or a Shopify product CSV export")
        #expect(shape("") == "the file is empty: expected a JSON product list or a Shopify product CSV export")
    }

    @Test func unknownCurrencyIsRefusedBeforeReading() {
        let error = importError { () throws(ImportError) in
            try DummyJSONImporter.importProducts(from: "[]", currencyCode: "XYZ")
        }
        #expect(error?.description == "unknown currency 'XYZ': expected one of CHF, EUR, GBP, JPY, USD")
    }

    @Test func oneBadRecordAfterGoodOnesYieldsNoProductsAtAll() throws {
        var good = try ImportFixtures.dummyJSON()
        #expect(try DummyJSONImporter.importProducts(from: good).count == 194)
        // Break the very last product's price: the import must refuse the whole file.
        let marker = Array(#""price": 129.99"#.utf8)
        let position = try #require(lastRange(of: marker, in: good))
        good.replaceSubrange(position, with: Array(#""price": "12,5x""#.utf8))
        let error = importError { () throws(ImportError) in try DummyJSONImporter.importProducts(from: good) }
        #expect(error?.description == #"record 194 (id 194): field 'price' is "12,5x": expected a number such as 12.50"#)
    }

    private func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        var start = haystack.count - needle.count
        while start >= 0 {
            if Array(haystack[start..<start + needle.count]) == needle { return start..<start + needle.count }
            start -= 1
        }
        return nil
    }
}
