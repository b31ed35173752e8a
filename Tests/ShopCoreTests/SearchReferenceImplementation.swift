@testable import ShopCore

/// The search rules applied by brute force, product by product, to check the index against.
struct SearchReferenceImplementation {
    let products: [Product]
    /// Per product, the terms of each field with the field's weight.
    private let fieldTerms: [[(terms: [String], weight: Int)]]

    init(products: [Product]) {
        self.products = products
        fieldTerms = products.map { product in
            [(product.title, 8), (product.brand, 4), (product.category, 2), (product.description, 1)]
                .map { (terms: TextFolding.terms($0.0), weight: $0.1) }
                + product.tags.map { (terms: TextFolding.terms($0), weight: 2) }
        }
    }

    struct Answer: Equatable {
        var order: [Int]
        var brandFacets: [FacetCount]
        var categoryFacets: [FacetCount]
    }

    func search(_ query: SearchQuery) -> Answer {
        let corrected = corrections(query)
        var scored: [(position: Int, score: Int)] = []
        var brandCounts: [String: Int] = [:]
        var categoryCounts: [String: Int] = [:]
        for (position, product) in products.enumerated() {
            guard let score = textScore(fieldTerms[position], query, corrected: corrected) else { continue }
            if let range = query.priceRange, !range.contains(product.price) { continue }
            if query.inStockOnly && !product.availability.isInStock { continue }
            if let minimum = query.minimumRating {
                guard let rating = product.rating, rating >= minimum else { continue }
            }
            let brand = TextFolding.key(product.brand)
            let category = TextFolding.key(product.category)
            let brandKept = query.brands.isEmpty || query.brands.contains { Self.names(brand, $0) }
            let categoryKept = query.categories.isEmpty || query.categories.contains { Self.names(category, $0) }
            if categoryKept { brandCounts[brand, default: 0] += 1 }
            if brandKept { categoryCounts[category, default: 0] += 1 }
            if brandKept && categoryKept { scored.append((position, score)) }
        }
        let ordered = scored.sorted { a, b in
            let (x, y) = (products[a.position], products[b.position])
            switch query.sort {
            case .relevance:
                if a.score != b.score { return a.score > b.score }
            case .price:
                if x.price.minorUnits != y.price.minorUnits { return x.price.minorUnits < y.price.minorUnits }
            case .priceDescending:
                if x.price.minorUnits != y.price.minorUnits { return x.price.minorUnits > y.price.minorUnits }
            case .rating:
                let (r, s) = (x.rating?.hundredths ?? -1, y.rating?.hundredths ?? -1)
                if r != s { return r > s }
            case .newest:
                let (r, s) = (x.listedAt ?? Int64.min, y.listedAt ?? Int64.min)
                if r != s { return r > s }
            }
            return a.position < b.position
        }
        return Answer(
            order: ordered.map(\.position),
            brandFacets: facets(brandCounts, spelling: \.brand),
            categoryFacets: facets(categoryCounts, spelling: \.category)
        )
    }

    /// Whether a filter value names a brand or category key: the whole key or a run of its words.
    static func names(_ key: String, _ filter: String) -> Bool {
        key == filter || (" " + key + " ").contains(" " + filter + " ")
    }

    /// By word position, the term searched instead of a word that matches no product as typed:
    /// the nearest term of the catalogue within the allowed edits (none holding a digit), then the
    /// one in most products, then the first in byte order.
    func corrections(_ query: SearchQuery) -> [Int: String] {
        var corrected: [Int: String] = [:]
        for (index, word) in query.words.enumerated() {
            let prefix = query.lastWordIsPrefix && index == query.words.count - 1
            let matches = fieldTerms.contains { fields in
                fields.contains { $0.terms.contains { $0 == word || (prefix && $0.hasPrefix(word)) } }
            }
            let limit = WordCorrection.allowedEdits(forLength: word.count)
            if matches { continue }
            // A word with no match and no correction: nothing matches, nothing is said.
            guard limit > 0 else { return [:] }
            var documents: [String: Int] = [:]
            for fields in fieldTerms {
                for term in Set(fields.flatMap(\.terms)) where !term.contains(where: \.isNumber) { documents[term, default: 0] += 1 }
            }
            let best = documents.compactMap { term, count in
                EditDistance.between(word, term, limit: limit).map { (term: term, distance: $0, count: count) }
            }.min { a, b in
                if a.distance != b.distance { return a.distance < b.distance }
                if a.count != b.count { return a.count > b.count }
                return a.term.utf8.lexicographicallyPrecedes(b.term.utf8)
            }
            guard let best else { return [:] }
            corrected[index] = best.term
        }
        return corrected
    }

    /// The sum over words of the best field score, or nil when a word matches nowhere.
    private func textScore(_ fields: [(terms: [String], weight: Int)], _ query: SearchQuery, corrected: [Int: String]) -> Int? {
        var total = 0
        for (index, word) in query.words.enumerated() {
            let prefix = query.lastWordIsPrefix && index == query.words.count - 1
            var best = 0
            for (terms, weight) in fields {
                for term in terms {
                    if let correction = corrected[index] {
                        if term == correction { best = max(best, weight * 2 - 1) }
                    } else if term == word { best = max(best, weight * 2 + 1) }
                    else if prefix && term.hasPrefix(word) { best = max(best, weight * 2) }
                }
            }
            if best == 0 { return nil }
            total += best
        }
        return total
    }

    private func facets(_ counts: [String: Int], spelling: KeyPath<Product, String>) -> [FacetCount] {
        var keyed: [(key: String, facet: FacetCount)] = []
        for (key, count) in counts where !key.isEmpty {
            let first = products.first { TextFolding.key($0[keyPath: spelling]) == key }!
            keyed.append((key, FacetCount(value: first[keyPath: spelling], count: count)))
        }
        keyed.sort { a, b in
            if a.facet.count != b.facet.count { return a.facet.count > b.facet.count }
            return a.key < b.key
        }
        return keyed.map(\.facet)
    }
}
