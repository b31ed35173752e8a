import ArgumentParser
import Foundation
import ShopCore
import ShopStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import products from a DummyJSON product list or a Shopify product CSV export.",
        discussion: """
            Prices are shelf prices, VAT included. The import is all or nothing: a malformed file \
            changes nothing and the message names the record or line and the field. Importing a SKU \
            that exists updates it.
            """
    )

    @Argument(help: "The file to import (.json or .csv).")
    var file: String

    @Option(help: "The currency of the file's prices (EUR, USD, GBP, CHF, JPY).")
    var currency: String = "EUR"

    @Flag(help: "Print JSON for programs.")
    var json = false

    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingFailures {
            guard let currency = Currency.known[currency.uppercased()] else {
                throw CommandFailure(
                    "unknown currency '\(self.currency)': use one of \(Currency.known.keys.sorted().joined(separator: ", "))",
                    status: .usage)
            }
            let contents: Data
            do {
                contents = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                let reason = FileManager.default.fileExists(atPath: file) ? "cannot be read" : "does not exist"
                throw CommandFailure("\(file) \(reason): give the path of a .json or .csv product file", status: .noInput)
            }
            let fileExtension = file.split(separator: ".").last.map(String.init)
            let products = try CatalogueImporter.importProducts(from: contents, fileExtension: fileExtension, currencyCode: currency.code)
            let store = try data.openStore(.readWrite)
            defer { try? store.close() }
            let before = store.state.catalogue
            try store.execute(.importProducts(products))
            let updated = products.filter { before.product(sku: $0.sku) != nil }.count
            let added = products.count - updated
            if json {
                printJSON(JSONValue.object([
                    ("imported", .int(products.count)), ("added", .int(added)), ("updated", .int(updated)),
                    ("catalogue_size", .int(store.state.catalogue.count)),
                ]))
            } else {
                printText("Imported \(products.count) products from \(TerminalText.sanitize(file)): \(added) new, \(updated) updated; the catalogue has \(store.state.catalogue.count).")
            }
        }
    }
}
