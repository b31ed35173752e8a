import Testing
import Foundation
@testable import ShopCore

@Suite("Import Shopify product CSV")
struct ImportShopifyCSVTests {
    let products: [Product]

    init() throws {
        products = try ShopifyCSVImporter.importProducts(from: try ImportFixtures.shopifyCSV())
    }

    func product(_ sku: String) throws -> Product {
        try #require(products.first { $0.sku == sku })
    }

    @Test func eachVariantBecomesAProductAndDraftsAreLeftOut() {
        #expect(products.map(\.sku) == [
            "FJS-BEA-NAV-M", "FJS-BEA-NAV-L", "FJS-BEA-CHA-M", "merino-beanie-charcoal-l",
            "BDC-ETH-250", "BDC-ETH-1000", "PMA-NB-A5-DOT", "petit-guide-des-sentiers", "PMA-GIFT-25",
        ])
        #expect(!products.contains { $0.sku == "FJS-FLASK-075" })
    }

    @Test func variantsShareProductFieldsAndCarryTheirOwn() throws {
        let navy = try product("FJS-BEA-NAV-M")
        #expect(navy.title == "Merino Beanie – Navy / M")
        #expect(navy.brand == "Fjellstrikk")
        #expect(navy.category == "Hats")
        #expect(navy.tags == ["merino", "winter", "knitwear"])
        #expect(navy.price == Money(minorUnits: 3490, currency: .eur))
        #expect(navy.previousPrice == Money(minorUnits: 3990, currency: .eur))
        #expect(navy.stockOnHand == 14)
        #expect(navy.vatClass == .standard)
        #expect(navy.barcode == "7090012345671")
        #expect(navy.specifications == [
            Specification(name: "Colour", value: "Navy"), Specification(name: "Size", value: "M"),
            Specification(name: "Weight", value: "90 g"),
        ])
        let large = try product("FJS-BEA-NAV-L")
        #expect(large.title == "Merino Beanie – Navy / L")
        #expect(large.description == navy.description)
        #expect(large.availability == .lowStock(remaining: 3))
    }

    @Test func htmlBodyBecomesPlainText() throws {
        #expect(try product("FJS-BEA-NAV-M").description
            == "A rib-knit beanie in 100 % merino, soft, warm, and itch-free. Knitted in Gjøvik, Norway Hand wash, 30°C")
        #expect(try product("BDC-ETH-250").description
            == "Notes de bergamote, jasmin & cacao Torréfié à Lyon, \"mouture filtre\", en sachet de 250 g ou 1 kg.")
        #expect(try product("PMA-NB-A5-DOT").description
            == "Lay-flat binding, 160 pages of 100 g/m² paper. Numbered pages – index at the front.")
    }

    @Test func imagesFromAllRowsWithTheVariantImageFirst() throws {
        let base = "https://cdn.example-shop.fr/files/"
        #expect(try product("FJS-BEA-NAV-M").imageURLs
            == [base + "beanie-navy.jpg", base + "beanie-charcoal.jpg", base + "beanie-detail.jpg"])
        #expect(try product("FJS-BEA-CHA-M").imageURLs
            == [base + "beanie-charcoal.jpg", base + "beanie-navy.jpg", base + "beanie-detail.jpg"])
    }

    @Test func compareAtPriceCountsOnlyWhenHigher() throws {
        #expect(try product("FJS-BEA-CHA-M").previousPrice == nil)
        #expect(try product("BDC-ETH-1000").previousPrice == Money(minorUnits: 3560, currency: .eur))
        #expect(try product("merino-beanie-charcoal-l").price.minorUnits == 3650)
    }

    @Test func categoriesDecideVATAndDefaultsFillGaps() throws {
        let coffee = try product("BDC-ETH-250")
        #expect(coffee.title == "Café moulu Éthiopie Sidamo – 250 g")
        #expect(coffee.price.minorUnits == 890)
        #expect(coffee.vatClass == .reduced)
        let notebook = try product("PMA-NB-A5-DOT")
        #expect(notebook.title == "Dot Grid Notebook A5")
        #expect(notebook.category == "Notebooks")
        #expect(notebook.vatClass == .standard)
        #expect(notebook.specifications == [Specification(name: "Weight", value: "340 g")])
        let guide = try product("petit-guide-des-sentiers")
        #expect(guide.brand == "Generic")
        #expect(guide.vatClass == .reduced)
        #expect(guide.stockOnHand == 0)
        #expect(guide.availability == .outOfStock)
        let voucher = try product("PMA-GIFT-25")
        #expect(voucher.title == "Gift voucher – 25 €")
        #expect(voucher.vatClass == .zero)
    }

    @Test func readsShopifys2024ExportColumnNames() throws {
        let csv = """
            Title,URL handle,Description,Vendor,Product category,Type,Tags,Published on online store,Status,SKU,Barcode,\
            Option1 name,Option1 value,Price,Compare-at price,Charge tax,Inventory quantity,Weight value (grams),\
            Product image URL,Variant image URL
            Linen Apron,linen-apron,<p>Stonewashed&nbsp;linen</p>,Atelier Nord,Apparel,Aprons,"kitchen, linen",TRUE,active,\
            LA-OAT,3760000000017,Colour,Oat,42.00,48.00,TRUE,6,453.592,https://img.example/apron.jpg,
            linen-apron,linen-apron,,,,,,,,LA-INK,,,Ink,42.00,,TRUE,0,453.592,,https://img.example/apron-ink.jpg

            """
        let imported = try ShopifyCSVImporter.importProducts(from: csv.replacingOccurrences(of: "linen-apron,linen-apron,", with: ",linen-apron,"))
        #expect(imported.map(\.sku) == ["LA-OAT", "LA-INK"])
        #expect(imported.map(\.title) == ["Linen Apron – Oat", "Linen Apron – Ink"])
        #expect(imported[0].description == "Stonewashed linen")
        #expect(imported[0].previousPrice == Money(minorUnits: 4800, currency: .eur))
        #expect(imported[0].barcode == "3760000000017")
        #expect(imported[0].specifications.last == Specification(name: "Weight", value: "454 g"))
        #expect(imported[1].imageURLs == ["https://img.example/apron-ink.jpg", "https://img.example/apron.jpg"])
        let bad = csv.replacingOccurrences(of: "linen-apron,linen-apron,", with: ",linen-apron,")
            .replacingOccurrences(of: "Ink,42.00", with: "Ink,42.0O")
        let error = importError { () throws(ImportError) in try ShopifyCSVImporter.importProducts(from: bad) }
        #expect(error?.description == #"line 3, column 'Price': "42.0O" is not a price: expected a number such as 12.50"#)
    }

    @Test func columnsMayComeInAnyOrderWithCRLFAndABOM() throws {
        let csv = "\u{FEFF}Variant Price,Title,Handle,Vendor,Type\r\n12.00,Tote Bag,tote-bag,Sac & Co,Bags\r\n"
        let imported = try ShopifyCSVImporter.importProducts(from: csv, currencyCode: "GBP")
        #expect(imported == [Product(
            sku: "tote-bag", title: "Tote Bag", brand: "Sac & Co", category: "Bags",
            price: Money(minorUnits: 1200, currency: .gbp), stockOnHand: 0)])
    }
}

