/// Imports product lists in the shape DummyJSON serves (`/products`): a top-level array of
/// products, or `{"products": [...], "total": ...}`. Every product is checked; the import returns
/// all of them or throws the first `ImportError`, never a partial list.
///
/// Mapping decisions:
/// - `sku`, else the `id` as text (a blank `sku` is refused). `title`, `price` and `stock` are
///   required, typed as DummyJSON writes them: a text title, numbers for price and stock.
/// - Every product then meets `ImportedProductCheck` (SKU, lengths, price and quantity limits).
/// - `brand` is absent on about half of DummyJSON's products (groceries, furniture...): those get
///   the brand `"Generic"`, so brand facets and filters still have a value to show.
/// - A missing `category` becomes `"Uncategorized"`; the VAT class follows the category
///   (`ImportRules.vatClass(forCategory:)`).
/// - `price` is the shelf price, VAT included, read from the number's decimal text.
///   `discountPercentage` d gives `previousPrice = price / (1 - d/100)`, rounded half-up to the cent.
/// - `stock` is the truth about availability. `availabilityStatus` is cross-checked: "Out of Stock"
///   with units on hand, or "In Stock"/"Low Stock" with none, is refused as contradictory; "Low Stock"
///   above the shop's threshold raises the product's `lowStockThreshold` to its stock so the shop
///   shows it as low, as the source does.
/// - `shippingInformation` is the dispatch delay, kept as a specification. Only a product with no
///   stock whose text gives a range ("Ships in 1-2 business days") becomes backorderable with a lead time.
/// - `weight` and `dimensions` come without units in the source; they are kept as written.
/// - Reviews keep rating, comment, date and reviewer name; `reviewerEmail` is personal data the
///   shop does not need and is dropped.
public enum DummyJSONImporter {
    public static let genericBrand = "Generic"
    public static let uncategorized = "Uncategorized"

    public static func importProducts(from text: String, currencyCode: String = "EUR") throws(ImportError) -> [Product] {
        try importProducts(from: Array(text.utf8), currencyCode: currencyCode)
    }

