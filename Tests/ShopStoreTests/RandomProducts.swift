import ShopCore

enum RandomProducts {
    static let alphabet: [String] = ["a", "Z", "é", "ß", "咖", "啡", "🛒", "👩‍👩‍👧", " ", "\n", "\"", "\\", "0", "\u{0301}", "\u{202E}"]

    static func text(_ g: inout SplitMix64, maxLength: Int = 24) -> String {
        let length = Int.random(in: 0...maxLength, using: &g)
        return (0..<length).map { _ in alphabet.randomElement(using: &g)! }.joined()
    }

    static func money(_ g: inout SplitMix64) -> Money {
        let currency = [Currency.eur, .usd, .jpy, Currency(code: "XTS", minorUnitDigits: 3)].randomElement(using: &g)!
        return Money(minorUnits: Int64.random(in: -1_000_000...Int64.max / 2, using: &g), currency: currency)
    }

    static func maybe<T>(_ g: inout SplitMix64, _ make: (inout SplitMix64) -> T) -> T? {
        Bool.random(using: &g) ? make(&g) : nil
    }

    static func product(_ g: inout SplitMix64, sku: String? = nil) -> Product {
        Product(
            sku: sku ?? "SKU-" + text(&g, maxLength: 8),
            title: text(&g), brand: text(&g, maxLength: 8), category: text(&g, maxLength: 8),
            description: text(&g, maxLength: 200),
            tags: (0..<Int.random(in: 0...4, using: &g)).map { _ in text(&g, maxLength: 6) },
            price: money(&g), previousPrice: maybe(&g, money),
            vatClass: VATClass.allCases.randomElement(using: &g)!,
            stockOnHand: Int.random(in: Int.min / 2...Int.max, using: &g),
            reservedStock: Int.random(in: 0...1_000, using: &g),
            leadTime: maybe(&g) { LeadTime(minDays: Int.random(in: 0...30, using: &$0), maxDays: Int.random(in: 0...60, using: &$0)) },
            rating: maybe(&g) { Rating(hundredths: Int.random(in: 0...500, using: &$0)) },
            minimumOrderQuantity: Int.random(in: 1...10, using: &g),
            maximumOrderQuantity: maybe(&g) { Int.random(in: 1...Int.max, using: &$0) },
            lowStockThreshold: Int.random(in: 0...20, using: &g),
            listedAt: maybe(&g) { Int64.random(in: Int64.min...Int64.max, using: &$0) },
            barcode: maybe(&g) { text(&$0, maxLength: 13) },
            imageURLs: (0..<Int.random(in: 0...3, using: &g)).map { _ in "https://cdn.example/" + text(&g, maxLength: 10) },
            specifications: (0..<Int.random(in: 0...3, using: &g)).map { _ in Specification(name: text(&g, maxLength: 8), value: text(&g)) },
            reviews: (0..<Int.random(in: 0...3, using: &g)).map { _ in
                Review(rating: Int.random(in: 1...5, using: &g), comment: text(&g), date: "2025-01-0\(Int.random(in: 1...9, using: &g))", reviewerName: text(&g, maxLength: 12))
            }
        )
    }
}