@Suite("Import Shopify product CSV errors")
struct ImportShopifyCSVErrorTests {
    static let header = "Handle,Title,Vendor,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n"

    func message(_ body: String) -> String? {
        importError { () throws(ImportError) in try ShopifyCSVImporter.importProducts(from: Self.header + body) }?.description
    }

    @Test func priceThatIsNotAPriceNamesLineAndColumn() {
        let rows = """
            mug,Mug,Kiln,Colour,White,MUG-W,9.50,4
            mug,,,,Black,MUG-B,9.50,4
            plate,Plate,Kiln,Title,Default Title,PLT,14.00,2
            bowl,Bowl,Kiln,Title,Default Title,BWL,11.00,2
            cup,Cup,Kiln,Title,Default Title,CUP,6.00,2
            jug,Jug,Kiln,Title,Default Title,JUG,12,5x,2
            """
        #expect(message(rows) == "line 7 has 9 fields: expected 8, one per header column")
        let quoted = rows.replacingOccurrences(of: "12,5x", with: "\"12,5x\"")
        #expect(message(quoted) == #"line 7, column 'Variant Price': "12,5x" is not a price: expected a number such as 12.50"#)
    }

    @Test func negativeValuesAreRefused() {
        #expect(message("mug,Mug,Kiln,Title,Default Title,MUG,-9.50,4\n")
            == #"line 2, column 'Variant Price': "-9.50" is negative: expected a price of zero or more"#)
        #expect(message("mug,Mug,Kiln,Title,Default Title,MUG,9.50,-4\n")
            == #"line 2, column 'Variant Inventory Qty': "-4" is negative: expected zero or more units"#)
        #expect(message("mug,Mug,Kiln,Title,Default Title,MUG,9.50,four\n")
            == #"line 2, column 'Variant Inventory Qty': "four" is not a whole number: expected a whole number of units such as 12"#)
    }

