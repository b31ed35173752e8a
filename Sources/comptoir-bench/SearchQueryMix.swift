import ShopCore

/// A fixed mix of type-ahead queries over a synthetic catalogue: one to three words with the last
/// one still being typed, common and rare words, brand, category, price, stock and rating filters,
/// every sort, and queries without words.
enum SearchQueryMix {
    static func queries(for catalogue: SyntheticCatalogue) -> [String] {
        let words = catalogue.vocabulary
        func prefix(_ rank: Int, _ length: Int) -> String { String(words[rank].prefix(length)) }
        func brand(_ rank: Int) -> String {
            let name = catalogue.brands[rank]
            return name.contains(" ") ? "\"\(name.lowercased())\"" : name.lowercased()
        }
        var queries: [String] = []
        for rank in [0, 3, 10, 30, 100, 300] {
            queries.append(prefix(rank, 2))
            queries.append(prefix(rank, 3))
        }
        for rank in [5, 50, 500, 5000] { queries.append(words[rank] + " ") }
        for (first, second) in [(1, 2), (4, 20), (7, 70), (15, 150), (40, 400), (100, 1000)] {
            queries.append("\(words[first]) \(prefix(second, 3))")
        }
        for (a, b, c) in [(0, 1, 2), (2, 9, 30), (12, 60, 200), (3, 300, 8)] {
            queries.append("\(words[a]) \(words[b]) \(prefix(c, 2))")
        }
        // Filters come first and the word being typed last, as in a search box.
        queries += [
            "brand:\(brand(0)) \(prefix(0, 3))",
            "brand:\(brand(1)),\(brand(2)) \(prefix(6, 2))",
            "\(words[8]) brand:\(brand(9)),\(brand(18)),\(brand(27))",
            "brand:\(brand(0)) \(prefix(11, 3))",
            "brand:\(brand(3)) \(words[2]) \(prefix(20, 2))",
            "brand:\(brand(9)) \(prefix(1, 2))",
            "\(words[1]) price:5..20",
            "price:..9,99 \(prefix(4, 3))",
            "price:100.. \(prefix(13, 2))",
            "price:4.5..12.5 \(prefix(25, 3))",
            "price:10..50 \(words[0]) \(prefix(7, 3))",
            "price:1..2 \(prefix(2, 2))",
            "in:stock \(prefix(3, 3))",
            "in:stock \(words[6]) \(prefix(40, 2))",
            "in:stock price:..30 \(prefix(0, 2))",
            "\(words[9]) in:stock brand:\(brand(4))",
            "cat:groceries \(prefix(5, 2))",
            "cat:beauty,fragrances \(prefix(14, 3))",
            "\(words[3]) category:\"coffee & tea\"",
            "cat:laptops,tablets in:stock \(prefix(1, 3))",
            "sort:price \(prefix(0, 2))",
            "\(words[2]) sort:-price",
            "rating:4 sort:rating \(prefix(8, 3))",
            "sort:newest \(words[1]) \(prefix(3, 2))",
            "rating:3.5 in:stock sort:price \(prefix(10, 2))",
            "\(words[0]) brand:\(brand(0)),\(brand(5)) price:5..100 in:stock sort:rating",
            "cat:groceries sort:price-desc \(prefix(30, 3))",
            "rating:4.5 \(prefix(2, 3))",
            "",
            "brand:\(brand(0))",
            "cat:groceries in:stock sort:price",
            "price:10..20 rating:4 sort:newest",
        ]
        return queries
    }

    /// Misspelt words (a letter dropped, doubled, swapped or replaced) of common and rare words,
    /// alone, beside a correct word and with filters: each matches nothing as typed, so the index
    /// scans its vocabulary for the closest word. Not compared with FTS5, which has no typo rule.
    static func typoQueries(for catalogue: SyntheticCatalogue) -> [String] {
        let words = catalogue.vocabulary.map(TextFolding.key).filter { $0.count >= 5 && !$0.contains(" ") }
        func dropped(_ word: String) -> String { String(word.prefix(2) + word.dropFirst(3)) }
        func swapped(_ word: String) -> String {
            let letters = Array(word)
            return String(letters[0..<1] + [letters[2], letters[1]] + letters[3...])
        }
        func replaced(_ word: String) -> String { String(word.prefix(3)) + "q" + String(word.dropFirst(4)) }
        func doubled(_ word: String) -> String { String(word.prefix(3)) + String(word.dropFirst(2)) }
        var queries: [String] = []
        for rank in [0, 7, 60, 600, 6000] {
            queries.append(dropped(words[rank]) + " ")
            queries.append(swapped(words[rank]) + " ")
            queries.append(replaced(words[rank]))
            queries.append(doubled(words[rank]) + " ")
        }
        queries.append("\(words[1]) \(swapped(words[30]))")
        queries.append("\(dropped(words[2])) \(swapped(words[200])) ")
        queries.append("in:stock \(replaced(words[40]))")
        queries.append("price:5..50 sort:price \(dropped(words[4000])) ")
        return queries
    }
}
