/// The rules every imported product meets, whatever its format: a SKU that is not blank and
/// holds printable characters only, texts and lists within `ShopLimits`, a price, stock and
/// order quantities within bounds, and a minimum order that some order can hold. Refusals name the record or
/// line and the field as the file calls it.
struct ImportedProductCheck {
    /// The names a format gives the checked fields.
    struct FieldNames {
        var sku, title, brand, category, description, tags, images, reviews: String
        var price, previousPrice, stock, minimumOrder, maximumOrder: String
    }

    static let dummyJSON = FieldNames(
        sku: "sku", title: "title", brand: "brand", category: "category", description: "description",
        tags: "tags", images: "images", reviews: "reviews", price: "price", previousPrice: "discountPercentage",
        stock: "stock", minimumOrder: "minimumOrderQuantity", maximumOrder: "maximumOrderQuantity")

    static let shopify = FieldNames(
        sku: "Variant SKU", title: "Title", brand: "Vendor", category: "Type", description: "Body (HTML)",
        tags: "Tags", images: "Image Src", reviews: "reviews", price: "Variant Price",
        previousPrice: "Variant Compare At Price", stock: "Variant Inventory Qty",
        minimumOrder: "minimum order", maximumOrder: "maximum order")

    let location: ImportLocation
    let names: FieldNames

    func check(_ product: Product) throws(ImportError) {
        try checkSKU(product.sku)
        try checkLength(product.title, names.title, maximum: ShopLimits.maximumTitleLength)
        try checkLength(product.brand, names.brand, maximum: ShopLimits.maximumTitleLength)
        try checkLength(product.category, names.category, maximum: ShopLimits.maximumTitleLength)
        try checkLength(product.description, names.description, maximum: ShopLimits.maximumDescriptionLength)
        try checkList(product.tags, names.tags)
        try checkList(product.imageURLs, names.images)
        try checkList(product.reviews.map(\.comment), names.reviews)
        for specification in product.specifications {
            try checkLength(specification.value, specification.name, maximum: ShopLimits.maximumTextLength)
        }
        try checkPrice(product.price, names.price)
        if let previous = product.previousPrice { try checkPrice(previous, names.previousPrice) }
        guard product.stockOnHand <= ShopLimits.maximumStock else {
            throw refused(names.stock, "is \(product.stockOnHand)", expected: "at most \(ShopLimits.maximumStock) units")
        }
        try checkOrderQuantities(product)
    }

    private func refused(_ field: String, _ problem: String, expected: String) -> ImportError {
        .refusedValue(location, field: field, problem: problem, expected: expected)
    }

    private func checkSKU(_ sku: String) throws(ImportError) {
        guard !sku.allSatisfy(\.isWhitespace) else {
            throw refused(names.sku, "is blank", expected: "a SKU of printable characters")
        }
        if let scalar = sku.unicodeScalars.first(where: Self.isUnprintable) {
            throw refused(names.sku, "holds the control character \(Self.codePoint(scalar))", expected: "printable characters only")
        }
        try checkLength(sku, names.sku, maximum: ShopLimits.maximumSKULength)
    }

    private func checkLength(_ text: String, _ field: String, maximum: Int) throws(ImportError) {
        // Bytes bound characters from above: count characters only when the bytes exceed the limit.
        guard text.utf8.count > maximum else { return }
        let length = text.count
        guard length <= maximum else {
            throw refused(field, "has \(length) characters", expected: "at most \(maximum)")
        }
    }

    private func checkList(_ items: [String], _ field: String) throws(ImportError) {
        guard items.count <= ShopLimits.maximumListCount else {
            throw refused(field, "has \(items.count) items", expected: "at most \(ShopLimits.maximumListCount)")
        }
        for item in items { try checkLength(item, field, maximum: ShopLimits.maximumTextLength) }
    }

    private func checkPrice(_ price: Money, _ field: String) throws(ImportError) {
        guard price.minorUnits <= ShopLimits.maximumPriceMinorUnits else {
            throw Self.priceTooHigh(location, field: field, currency: price.currency)
        }
    }

    /// The refusal of a price above `ShopLimits.maximumPriceMinorUnits`.
    static func priceTooHigh(_ location: ImportLocation, field: String, currency: Currency) -> ImportError {
        let most = Money(minorUnits: ShopLimits.maximumPriceMinorUnits, currency: currency)
        return .refusedValue(location, field: field, problem: "is above the shop's maximum price", expected: "at most \(most.plainAmount)")
    }

    /// An order must be able to hold the minimum order some day: it is not above the maximum
    /// order, the backorder cap or `ShopLimits.maximumQuantity`. A minimum above today's stock is
    /// accepted: stock changes (17 of DummyJSON's 194 products ask more than their stock), and
    /// the cart refuses such an order until there is enough.
    private func checkOrderQuantities(_ product: Product) throws(ImportError) {
        let minimum = product.minimumOrderQuantity
        let cap = product.maximumOrderQuantity ?? (product.leadTime == nil ? nil : Product.backorderCap)
        if let cap, minimum > cap {
            let limit = product.maximumOrderQuantity == nil ? "the \(cap) units one backorder may hold" : "the maximum order of \(cap)"
            throw refused(names.minimumOrder, "is \(minimum), above \(limit): the product could never be ordered",
                          expected: "at most \(cap)")
        }
        guard minimum <= ShopLimits.maximumQuantity else {
            throw refused(names.minimumOrder, "is \(minimum)", expected: "at most \(ShopLimits.maximumQuantity) units")
        }
    }

    /// Control characters, format characters (bidi overrides, zero-width marks) and line or
    /// paragraph separators: what a SKU, typed on a command line and printed in tables, must not hold.
    static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    /// `U+0007`.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