    @Test func missingTitleOrPriceNamesTheLine() {
        #expect(message("mug,,Kiln,Title,Default Title,MUG,9.50,4\n") == "line 2, column 'Title' is empty: a value is required")
        #expect(message("mug,Mug,Kiln,Colour,White,MUG-W,,4\n") == "line 2, column 'Variant Price' is empty: a value is required")
        #expect(message(",Mug,Kiln,Title,Default Title,MUG,9.50,4\n") == "line 2, column 'Handle' is empty: a value is required")
    }

    @Test func missingHeadersAreListedWithTheRequiredOnes() {
        let error = importError { () throws(ImportError) in
            try ShopifyCSVImporter.importProducts(from: "Handle,Name,Cost\nmug,Mug,9.50\n")
        }
        #expect(error?.description
            == "the CSV header lacks 'Title', 'Variant Price': the required columns are Handle, Title, Variant Price")
        let twice = importError { () throws(ImportError) in
            try ShopifyCSVImporter.importProducts(from: "Handle,Title,Variant Price,title\n")
        }
        #expect(twice?.description == "the CSV header names 'title' more than once: expected each column once")
    }

    @Test func duplicateSKUAndScatteredHandles() {
        #expect(message("mug,Mug,Kiln,Colour,White,MUG,9.50,4\nmug,,,,Black,MUG,9.50,4\n")
            == "SKU 'MUG' appears twice, in line 2 and line 3: expected each SKU once per file")
        #expect(message("mug,Mug,Kiln,Colour,White,MUG-W,9.50,4\ncup,Cup,Kiln,Title,Default Title,CUP,6.00,2\nmug,,,,Black,MUG-B,9.50,4\n")
            == "line 4: handle 'mug' already ended (it started on line 2): expected the rows of one product to follow each other")
    }

    @Test func unterminatedQuoteNamesTheLineWhereItStarted() {
        #expect(message("mug,Mug,Kiln,Title,Default Title,MUG,9.50,4\ncup,\"Cup\nwith a very,long title,Kiln\n")
            == "line 3: a quoted field starts here and is never closed: expected a closing '\"'")
    }

    @Test func emptyFilesAndHeaderOnlyFiles() {
        #expect(importError { () throws(ImportError) in try ShopifyCSVImporter.importProducts(from: "") }
            == .emptyFile)
        #expect(importError { () throws(ImportError) in try ShopifyCSVImporter.importProducts(from: "\u{FEFF}\r\n") }
            == .emptyFile)
        #expect(message("") == "the file holds no products: expected at least one product to import")
    }

    @Test func oneBadVariantLeavesNoPartialImport() throws {
        let fixture = String(decoding: try ImportFixtures.shopifyCSV(), as: UTF8.self)
        let broken = fixture.replacingOccurrences(of: ",25.00,", with: ",25.0.0,")
        let error = importError { () throws(ImportError) in try ShopifyCSVImporter.importProducts(from: broken) }
        #expect(error?.description == #"line 17, column 'Variant Price': "25.0.0" is not a price: expected a number such as 12.50"#)
    }
}
