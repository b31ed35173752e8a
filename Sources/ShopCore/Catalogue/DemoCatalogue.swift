/// The catalogue a new data folder starts with: 300+ products invented for Comptoir, over ten
/// categories and fifty brands. Hand-written tables of brands, product lines and reviews (in the
/// `DemoCatalogue+*.swift` files) are combined here with deterministic rules for stock, discounts
/// and listing dates, so every run and every machine gets the same catalogue. Ratings are the
/// average of the written reviews, never invented.
public enum DemoCatalogue {
    /// Every demo product, in category, brand and line order.
    public static let products: [Product] = build(categories)

    /// The demo products as a catalogue, ready to seed a new data folder.
    public static var catalogue: Catalogue { Catalogue(products: products) }

    /// The categories in the order the shop lists them.
    static let categories: [DemoCategory] = [
        coffeeAndTea, groceries, kitchen, books, audio, stationery, outdoor, clothing, home, toys,
    ]

    /// Lead times of the backorderable products, picked in turn.
    static let leadTimes = [
        LeadTime(minDays: 5, maxDays: 8), LeadTime(minDays: 3, maxDays: 5),
        LeadTime(minDays: 10, maxDays: 14), LeadTime(minDays: 7, maxDays: 10),
    ]

    /// 2023-03-01T00:00:00Z: the oldest listing date.
    static let firstListing: Int64 = 1_677_628_800

    static func build(_ categories: [DemoCategory]) -> [Product] {
        var products: [Product] = []
        for category in categories {
            for brand in category.brands {
                var number = 0
                for line in brand.lines {
                    let variants: [DemoVariant?] = line.variants.isEmpty ? [nil] : line.variants
                    for variant in variants {
                        number += 1
                        let digits = String(number)
                        let sku = "\(category.code)-\(brand.code)-\(String(repeating: "0", count: max(0, 3 - digits.count)))\(digits)"
                        products.append(product(
                            index: products.count, sku: sku, line: line, variant: variant, brand: brand, category: category))
                    }
                }
            }
        }
        return products
    }

    /// One product; `index` (its position in the whole catalogue) drives the deterministic mix of
    /// stock levels, backorders, discounts and listing dates.
    static func product(
        index: Int, sku: String, line: DemoLine, variant: DemoVariant?, brand: DemoBrand, category: DemoCategory
    ) -> Product {
        let cents = variant?.cents ?? line.cents
        let spread = (index * 7919 + 104_729) % 1009
        var stock = 8 + spread % 140
        var leadTime: LeadTime?
        if index % 19 == 6 {
            stock = 0
            leadTime = leadTimes[(index / 19) % leadTimes.count]
        } else if index % 23 == 9 {
            stock = 0
        } else if index % 13 == 4 {
            stock = 1 + spread % 5
        }
        var previousPrice: Money?
        if index % 7 == 3 {
            let percent = Int64([10, 15, 20, 25, 30][spread % 5])
            let before = (cents * 100 / (100 - percent) + 9) / 10 * 10
            previousPrice = Money(minorUnits: before, currency: .eur)
        }
        let reviews = reviews(ofLine: line.title)
        // A rating is the average of the line's written reviews; a line nobody reviewed has none.
        let rating = Review.average(reviews)
        let days = Int64((spread * 61 + index * 37) % 700)
        var specifications: [Specification] = []
        if let variant, let name = line.variantName { specifications.append(Specification(name: name, value: variant.value)) }
        return Product(
            sku: sku,
            title: variant.map { "\(line.title) – \($0.value)" } ?? line.title,
            brand: brand.name, category: category.name, description: line.blurb, tags: line.tags,
            price: Money(minorUnits: cents, currency: .eur), previousPrice: previousPrice,
            vatClass: category.vat, stockOnHand: stock, leadTime: leadTime, rating: rating,
            minimumOrderQuantity: line.minimumOrder, maximumOrderQuantity: line.maximumOrder,
            listedAt: firstListing + days * 86_400 + Int64(index * 3607 % 86_400),
            barcode: ean13(base: 200_000_000_000 + Int64(index)),
            specifications: specifications, reviews: reviews)
    }

    /// A product line, written tersely: tags comma-separated, variants as `"Size: S|M|L"`; a variant
    /// with its own price says so after `=`, in cents: `"Weight: 250 g|1 kg=3100"`.
    static func line(
        _ title: String, _ cents: Int64, _ blurb: String, tags: String,
        variants: String = "", minimum: Int = 1, maximum: Int? = nil
    ) -> DemoLine {
        var variantName: String?
        var values: [DemoVariant] = []
        if let colon = variants.firstIndex(of: ":") {
            variantName = String(variants[..<colon])
            values = variants[variants.index(after: colon)...].split(separator: "|").map { text in
            let parts = text.split(separator: "=")
            let price = parts.count == 2 ? Int64(String(parts[1]).trimmingSpaces()) : nil
            return DemoVariant(value: String(parts[0]).trimmingSpaces(), cents: price ?? cents)
        }
        }
        return DemoLine(
            title: title, cents: cents, blurb: blurb,
            tags: tags.split(separator: ",").map { String($0).trimmingSpaces() },
            variantName: variantName, variants: values, minimumOrder: minimum, maximumOrder: maximum)
    }

    /// An EAN-13 in the in-store range (prefix 20) with its check digit.
    static func ean13(base: Int64) -> String {
        let digits = Array(String(base)).compactMap { $0.wholeNumberValue }
        let sum = digits.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
        return String(base) + String((10 - sum % 10) % 10)
    }
}

/// A category of the demo catalogue: its SKU prefix, its name and the VAT class of its products.
struct DemoCategory: Sendable {
    let code: String
    let name: String
    let vat: VATClass
    let brands: [DemoBrand]
}

/// An invented brand and its product lines; `code` is the middle part of its SKUs.
struct DemoBrand: Sendable {
    let code: String
    let name: String
    let lines: [DemoLine]

    init(_ code: String, _ name: String, _ lines: [DemoLine]) {
        self.code = code
        self.name = name
        self.lines = lines
    }
}

/// One variant of a product line: its name ("Navy", "1 kg") and price.
struct DemoVariant: Sendable {
    let value: String
    let cents: Int64
}

/// A product line: one product, or one per variant ("Navy", "1 kg").
struct DemoLine: Sendable {
    let title: String
    let cents: Int64
    let blurb: String
    let tags: [String]
    let variantName: String?
    let variants: [DemoVariant]
    let minimumOrder: Int
    let maximumOrder: Int?
}