    public static func importProducts(from bytes: some Sequence<UInt8>, currencyCode: String = "EUR") throws(ImportError) -> [Product] {
        let currency = try ImportRules.currency(code: currencyCode)
        let data = Array(bytes)
        guard data.contains(where: { !CatalogueImporter.isWhitespace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) else {
            throw .emptyFile
        }
        let records = try productRecords(in: try JSONParser.parse(data))
        guard !records.isEmpty else { throw .noProducts }
        var products: [Product] = []
        products.reserveCapacity(records.count)
        var register = SKURegister()
        for (offset, record) in records.enumerated() {
            let product = try product(from: record, index: offset + 1, currency: currency)
            try register.register(product.sku, at: locationOf(record, index: offset + 1))
            products.append(product)
        }
        return products
    }

    private static func productRecords(in document: JSONValue) throws(ImportError) -> [JSONValue] {
        switch document {
        case let .array(elements):
            return elements
        case .object:
            guard let list = document["products"] else {
                throw .unexpectedJSONShape(found: "an object without a \"products\" member")
            }
            guard case let .array(elements) = list else {
                throw .unexpectedJSONShape(found: "an object whose \"products\" is \(list.kindDescription)")
            }
            return elements
        default:
            throw .unexpectedJSONShape(found: document.kindDescription)
        }
    }

    private static func locationOf(_ record: JSONValue, index: Int) -> ImportLocation {
        switch record["id"] {
        case let .number(text)?, let .string(text)?: return .record(index, id: text.count > 40 ? String(text.prefix(40)) + "…" : text)
        default: return .record(index, id: nil)
        }
    }

    static func product(from value: JSONValue, index: Int, currency: Currency) throws(ImportError) -> Product {
        guard case .object = value else { throw .recordNotAnObject(record: index, found: value.kindDescription) }
        let record = JSONRecord(location: locationOf(value, index: index), members: value)
        let product = try unchecked(record, currency: currency)
        try ImportedProductCheck(location: record.location, names: ImportedProductCheck.dummyJSON).check(product)
        return product
    }

    /// The product a record describes, its fields read and typed; `ImportedProductCheck` then
    /// applies the rules every import shares.
    private static func unchecked(_ record: JSONRecord, currency: Currency) throws(ImportError) -> Product {
        let id = try record.text("id", expected: "a number or a text such as 12", acceptsNumber: true)
        if let given = record.value("sku"), case let .string(text) = given, text.allSatisfy(\.isWhitespace) {
            throw ImportError.refusedValue(
                record.location, field: "sku", problem: "is blank", expected: "a SKU of printable characters, or no 'sku' to use the id")
        }
        guard let sku = try record.text("sku", acceptsNumber: true) ?? id else {
            throw .missingField(record.location, field: "sku")
        }
        let title = try record.requiredText("title")
        let category = try record.text("category").flatMap { $0.isEmpty ? nil : $0 } ?? uncategorized
        let brand = try record.text("brand").flatMap { $0.isEmpty ? nil : $0 } ?? genericBrand

        let price = try self.price(of: record, currency: currency)
        let previousPrice = try self.previousPrice(of: record, price: price)
        guard let stock = try record.integer("stock", minimum: 0, expected: "a whole number of units, zero or more") else {
            throw .missingField(record.location, field: "stock")
        }
        let shipping = try record.text("shippingInformation")
        let lowStockThreshold = try checkedThreshold(record, stock: stock)

        var rating: Rating?
        if let stars = try record.decimal("rating", expected: "a rating from 0 to 5 such as 4.5") {
            guard let hundredths = stars.rounded(toScale: 2), (0...500).contains(hundredths) else {
                throw record.invalid("rating", record.value("rating") ?? .null, expected: "a rating from 0 to 5 such as 4.5")
            }
            rating = Rating(hundredths: Int(hundredths))
        }
        let minimumOrder = try record.integer(
            "minimumOrderQuantity", minimum: 1, expected: "a whole number of units, one or more") ?? 1

        var listedAt: Int64?
        var barcode: String?
        if let meta = try record.object("meta") {
            if let created = try meta.text("createdAt") {
                guard let seconds = ISO8601Timestamp.secondsSince1970(created) else {
                    throw meta.invalid("createdAt", .string(created), expected: "an ISO 8601 date-time such as 2025-04-30T09:41:02Z")
                }
                listedAt = seconds
            }
            barcode = try meta.text("barcode", acceptsNumber: true).flatMap { $0.isEmpty ? nil : $0 }
        }

        var imageURLs = try record.texts("images")
        if let thumbnail = try record.text("thumbnail"), !thumbnail.isEmpty, !imageURLs.contains(thumbnail) {
            imageURLs.append(thumbnail)
        }

        return Product(
            sku: sku, title: title, brand: brand, category: category,
            description: try record.text("description") ?? "",
            tags: try record.texts("tags"),
            price: price, previousPrice: previousPrice,
            vatClass: ImportRules.vatClass(forCategory: category),
            stockOnHand: stock,
            leadTime: stock == 0 ? shipping.flatMap(ImportRules.leadTime(fromShippingText:)) : nil,
            rating: rating, minimumOrderQuantity: minimumOrder,
            lowStockThreshold: lowStockThreshold, listedAt: listedAt, barcode: barcode, imageURLs: imageURLs,
            specifications: try specifications(of: record, shipping: shipping),
            reviews: try reviews(of: record)
        )
    }

    private static func price(of record: JSONRecord, currency: Currency) throws(ImportError) -> Money {
        let expected = "a number such as 12.50"
        guard let decimal = try record.decimal("price", expected: expected) else {
            throw .missingField(record.location, field: "price")
        }
        guard let units = decimal.rounded(toScale: currency.minorUnitDigits) else {
            throw record.invalid("price", record.value("price") ?? .null, expected: expected)
        }
        guard units >= 0 else {
            throw record.invalid("price", record.value("price") ?? .null, expected: "a price of zero or more")
        }
        guard units <= ShopLimits.maximumPriceMinorUnits else {
            throw ImportedProductCheck.priceTooHigh(record.location, field: "price", currency: currency)
        }
        return Money(minorUnits: units, currency: currency)
    }

    /// `price / (1 - d/100)` in exact integer arithmetic, rounded half-up; nil without a discount.
    private static func previousPrice(of record: JSONRecord, price: Money) throws(ImportError) -> Money? {
        let expected = "a percentage from 0 up to (not including) 100"
        guard let discount = try record.decimal("discountPercentage", expected: expected) else { return nil }
        let scale = min(discount.scale, 6)
        guard let hundredth = ExactDecimal.power(scale), let d = discount.rounded(toScale: scale),
              d >= 0, d < 100 * hundredth else {
            throw record.invalid("discountPercentage", record.value("discountPercentage") ?? .null, expected: expected)
        }
        guard d > 0 else { return nil }
        let whole = 100 * hundredth
        let (numerator, overflow) = price.minorUnits.multipliedReportingOverflow(by: whole)
        guard !overflow else {
            throw record.invalid("price", record.value("price") ?? .null, expected: "a price small enough to discount")
        }
        let denominator = whole - d
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        let previous = remainder * 2 >= denominator ? quotient + 1 : quotient
        return previous > price.minorUnits ? Money(minorUnits: previous, currency: price.currency) : nil
    }

    /// Cross-checks `availabilityStatus` with the stock; see the type's documentation.
    private static func checkedThreshold(_ record: JSONRecord, stock: Int) throws(ImportError) -> Int {
        let standard = 5
        guard let status = try record.text("availabilityStatus") else { return standard }
        switch status.lowercased() {
        case "in stock":
            guard stock > 0 else {
                throw record.invalid("availabilityStatus", .string(status), expected: "\"Out of Stock\" when stock is 0")
            }
            return standard
        case "low stock":
            guard stock > 0 else {
                throw record.invalid("availabilityStatus", .string(status), expected: "\"Out of Stock\" when stock is 0")
            }
            return max(standard, stock)
        case "out of stock":
            guard stock == 0 else {
                throw record.invalid(
                    "availabilityStatus", .string(status),
                    expected: "\"In Stock\" or \"Low Stock\" when stock is \(stock)")
            }
            return standard
        default:
            throw record.invalid(
                "availabilityStatus", .string(status), expected: "one of \"In Stock\", \"Low Stock\", \"Out of Stock\"")
        }
    }

    private static func specifications(of record: JSONRecord, shipping: String?) throws(ImportError) -> [Specification] {
        var specs: [Specification] = []
        if let weight = try record.text("weight", acceptsNumber: true), !weight.isEmpty {
            specs.append(Specification(name: "Weight", value: weight))
        }
        if let dimensions = try record.object("dimensions") {
            var parts: [String] = []
            for (field, letter) in [("width", "W"), ("height", "H"), ("depth", "D")] {
                if let size = try dimensions.text(field, acceptsNumber: true) { parts.append("\(letter) \(size)") }
            }
            if !parts.isEmpty { specs.append(Specification(name: "Dimensions", value: parts.joined(separator: " × "))) }
        }
        if let warranty = try record.text("warrantyInformation"), !warranty.isEmpty {
            specs.append(Specification(name: "Warranty", value: warranty))
        }
        if let shipping, !shipping.isEmpty { specs.append(Specification(name: "Shipping", value: shipping)) }
        if let returns = try record.text("returnPolicy"), !returns.isEmpty {
            specs.append(Specification(name: "Returns", value: returns))
        }
        return specs
    }

    private static func reviews(of record: JSONRecord) throws(ImportError) -> [Review] {
        guard let value = record.value("reviews") else { return [] }
        guard case let .array(elements) = value else {
            throw record.invalid("reviews", value, expected: "an array of reviews")
        }
        var reviews: [Review] = []
        for (offset, element) in elements.enumerated() {
            let field = "reviews[\(offset)]"
            guard case .object = element else { throw record.invalid(field, element, expected: "an object") }
            let review = JSONRecord(location: record.location, members: element, prefix: field)
            guard let stars = try review.integer("rating", minimum: 0, expected: "a whole rating from 0 to 5"), stars <= 5 else {
                if review.value("rating") == nil { throw .missingField(record.location, field: review.path("rating")) }
                throw review.invalid("rating", review.value("rating") ?? .null, expected: "a whole rating from 0 to 5")
            }
            reviews.append(Review(
                rating: stars,
                comment: try review.text("comment") ?? "",
                date: try review.text("date") ?? "",
                reviewerName: try review.text("reviewerName").flatMap { $0.isEmpty ? nil : $0 } ?? "Anonymous"))
        }
        return reviews
    }
}
