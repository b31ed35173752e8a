/// Imports Shopify's product CSV export. Columns are found by name, case-insensitively and in any
/// order; unknown columns (SEO, Google Shopping...) are ignored. Both the classic export (`Handle`,
/// `Variant Price`...) and the 2024 one (`URL handle`, `Price`...) are read; see
/// `ShopifyColumns.newerNames`. The import returns every product or throws.
///
/// Mapping decisions:
/// - Rows with the same `Handle` make one product; its first row carries the title, vendor and
///   description. Each variant row becomes its own `Product` with its own SKU, titled
///   "Title – Value1 / Value2"; a product whose only option is Shopify's "Title: Default Title"
///   keeps its plain title. Rows without variant fields only add images.
/// - `Variant SKU` missing: the handle and option values, e.g. `merino-beanie-navy-l`.
/// - `Type`, else the last level of `Product Category`, is the category; `Vendor` the brand
///   (`"Generic"` when empty); `Body (HTML)` becomes plain text.
/// - `Variant Compare At Price` is the previous price when it is higher than the price.
/// - `Variant Inventory Qty` empty means no units on hand. Shopify's "continue selling when out
///   of stock" policy is not imported: the shop only backorders with a lead time, which the export lacks.
/// - `Variant Taxable` FALSE gives the zero VAT class; otherwise the category decides.
/// - Products whose `Status` is `draft` or `archived` are not for sale and are left out.
public enum ShopifyCSVImporter {
    public static let requiredColumns = ["Handle", "Title", "Variant Price"]

    public static func importProducts(from text: String, currencyCode: String = "EUR") throws(ImportError) -> [Product] {
        try importProducts(from: Array(text.utf8), currencyCode: currencyCode)
    }

    public static func importProducts(from bytes: some Sequence<UInt8>, currencyCode: String = "EUR") throws(ImportError) -> [Product] {
        let currency = try ImportRules.currency(code: currencyCode)
        let data = Array(bytes)
        guard data.contains(where: { !CatalogueImporter.isWhitespace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) else {
            throw .emptyFile
        }
        let rows = try CSVReader.rows(data)
        guard let header = rows.first else { throw .emptyFile }
        let columns = try ShopifyColumns(header: header.fields)
        var products: [Product] = []
        var register = SKURegister()
        var group: ShopifyProductRows?
        var firstLineByHandle: [String: Int] = [:]

        func finish(_ group: ShopifyProductRows?) throws(ImportError) {
            guard let group else { return }
            for (line, product) in try group.products(currency: currency) {
                try register.register(product.sku, at: .line(line))
                products.append(product)
            }
        }

        for row in rows.dropFirst() {
            guard row.fields.count == columns.count else {
                throw .wrongFieldCount(line: row.line, found: row.fields.count, expected: columns.count)
            }
            let cells = ShopifyRow(line: row.line, fields: row.fields, columns: columns)
            let handle = cells["Handle"]
            guard !handle.isEmpty else { throw cells.missing("Handle") }
            if let current = group, current.handle == handle {
                try group?.add(cells)
                continue
            }
            if let firstLine = firstLineByHandle[handle] {
                throw .handleNotConsecutive(handle: handle, line: row.line, firstLine: firstLine)
            }
            try finish(group)
            firstLineByHandle[handle] = row.line
            group = try ShopifyProductRows(first: cells)
        }
        try finish(group)
        guard !products.isEmpty else { throw .noProducts }
        return products
    }
}

/// The header of a Shopify export: column positions by name, compared case-insensitively.
/// Code asks for a column by its classic name; the 2024 export's name for it is found too.
struct ShopifyColumns {
    let count: Int
    private let header: [String]
    private let positions: [String: Int]

    /// The names Shopify's 2024 product export uses for the classic columns.
    static let newerNames: [String: String] = [
        "Handle": "URL handle", "Body (HTML)": "Description", "Variant SKU": "SKU", "Variant Price": "Price",
        "Variant Compare At Price": "Compare-at price", "Variant Inventory Qty": "Inventory quantity",
        "Variant Barcode": "Barcode", "Variant Grams": "Weight value (grams)", "Image Src": "Product image URL",
        "Variant Image": "Variant image URL", "Variant Taxable": "Charge tax",
    ]

