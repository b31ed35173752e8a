import ShopCore

/// A deterministic synthetic catalogue for benchmarks: the same `seed` gives the same products.
/// (Minimal version for the store benchmark; the search benchmark's generator replaces it at merge.)
enum SyntheticCatalogue {
    static func generate(count: Int, seed: UInt64) -> [Product] {
        var random = SplitMix64(seed: seed)
        let brands = ["Lavazza", "Illy", "Bialetti", "Nespresso", "Krups", "Moulinex", "Tefal", "SEB", "Rowenta", "Le Creuset"]
        let categories = ["groceries", "kitchen", "home", "beauty", "fragrances", "furniture", "laptops", "smartphones"]
        let nouns = ["coffee", "espresso maker", "kettle", "mug", "grinder", "pan", "teapot", "blender", "toaster", "scale"]
        let adjectives = ["classic", "café", "compact", "deluxe", "smart", "organic", "vintage", "pro", "mini", "crème"]
        var products: [Product] = []
        products.reserveCapacity(count)
        for index in 0..<count {
            let brand = brands[Int(random.next() % UInt64(brands.count))]
            let category = categories[Int(random.next() % UInt64(categories.count))]
            let noun = nouns[Int(random.next() % UInt64(nouns.count))]
            let adjective = adjectives[Int(random.next() % UInt64(adjectives.count))]
            let cents = Int64(random.next() % 50_000) + 99
            let discounted = random.next() % 5 == 0
            products.append(Product(
                sku: "SKU-\(index)",
                title: "\(brand) \(adjective) \(noun) \(index % 1000)",
                brand: brand,
                category: category,
                description: "A \(adjective) \(noun) by \(brand), model \(index).",
                tags: [noun, adjective],
                price: Money(minorUnits: cents, currency: .eur),
                previousPrice: discounted ? Money(minorUnits: cents + cents / 5, currency: .eur) : nil,
                stockOnHand: Int(random.next() % 200),
                leadTime: random.next() % 10 == 0 ? LeadTime(minDays: 3, maxDays: 7) : nil,
                rating: Rating(hundredths: Int(random.next() % 501)),
                listedAt: 1_600_000_000 + Int64(index) * 60
            ))
        }
        return products
    }
}

/// SplitMix64: a tiny, fast, seedable generator.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
