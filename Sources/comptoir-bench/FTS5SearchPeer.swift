import CSQLite
import ShopCore

/// The same catalogue in an in-memory SQLite database: an FTS5 table (unicode61, diacritics
/// removed, prefix indexes for 2 and 3 characters) fed the same folded terms Comptoir indexes, plus
/// an ordinary table of filter columns. It answers a `SearchQuery` with the equivalent SQL.
final class FTS5SearchPeer {
    struct Answer: Equatable {
        var total: Int
        var top: [Int]
        var brandCounts: [String: Int]
        var categoryCounts: [String: Int]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private var database: OpaquePointer?
    private var brandIDByKey: [String: Int] = [:]
    private var brandNames: [String] = []
    private var categoryIDByKey: [String: Int] = [:]
    private var categoryNames: [String] = []

    init(products: [Product]) throws {
        guard sqlite3_open(":memory:", &database) == SQLITE_OK else { throw Failure(description: "cannot open SQLite") }
        try execute("""
            CREATE VIRTUAL TABLE docs USING fts5(title, brand, category, tags, description,
                content='', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
            CREATE TABLE products(id INTEGER PRIMARY KEY, brand_id INTEGER, category_id INTEGER,
                price INTEGER, in_stock INTEGER, rating INTEGER, listed_at INTEGER);
            BEGIN;
            """)
        let insertText = try prepare("INSERT INTO docs(rowid, title, brand, category, tags, description) VALUES (?, ?, ?, ?, ?, ?)")
        let insertRow = try prepare("INSERT INTO products VALUES (?, ?, ?, ?, ?, ?, ?)")
        defer { sqlite3_finalize(insertText); sqlite3_finalize(insertRow) }
        for (position, product) in products.enumerated() {
            let fields = [product.title, product.brand, product.category, product.tags.joined(separator: " "), product.description]
            sqlite3_bind_int64(insertText, 1, Int64(position))
            for (column, field) in fields.enumerated() {
                bindText(insertText, Int32(column + 2), TextFolding.terms(field).joined(separator: " "))
            }
            try stepDone(insertText)
            sqlite3_bind_int64(insertRow, 1, Int64(position))
            sqlite3_bind_int64(insertRow, 2, Int64(Self.id(TextFolding.key(product.brand), product.brand, &brandIDByKey, &brandNames)))
            sqlite3_bind_int64(insertRow, 3, Int64(Self.id(TextFolding.key(product.category), product.category, &categoryIDByKey, &categoryNames)))
            sqlite3_bind_int64(insertRow, 4, product.price.minorUnits)
            sqlite3_bind_int64(insertRow, 5, product.availability.isInStock ? 1 : 0)
            if let rating = product.rating { sqlite3_bind_int64(insertRow, 6, Int64(rating.hundredths)) } else { sqlite3_bind_null(insertRow, 6) }
            if let listed = product.listedAt { sqlite3_bind_int64(insertRow, 7, listed) } else { sqlite3_bind_null(insertRow, 7) }
            try stepDone(insertRow)
        }
        try execute("""
            COMMIT;
            CREATE INDEX products_brand ON products(brand_id);
            CREATE INDEX products_category ON products(category_id);
            CREATE INDEX products_price ON products(price);
            """)
    }

    deinit { sqlite3_close(database) }

    /// Total, first 50 positions, and disjunctive facet counts, as four SQL statements.
    func answer(_ query: SearchQuery) throws -> Answer {
        let match = matchExpression(query)
        let from = match.map { "docs JOIN products p ON p.id = docs.rowid WHERE docs MATCH '\($0)'" } ?? "products p WHERE 1"
        let filters = filterConditions(query)
        let all = filters.values.joined()
        let order: String
        switch query.sort {
        case .relevance: order = match == nil ? "p.id" : "docs.rank, p.id"
        case .price: order = "p.price, p.id"
        case .priceDescending: order = "p.price DESC, p.id"
        case .rating: order = "p.rating DESC NULLS LAST, p.id"
        case .newest: order = "p.listed_at DESC NULLS LAST, p.id"
        }
        let top = try column("SELECT p.id FROM \(from)\(all) ORDER BY \(order) LIMIT 50")
        let total = try column("SELECT count(*) FROM \(from)\(all)")[0]
        let exceptBrand = filters.filter { $0.key != "brand" }.values.joined()
        let exceptCategory = filters.filter { $0.key != "category" }.values.joined()
        let brandRows = try pairs("SELECT p.brand_id, count(*) FROM \(from)\(exceptBrand) GROUP BY p.brand_id")
        let categoryRows = try pairs("SELECT p.category_id, count(*) FROM \(from)\(exceptCategory) GROUP BY p.category_id")
        return Answer(
            total: total,
            top: top,
            brandCounts: Dictionary(uniqueKeysWithValues: brandRows.map { (brandNames[$0.0], $0.1) }),
            categoryCounts: Dictionary(uniqueKeysWithValues: categoryRows.map { (categoryNames[$0.0], $0.1) })
        )
    }