    init(header: [String]) throws(ImportError) {
        var positions: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            let key = name.trimmingSpaces().lowercased()
            if key.isEmpty { continue }
            if positions[key] != nil { throw .duplicateHeader(name.trimmingSpaces()) }
            positions[key] = index
        }
        self.count = header.count
        self.header = header.map { $0.trimmingSpaces() }
        self.positions = positions
        let missing = ShopifyCSVImporter.requiredColumns.filter { position(of: $0) == nil }
        guard missing.isEmpty else { throw .missingHeaders(missing: missing, required: ShopifyCSVImporter.requiredColumns) }
    }

    func position(of name: String) -> Int? {
        positions[name.lowercased()] ?? Self.newerNames[name].flatMap { positions[$0.lowercased()] }
    }

    /// The column's name as this file's header writes it, for error messages.
    func headerName(of name: String) -> String {
        position(of: name).map { header[$0] } ?? name
    }
}

/// One data row, read by column name; an absent column reads as empty.
struct ShopifyRow {
    let line: Int
    let fields: [String]
    let columns: ShopifyColumns

    subscript(name: String) -> String {
        columns.position(of: name).map { fields[$0].trimmingSpaces() } ?? ""
    }

    /// Option values of this row, in order, skipping empty ones.
    var optionValues: [String] {
        (1...3).map { self["Option\($0) Value"] }.filter { !$0.isEmpty }
    }

    /// Whether the row describes a variant rather than only adding an image.
    var hasVariantFields: Bool {
        !self["Variant Price"].isEmpty || !self["Variant SKU"].isEmpty || !optionValues.isEmpty
            || !self["Variant Inventory Qty"].isEmpty || !self["Variant Compare At Price"].isEmpty
    }

    func invalid(_ column: String, problem: String, expected: String) -> ImportError {
        .invalidCell(line: line, column: columns.headerName(of: column), value: self[column], problem: problem, expected: expected)
    }

    func missing(_ column: String) -> ImportError {
        .missingCell(line: line, column: columns.headerName(of: column))
    }

    /// Refuses a number written with more than `ShopLimits.maximumNumberDigits` characters,
    /// saying how many digits it has rather than quoting it.
    func checkNumberLength(_ column: String, _ text: String, expected: String) throws(ImportError) {
        guard text.utf8.count > ShopLimits.maximumNumberDigits else { return }
        let digits = text.utf8.count { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        throw .refusedValue(.line(line), field: columns.headerName(of: column), problem: "has \(digits) digits",
                            expected: "\(expected), of at most \(ShopLimits.maximumNumberDigits) digits")
    }

    func money(_ column: String, currency: Currency) throws(ImportError) -> Money? {
        let text = self[column]
        if text.isEmpty { return nil }
        try checkNumberLength(column, text, expected: "a number such as 12.50")
        let money: Money
        do {
            money = try Money.parse(text, currency: currency)
        } catch {
            guard error == .tooLarge else { throw invalid(column, problem: "is not a price", expected: "a number such as 12.50") }
            money = Money(minorUnits: .max, currency: currency)
        }
        guard money.minorUnits >= 0 else {
            throw invalid(column, problem: "is negative", expected: "a price of zero or more")
        }
        return money
    }

    func wholeNumber(_ column: String, noun: String) throws(ImportError) -> Int? {
        let text = self[column]
        if text.isEmpty { return nil }
        try checkNumberLength(column, text, expected: "a whole number of \(noun) such as 12")
        guard let decimal = ExactDecimal(text), decimal.isIntegral, let value = decimal.rounded(toScale: 0),
              value <= Int64(Int32.max) else {
            throw invalid(column, problem: "is not a whole number", expected: "a whole number of \(noun) such as 12")
        }
        guard value >= 0 else { throw invalid(column, problem: "is negative", expected: "zero or more \(noun)") }
        return Int(value)
    }

    /// The variant's weight in whole grams; the 2024 export writes converted weights with
    /// decimals (`453.592`), rounded here half-up.
    func grams() throws(ImportError) -> Int? {
        let text = self["Variant Grams"]
        if text.isEmpty { return nil }
        try checkNumberLength("Variant Grams", text, expected: "a weight in grams such as 250")
        guard let decimal = ExactDecimal(text), let grams = decimal.rounded(toScale: 0), grams <= Int64(Int32.max) else {
            throw invalid("Variant Grams", problem: "is not a weight", expected: "a weight in grams such as 250")
        }
        guard grams >= 0 else { throw invalid("Variant Grams", problem: "is negative", expected: "zero or more grams") }
        return Int(grams)
    }
}
