import ArgumentParser
import ShopCore
import ShopStore

struct ProductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "product", abstract: "Show one product.")

    @Argument(help: "The product's SKU.")
    var sku: String

    @Flag(help: "Print JSON for programs.")
    var json = false

    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingFailures {
            let store = try data.openStore(.readOnly)
            guard let product = store.state.catalogue.product(sku: sku) else {
                throw CommandFailure(ShopError.cart(.unknownProduct(sku: sku)))
            }
            if json { printJSON(ShopJSON.detail(product)) } else { printText(ProductCommand.page(product, locale: data.locale)) }
        }
    }

    static func page(_ product: Product, locale: ShopLocale) -> String {
        let formatter = MoneyFormatter(locale: locale)
        var price = formatter.format(product.price)
        if let previous = product.previousPrice, let percent = product.discountPercent {
            price += "  (was \(formatter.format(previous)), -\(percent)%)"
        }
        var facts: [(String, String)] = [
            ("SKU", product.sku), ("Brand", product.brand), ("Category", product.category),
            ("Price", price + " incl. VAT \(product.vatClass.label)"),
            ("Availability", product.availability.label),
        ]
        let summary = product.ratingSummary
        var count = summary.reviewCountLabel
        if summary.reviewCount > 0, let scope = product.reviewsScope { count += " " + scope }
        if let rating = summary.rating {
            let basis = summary.isCatalogueRating ? " (catalogue rating)" : ""
            facts.append(("Rating", "\(rating.label) / 5\(basis) · " + (summary.reviewCount == 0 ? count.lowercased() : count)))
        } else {
            facts.append(("Rating", summary.reviewCount == 0 ? count : "not rated · " + count))
        }
        if product.minimumOrderQuantity > 1 { facts.append(("Minimum order", "\(product.minimumOrderQuantity)")) }
        if let maximum = product.maximumOrderQuantity { facts.append(("Maximum per order", "\(maximum)")) }
        if !product.tags.isEmpty { facts.append(("Tags", product.tags.joined(separator: ", "))) }
        for specification in product.specifications { facts.append((specification.name, specification.value)) }
        if let barcode = product.barcode { facts.append(("Barcode", barcode)) }
        let labelWidth = facts.map { TerminalText.width($0.0) }.max() ?? 0
        var lines = [TerminalText.sanitize(product.title), ""]
        for (label, value) in facts {
            let safeLabel = TerminalText.sanitize(label)
            lines.append(safeLabel + String(repeating: " ", count: labelWidth - TerminalText.width(safeLabel)) + "  " + TerminalText.sanitize(value))
        }
        if !product.description.isEmpty {
            lines.append("")
            lines.append(contentsOf: TerminalText.wrap(TerminalText.sanitize(product.description), width: 76))
        }
        return lines.joined(separator: "\n")
    }
}
