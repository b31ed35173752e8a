import ArgumentParser
import ShopCore
import ShopStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the catalogue.",
        discussion: """
            QUERY is free text plus filters: brand:a,b  cat:x  price:5..20  in:stock  rating:4  \
            sort:relevance|price|price-desc|rating|newest. brand: and cat: take a whole name or words of it; \
            a misspelt word is searched as the closest word of the catalogue. \
            Examples: comptoir search 'coffee brand:arbois price:..20'  comptoir search 'cat:tea in:stock sort:price'
            """
    )

    @Argument(help: "The query, e.g. \"café in:stock sort:price\". Empty lists everything.")
    var query: [String] = []

    @Option(help: "How many results to show (1–10000).")
    var limit: Int = 20

    @Option(help: "How many results to skip first (at most \(ShopLimits.maximumSearchOffset)).")
    var offset: Int = 0

    @Flag(help: "Print JSON for programs instead of a table.")
    var json = false

    @OptionGroup var data: DataOptions

    func validate() throws {
        guard (1...10_000).contains(limit) else {
            throw ValidationError("--limit \(limit) is out of range: give a number from 1 to 10000")
        }
        guard offset >= 0 else { throw ValidationError("--offset \(offset) is negative: give 0 or more") }
        guard offset <= ShopLimits.maximumSearchOffset else {
            throw ValidationError("--offset \(offset) is out of range: give 0 to \(ShopLimits.maximumSearchOffset)")
        }
    }

    func run() throws {
        try reportingFailures {
            let parsed = try SearchQuery.parse(query.joined(separator: " "))
            let store = try data.openStore(.readOnly)
            let catalogue = store.state.catalogue
            // The snapshot's index, mapped; a large shop is not indexed again. Products taken off
            // sale are not found.
            let index = store.currentSearchIndex() ?? SearchIndex(catalogue: catalogue)
            let results = index.search(parsed, hiding: store.state.hiddenFromSearch)
            if let problem = results.filterProblem { throw problem }
            let products = results.positions(offset: offset, limit: limit).map { catalogue.products[$0] }
            if json {
                printJSON(SearchCommand.json(total: results.total, products: products, results: results))
            } else {
                printText(SearchCommand.table(total: results.total, offset: offset, products: products, results: results, locale: data.locale))
            }
        }
    }

    static func json(total: Int, products: [Product], results: SearchResultSet) -> JSONValue {
        .object([
            ("total", .int(total)),
            ("corrected", .object(results.corrections.map { ($0.typed, .string($0.searched)) })),
            ("results", .array(products.map { .object(ShopJSON.summary($0)) })),
            ("facets", .object([
                ("brand", .object(results.brandFacets.map { ($0.value, .int($0.count)) })),
                ("category", .object(results.categoryFacets.map { ($0.value, .int($0.count)) })),
            ])),
        ])
    }

    static func table(total: Int, offset: Int, products: [Product], results: SearchResultSet, locale: ShopLocale) -> String {
        guard total > 0 else { return "No product matches. Try fewer words or filters." }
        guard offset < total else {
            return "Nothing after result \(total): \(total) products match. Use an --offset below \(total)."
        }
        let formatter = MoneyFormatter(locale: locale)
        var table = TextTable([
            .init(title: "SKU"), .init(title: "Title", maxWidth: 44), .init(title: "Brand", maxWidth: 18),
            .init(title: "Price", alignment: .right), .init(title: "Off", alignment: .right), .init(title: "Availability"),
        ])
        for product in products {
            let discount = product.discountPercent.map { "-\($0)%" } ?? ""
            table.add([product.sku, product.title, product.brand, formatter.format(product.price), discount, product.availability.label])
        }
        var out = ""
        if let notice = results.correctionNotice { out += notice + "\n\n" }
        out += table.rendered()
        let first = products.isEmpty ? 0 : offset + 1
        out += "\n\n\(first)–\(offset + products.count) of \(total) products"
        let brands = results.brandFacets.prefix(8).map { "\($0.value) (\($0.count))" }
        let categories = results.categoryFacets.prefix(8).map { "\($0.value) (\($0.count))" }
        if !brands.isEmpty { out += "\nBrands: " + TerminalText.sanitize(brands.joined(separator: ", ")) }
        if !categories.isEmpty { out += "\nCategories: " + TerminalText.sanitize(categories.joined(separator: ", ")) }
        return out
    }
}
