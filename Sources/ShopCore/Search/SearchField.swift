/// The product fields free words are searched in, with the weight a match in each earns.
/// A word scores `2 × weight` of the best field it matched, plus one when it matched a whole word
/// rather than only its beginning, so a title match always outranks a brand match, and so on.
enum SearchField: UInt8, CaseIterable {
    case description = 1
    case category = 2
    case brand = 4
    case title = 8

    var weight: UInt8 { rawValue }

    /// The score one query word earns from its best match.
    static func score(weight: UInt8, exact: Bool) -> UInt16 {
        UInt16(weight) * 2 + (exact ? 1 : 0)
    }

    /// The score of a word found only by correcting a typo: one below a prefix match in the same
    /// field, so that what was typed outranks what was guessed.
    static func correctedScore(weight: UInt8) -> UInt16 {
        UInt16(weight) * 2 - 1
    }

    /// Calls `body` with each term of a product and the weight of the field it appears in, in
    /// field order; a term found in several fields comes once per field.
    static func forEachTerm(of product: Product, _ body: (String, UInt8) -> Void) {
        func add(_ text: String, _ field: SearchField) {
            TextFolding.scan(text) { parts in
                for part in parts { body(part, field.weight) }
                if parts.count > 1 { body(parts.joined(), field.weight) }
            }
        }
        add(product.title, .title)
        add(product.brand, .brand)
        add(product.category, .category)
        for tag in product.tags { add(tag, .category) }
        add(product.description, .description)
    }
}