    /// `"cafe" "moulin"*`: every word, the last as a prefix when the query says so.
    private func matchExpression(_ query: SearchQuery) -> String? {
        guard !query.words.isEmpty else { return nil }
        return query.words.enumerated().map { index, word in
            let quoted = "\"" + word.replacingAll("\"", with: "\"\"").replacingAll("'", with: "''") + "\""
            return query.lastWordIsPrefix && index == query.words.count - 1 ? quoted + "*" : quoted
        }.joined(separator: " ")
    }

    /// SQL conditions (each starting with ` AND `) by filter name, so facets can leave one out.
    private func filterConditions(_ query: SearchQuery) -> [String: String] {
        var conditions: [String: String] = [:]
        // A filter value names a whole key or a run of its words, as in Comptoir (`brand:arbois`).
        func ids(_ keys: [String], _ table: [String: Int]) -> String {
            let known = Set(keys.flatMap { key in
                table.filter { $0.key == key || (" " + $0.key + " ").contains(" " + key + " ") }.map(\.value)
            }).sorted().map(String.init)
            return known.isEmpty ? "NULL" : known.joined(separator: ",")
        }
        if !query.brands.isEmpty { conditions["brand"] = " AND p.brand_id IN (\(ids(query.brands, brandIDByKey)))" }
        if !query.categories.isEmpty { conditions["category"] = " AND p.category_id IN (\(ids(query.categories, categoryIDByKey)))" }
        if let range = query.priceRange {
            // Bounds are in ten-thousandths of a euro, prices in cents.
            var price = ""
            if let lower = range.lowerTenThousandths { price += " AND p.price >= \((lower + 99) / 100)" }
            if let upper = range.upperTenThousandths { price += " AND p.price <= \(upper / 100)" }
            conditions["price"] = price
        }
        if query.inStockOnly { conditions["stock"] = " AND p.in_stock = 1" }
        if let rating = query.minimumRating { conditions["rating"] = " AND p.rating >= \(rating.hundredths)" }
        return conditions
    }

    private static func id(_ key: String, _ name: String, _ table: inout [String: Int], _ names: inout [String]) -> Int {
        if let id = table[key] { return id }
        table[key] = names.count
        names.append(name)
        return names.count - 1
    }

    private func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(database, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(message)
            throw Failure(description: "SQLite: \(text)")
        }
    }

    private func prepare(_ sql: String) throws -> OpaquePointer? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else {
            throw Failure(description: "SQLite cannot prepare \(sql): \(String(cString: sqlite3_errmsg(database)))")
        }
        return statement
    }

    private func bindText(_ statement: OpaquePointer?, _ index: Int32, _ text: String) {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        sqlite3_bind_text(statement, index, text, -1, transient)
    }

    private func stepDone(_ statement: OpaquePointer?) throws {
        guard sqlite3_step(statement) == SQLITE_DONE else {
            throw Failure(description: "SQLite: \(String(cString: sqlite3_errmsg(database)))")
        }
        sqlite3_reset(statement)
    }

    private func rows(_ sql: String, _ read: (OpaquePointer?) -> Void) throws {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw Failure(description: "SQLite: \(String(cString: sqlite3_errmsg(database)))") }
            read(statement)
        }
    }

    private func column(_ sql: String) throws -> [Int] {
        var values: [Int] = []
        try rows(sql) { values.append(Int(sqlite3_column_int64($0, 0))) }
        return values
    }

    private func pairs(_ sql: String) throws -> [(Int, Int)] {
        var values: [(Int, Int)] = []
        try rows(sql) { values.append((Int(sqlite3_column_int64($0, 0)), Int(sqlite3_column_int64($0, 1)))) }
        return values
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
