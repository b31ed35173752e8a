import Foundation
import ShopCore

/// Draws ranks 0..<count with probability proportional to 1 / (rank + 1)^exponent.
struct ZipfDistribution {
    private let cumulative: [Double]

    init(count: Int, exponent: Double = 1.0) {
        var total = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(count)
        for rank in 0..<count {
            total += 1.0 / Foundation.pow(Double(rank + 1), exponent)
            cumulative.append(total)
        }
        self.cumulative = cumulative.map { $0 / total }
    }

    func sample(using generator: inout SplitMix64) -> Int {
        let u = Double.random(in: 0..<1, using: &generator)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < u { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// A deterministic, realistic-looking catalogue for benchmarks: a Zipf-distributed vocabulary of
/// invented words (a few with accents), a few hundred brands, real category names, prices from
/// 1 € to 500 €, stock, lead times, ratings and listing dates.
struct SyntheticCatalogue {
    let vocabulary: [String]
    let brands: [String]
    let categories: [String]
    let tags: [String]
    let products: [Product]

    static let categoryNames = [
        "groceries", "beauty", "fragrances", "furniture", "home-decoration", "kitchen-accessories",
        "laptops", "mens-shirts", "mens-shoes", "mens-watches", "mobile-accessories", "motorcycle",
        "skin-care", "smartphones", "sports-accessories", "sunglasses", "tablets", "tops", "vehicle",
        "womens-bags", "womens-dresses", "womens-jewellery", "womens-shoes", "womens-watches",
        "coffee & tea", "garden", "toys", "books", "music", "office supplies", "pet supplies",
        "baby", "tools", "lighting", "bedding", "bathroom", "outdoor", "cycling", "camping", "audio",
    ]

    /// Just the products, for benchmarks that need no vocabulary.
    static func generate(count: Int, seed: UInt64) -> [Product] {
        SyntheticCatalogue(products: count, seed: seed).products
    }

    /// Upper-cases the first letter of each word (Foundation's `capitalized` is slow on a million titles).
    static func capitalized(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var startOfWord = true
        for character in text {
            result += startOfWord ? character.uppercased() : String(character)
            startOfWord = character == " "
        }
        return result
    }

    init(products count: Int, seed: UInt64 = 2026) {
        var generator = SplitMix64(seed: seed)
        let syllables = ["ca", "fe", "lo", "mi", "ra", "to", "ne", "su", "pa", "ri", "ko", "de", "ba",
                         "li", "mo", "ta", "ve", "no", "si", "gu", "ar", "el", "on", "is", "ur", "cho",
                         "pre", "sto", "bri", "gla", "tri", "vel", "mar", "cor", "len", "dus"]
        func word(_ length: Int) -> String {
            (0..<length).map { _ in syllables.randomElement(using: &generator)! }.joined()
        }
        var seen = Set<String>()
        var vocabulary: [String] = []
        while vocabulary.count < 30_000 {
            var candidate = word(Int.random(in: 2...4, using: &generator))
            if vocabulary.count % 17 == 5 { candidate = candidate.replacingOccurrences(of: "e", with: "é") }
            if seen.insert(TextFolding.key(candidate)).inserted { vocabulary.append(candidate) }
        }
        var brandSet = Set<String>()
        var brands: [String] = []
        while brands.count < 300 {
            var name = Self.capitalized(word(Int.random(in: 2...3, using: &generator)))
            if brands.count % 9 == 0 { name = "De " + name }
            if brands.count % 13 == 0 { name = name.replacingOccurrences(of: "o", with: "ö") }
            if brandSet.insert(TextFolding.key(name)).inserted { brands.append(name) }
        }
        let tags = (0..<120).map { _ in word(2) }
        let words = ZipfDistribution(count: vocabulary.count)
        let brandPopularity = ZipfDistribution(count: brands.count, exponent: 0.8)
        let categoryPopularity = ZipfDistribution(count: Self.categoryNames.count, exponent: 0.6)
        let tagPopularity = ZipfDistribution(count: tags.count)
        func phrase(_ length: Int) -> String {
            (0..<length).map { _ in vocabulary[words.sample(using: &generator)] }.joined(separator: " ")
        }
        var products: [Product] = []
        products.reserveCapacity(count)
        for index in 0..<count {
            let title = Self.capitalized(phrase(Int.random(in: 2...5, using: &generator)))
            let priceCents = Int64(exp(Double.random(in: 0...log(500.0), using: &generator)) * 100)
            let stockRoll = Int.random(in: 0..<10, using: &generator)
            let stock = stockRoll < 7 ? Int.random(in: 0...120, using: &generator) : 0
            let lead = stockRoll == 9 ? LeadTime(minDays: 3, maxDays: 10) : nil
            let rated = Int.random(in: 0..<10, using: &generator) < 7
            products.append(Product(
                sku: "SYN-\(index)",
                title: title,
                brand: brands[brandPopularity.sample(using: &generator)],
                category: Self.categoryNames[categoryPopularity.sample(using: &generator)],
                description: phrase(Int.random(in: 6...14, using: &generator)),
                tags: (0..<Int.random(in: 1...3, using: &generator)).map { _ in tags[tagPopularity.sample(using: &generator)] },
                price: Money(minorUnits: max(100, priceCents), currency: .eur),
                stockOnHand: stock,
                leadTime: lead,
                rating: rated ? Rating(hundredths: Int.random(in: 100...500, using: &generator)) : nil,
                listedAt: Int64(1_600_000_000 + Int.random(in: 0..<150_000_000, using: &generator))
            ))
        }
        self.vocabulary = vocabulary
        self.brands = brands
        self.categories = Self.categoryNames
        self.tags = tags
        self.products = products
    }
}
