import Testing
@testable import ShopCore

@Suite("Search index against a brute-force reference")
struct SearchPropertyTests {
    /// SplitMix64, so that every run draws the same catalogue and queries.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let vocabulary = [
        "café", "cafe", "Crème", "creme", "T-Shirt", "tshirt", "t", "shirt", "L'Or", "lor", "or", "œuf", "oeuf",
        "Straße", "strasse", "bean", "beans", "beanie", "grinder", "grind", "espresso", "ESPRESSO", "moka", "mokka",
        "pot", "pots", "potato", "tea", "teapot", "green", "greenery", "red", "ready", "déjà-vu", "dejavu", "a",
        "ab", "abc", "naïve", "naive", "10", "100", "1kg",
    ]
    static let brands = ["Lavazza", "LAVAZZA", "illy", "De Buyer", "de-buyer", "Nestlé", "nestle", "Bodum", ""]
    static let categories = ["groceries", "Groceries", "home-decoration", "Home Decoration", "coffee & tea", "tools"]

    static func phrase(_ count: ClosedRange<Int>, _ generator: inout Generator) -> String {
        (0..<Int.random(in: count, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
            .joined(separator: [" ", " ", ", ", " - "].randomElement(using: &generator)!)
    }

    static func catalogue(_ count: Int, _ generator: inout Generator) -> [Product] {
        (0..<count).map { index in
            Product(
                sku: "P\(index)", title: phrase(1...4, &generator), brand: brands.randomElement(using: &generator)!,
                category: categories.randomElement(using: &generator)!, description: phrase(0...6, &generator),
                tags: (0..<Int.random(in: 0...2, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! },
                price: Money(minorUnits: Int64.random(in: 50...3000, using: &generator), currency: .eur),
                stockOnHand: Int.random(in: 0...12, using: &generator), reservedStock: Int.random(in: 0...3, using: &generator),
                leadTime: Bool.random(using: &generator) ? LeadTime(minDays: 2, maxDays: 4) : nil,
                rating: Int.random(in: 0..<4, using: &generator) == 0 ? nil : Rating(hundredths: Int.random(in: 0...500, using: &generator)),
                listedAt: Int.random(in: 0..<5, using: &generator) == 0 ? nil : Int64.random(in: 0...50, using: &generator)
            )
        }
    }

    static func queryText(_ generator: inout Generator) -> String {
        var parts: [String] = []
        for _ in 0..<Int.random(in: 0...3, using: &generator) {
            let word = vocabulary.randomElement(using: &generator)!
            parts.append(Bool.random(using: &generator) ? String(word.prefix(Int.random(in: 1...word.count, using: &generator))) : word)
        }
        if Int.random(in: 0..<3, using: &generator) == 0 {
            let chosen = (0..<Int.random(in: 1...2, using: &generator)).map { _ in brands.filter { !$0.isEmpty }.randomElement(using: &generator)! }
            parts.append("brand:" + chosen.map { "\"\($0)\"" }.joined(separator: ","))
        }
        if Int.random(in: 0..<3, using: &generator) == 0 {
            parts.append("cat:\"\(categories.randomElement(using: &generator)!)\"")
        }
        if Int.random(in: 0..<3, using: &generator) == 0 {
            let low = Int.random(in: 0...20, using: &generator)
            parts.append(["price:\(low)..\(low + Int.random(in: 0...15, using: &generator)),5", "price:\(low)..", "price:..\(low).25"].randomElement(using: &generator)!)
        }
        if Int.random(in: 0..<4, using: &generator) == 0 { parts.append("in:stock") }
        if Int.random(in: 0..<4, using: &generator) == 0 { parts.append("rating:\(Int.random(in: 0...4, using: &generator)).5") }
        if Int.random(in: 0..<2, using: &generator) == 0 {
            parts.append("sort:" + (SearchSort.allCases.map(\.rawValue) + ["-price"]).randomElement(using: &generator)!)
        }
        parts.shuffle(using: &generator)
        return parts.joined(separator: " ") + (Bool.random(using: &generator) ? " " : "")
    }

    @Test func indexAgreesWithTheReference() throws {
        var generator = Generator(state: 42)
        let products = Self.catalogue(3000, &generator)
        let index = SearchIndex(products: products)
        #expect(!index.prefixCache.prefixes.isEmpty)
        let reference = SearchReferenceImplementation(products: products)
        var corrected = 0
        for _ in 0..<400 {
            let text = Self.queryText(&generator)
            let query = try SearchQuery.parse(text)
            let results = index.search(query)
            let expected = reference.search(query)
            let expectedCorrections = reference.corrections(query).sorted { $0.key < $1.key }
                .map { WordCorrection(typed: query.words[$0.key], searched: $0.value) }
            if !expectedCorrections.isEmpty { corrected += 1 }
            #expect(results.corrections == expectedCorrections, "\(text)")
            #expect(results.total == expected.order.count, "\(text)")
            #expect(results.positions(offset: 0, limit: results.total) == expected.order, "\(text)")
            #expect(results.brandFacets == expected.brandFacets, "\(text)")
            #expect(results.categoryFacets == expected.categoryFacets, "\(text)")
        }
        #expect(corrected > 10, "the mix should hold words that only a correction matches")
    }

    @Test func updatedIndexAgreesWithTheReference() throws {
        var generator = Generator(state: 7)
        var products = Self.catalogue(1500, &generator)
        var index = SearchIndex(products: products)
        let replacements = Self.catalogue(600, &generator)
        for (offset, replacement) in replacements.enumerated() {
            if offset % 3 == 0 {
                products.append(replacement)
                index.update(replacement, at: products.count - 1)
            } else {
                let position = Int.random(in: 0..<products.count, using: &generator)
                products[position] = replacement
                index.update(replacement, at: position)
            }
        }
        #expect(!index.prefixCache.prefixes.isEmpty)
        for prefix in index.prefixCache.prefixes {
            #expect(index.prefixCache.scores(for: prefix)?.array == index.bestScores(index.wordMatch(prefix, isPrefix: true)), "\(prefix)")
        }
        let reference = SearchReferenceImplementation(products: products)
        for _ in 0..<200 {
            let text = Self.queryText(&generator)
            let query = try SearchQuery.parse(text)
            let results = index.search(query)
            let expected = reference.search(query)
            #expect(results.positions(offset: 0, limit: results.total) == expected.order, "\(text)")
            // After updates a facet may keep the spelling of a product since replaced, so compare by key.
            #expect(Self.keyed(results.brandFacets) == Self.keyed(expected.brandFacets), "\(text)")
            #expect(Self.keyed(results.categoryFacets) == Self.keyed(expected.categoryFacets), "\(text)")
        }
    }

    static func keyed(_ facets: [FacetCount]) -> [String] {
        facets.map { "\(TextFolding.key($0.value))=\($0.count)" }
    }

    @Test func pagesInAnyOrderEqualTheFullOrder() throws {
        var generator = Generator(state: 99)
        let products = Self.catalogue(3000, &generator)
        let index = SearchIndex(products: products)
        for text in ["", "sort:price", "e", "b sort:rating", "sort:newest in:stock"] {
            let query = try SearchQuery.parse(text)
            let full = index.search(query).positions(offset: 0, limit: Int.max / 2)
            let paged = index.search(query)
            var collected = [Int](repeating: -1, count: full.count)
            var offsets = Array(stride(from: 0, to: full.count, by: 60))
            offsets.shuffle(using: &generator)
            for offset in offsets {
                let page = paged.positions(offset: offset, limit: 60)
                collected.replaceSubrange(offset..<offset + page.count, with: page)
            }
            #expect(collected == full, "\(text)")
        }
    }
}
