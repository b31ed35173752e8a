/// The consecutive rows of one Shopify product (same `Handle`): the first row's product fields,
/// the variant rows and the images, turned into one `Product` per variant.
struct ShopifyProductRows {
    let handle: String
    private let first: ShopifyRow
    private var variants: [ShopifyRow] = []
    private var images: [String] = []

    init(first row: ShopifyRow) throws(ImportError) {
        guard !row["Title"].isEmpty else { throw row.missing("Title") }
        let status = row["Status"].lowercased()
        guard ["", "active", "draft", "archived"].contains(status) else {
            throw row.invalid("Status", problem: "is not a product status", expected: "active, draft or archived")
        }
        handle = row["Handle"]
        first = row
        try add(row)
    }

    mutating func add(_ row: ShopifyRow) throws(ImportError) {
        let image = row["Image Src"]
        if !image.isEmpty && !images.contains(image) { images.append(image) }
        if row.hasVariantFields { variants.append(row) }
    }

    /// Drafts and archived products are not on sale; see `ShopifyCSVImporter`.
    private var isForSale: Bool { !["draft", "archived"].contains(first["Status"].lowercased()) }

    func products(currency: Currency) throws(ImportError) -> [(line: Int, product: Product)] {
        guard !variants.isEmpty else { throw first.missing("Variant Price") }
        guard isForSale else { return [] }
        let title = first["Title"]
        let brand = first["Vendor"].isEmpty ? DummyJSONImporter.genericBrand : first["Vendor"]
        let category = self.category
        let description = HTMLText.plainText(first["Body (HTML)"])
        let tags = first["Tags"].split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        let optionNames = (1...3).map { first["Option\($0) Name"] }

        return try variants.map { (row: ShopifyRow) throws(ImportError) -> (line: Int, product: Product) in
            guard let price = try row.money("Variant Price", currency: currency) else {
                throw row.missing("Variant Price")
            }
            let compareAt = try row.money("Variant Compare At Price", currency: currency)
            let stock = try row.wholeNumber("Variant Inventory Qty", noun: "units") ?? 0
            let values = (1...3).map { row["Option\($0) Value"] }
            let isDefaultVariant = values.filter { !$0.isEmpty } == ["Default Title"]
            let shownValues = isDefaultVariant ? [] : values.filter { !$0.isEmpty }

            var specifications: [Specification] = []
            for (name, value) in zip(optionNames, values) where !name.isEmpty && !value.isEmpty && !isDefaultVariant {
                specifications.append(Specification(name: name, value: value))
            }
            if let grams = try row.grams(), grams > 0 {
                specifications.append(Specification(name: "Weight", value: "\(grams) g"))
            }
            var imageURLs = images
            let variantImage = row["Variant Image"]
            if !variantImage.isEmpty {
                imageURLs.removeAll { $0 == variantImage }
                imageURLs.insert(variantImage, at: 0)
            }
            let sku = row["Variant SKU"].isEmpty
                ? Self.slug(([handle] + shownValues).joined(separator: "-")) : row["Variant SKU"]
            let taxable = row["Variant Taxable"].lowercased() != "false"
            let barcode = row["Variant Barcode"].drop(while: { $0 == "'" })

            let product = Product(
                sku: sku,
                title: shownValues.isEmpty ? title : "\(title) – \(shownValues.joined(separator: " / "))",
                brand: brand, category: category, description: description, tags: tags,
                price: price,
                previousPrice: compareAt.flatMap { $0.minorUnits > price.minorUnits ? $0 : nil },
                vatClass: taxable ? ImportRules.vatClass(forCategory: category) : .zero,
                stockOnHand: stock,
                barcode: barcode.isEmpty ? nil : String(barcode),
                imageURLs: imageURLs, specifications: specifications)
            try ImportedProductCheck(location: .line(row.line), names: ImportedProductCheck.shopify).check(product)
            return (row.line, product)
        }
    }

    private var category: String {
        if !first["Type"].isEmpty { return first["Type"] }
        let path = first["Product Category"].split(separator: ">").map { String($0).trimmingSpaces() }
        return path.last(where: { !$0.isEmpty }) ?? DummyJSONImporter.uncategorized
    }

    /// Lowercase letters and digits joined by single hyphens: `Merino Beanie-Navy-L` → `merino-beanie-navy-l`.
    static func slug(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                result.append(character)
            } else if !result.isEmpty && result.last != "-" {
                result.append("-")
            }
        }
        while result.last == "-" { result.removeLast() }
        return result
    }
}
