import ShopCore

/// The binary form of a `Product` and of the values it holds. Every field is written, in declaration
/// order; optionals carry a presence flag. Changing this layout means a new snapshot format version
/// and a new journal event tag, with the old layout still read (`Layout`).
enum ProductCodec {
    /// The layouts products were written in. Always written in the newest.
    enum Layout {
        /// Snapshot formats up to 6 and the journal's `productsUpserted`: reviews without a variant.
        case beforeReviewVariants
        /// Snapshot format 7 and `productsUpsertedWithReviewVariants`: each review's optional variant
        /// follows its reviewer's name.
        case withReviewVariants
    }

    /// The fewest bytes a product takes (every text empty, every number small, every optional nil).
    static let minimumSize = 23

    static func write(_ product: Product, to writer: BinaryWriter) {
        writer.string(product.sku)
        writer.string(product.title)
        writer.string(product.brand)
        writer.string(product.category)
        writer.string(product.description)
        writer.array(product.tags) { $0.string($1) }
        writeMoney(product.price, to: writer)
        writer.optional(product.previousPrice) { writeMoney($1, to: $0) }
        writer.byte(vatTag(product.vatClass))
        writer.int(product.stockOnHand)
        writer.int(product.reservedStock)
        writer.optional(product.leadTime) { writer, lead in
            writer.int(lead.minDays)
            writer.int(lead.maxDays)
        }
        writer.optional(product.rating) { $0.int($1.hundredths) }
        writer.int(product.minimumOrderQuantity)
        writer.optional(product.maximumOrderQuantity) { $0.int($1) }
        writer.int(product.lowStockThreshold)
        writer.optional(product.listedAt) { $0.int($1) }
        writer.optional(product.barcode) { $0.string($1) }
        writer.array(product.imageURLs) { $0.string($1) }
        writer.array(product.specifications) { writer, specification in
            writer.string(specification.name)
            writer.string(specification.value)
        }
        writer.array(product.reviews) { writer, review in
            writer.int(review.rating)
            writer.string(review.comment)
            writer.string(review.date)
            writer.string(review.reviewerName)
            writer.optional(review.variant) { $0.string($1) }
        }
    }

    static func read(from reader: inout BinaryReader, layout: Layout = .withReviewVariants) throws(DecodingFailure) -> Product {
        var tables = ProductDecodingTables.none(for: reader)
        return try read(from: &reader, layout: layout, sharing: &tables)
    }

    /// Reads a product whose repeated texts (brand, category, tags, specifications, review dates) are
    /// shared through `tables` with the products read before it from the same bytes.
    static func read(
        from reader: inout BinaryReader, layout: Layout = .withReviewVariants, sharing tables: inout ProductDecodingTables
    ) throws(DecodingFailure) -> Product {
        let sku = try reader.string()
        let title = try reader.string()
        let brand = try reader.string(interning: &tables.texts)
        let category = try reader.string(interning: &tables.texts)
        let description = try reader.string()
        let tags = try reader.stringArray(interning: &tables.tagLists)
        let price = try readMoney(from: &reader)
        let previousPrice = try reader.optional { (r: inout BinaryReader) throws(DecodingFailure) in try readMoney(from: &r) }
        let vatClass = try readVAT(from: &reader)
        let stockOnHand = try reader.int()
        let reservedStock = try reader.int()
        let leadTime = try reader.optional { (r: inout BinaryReader) throws(DecodingFailure) in
            let minDays = try r.int()
            return LeadTime(minDays: minDays, maxDays: try r.int())
        }
        let rating = try reader.optional { (r: inout BinaryReader) throws(DecodingFailure) in Rating(hundredths: try r.int()) }
        let minimumOrderQuantity = try reader.int()
        let maximumOrderQuantity = try reader.optional { (r: inout BinaryReader) throws(DecodingFailure) in try r.int() }
        let lowStockThreshold = try reader.int()
        let listedAt = try reader.optional { (r: inout BinaryReader) throws(DecodingFailure) in try r.int64() }
        let barcode = try reader.optional { (r: inout BinaryReader) throws(DecodingFailure) in try r.string() }
        let imageURLs = try reader.array { (r: inout BinaryReader) throws(DecodingFailure) in try r.string() }
        let specifications = try reader.array(minimumItemSize: 2) { (r: inout BinaryReader) throws(DecodingFailure) in
            let name = try r.string(interning: &tables.texts)
            return Specification(name: name, value: try r.string(interning: &tables.texts))
        }
        let reviews = try reader.array(minimumItemSize: 4) { (r: inout BinaryReader) throws(DecodingFailure) in
            let rating = try r.int()
            let comment = try r.string()
            let date = try r.string(interning: &tables.texts)
            let reviewerName = try r.string()
            let variant = layout == .withReviewVariants
                ? try r.optional { (r: inout BinaryReader) throws(DecodingFailure) in try r.string(interning: &tables.texts) } : nil
            return Review(rating: rating, comment: comment, date: date, reviewerName: reviewerName, variant: variant)
        }
        return Product(
            sku: sku, title: title, brand: brand, category: category, description: description, tags: tags,
            price: price, previousPrice: previousPrice, vatClass: vatClass, stockOnHand: stockOnHand,
            reservedStock: reservedStock, leadTime: leadTime, rating: rating,
            minimumOrderQuantity: minimumOrderQuantity, maximumOrderQuantity: maximumOrderQuantity,
            lowStockThreshold: lowStockThreshold, listedAt: listedAt, barcode: barcode, imageURLs: imageURLs,
            specifications: specifications, reviews: reviews
        )
    }

    static func writeMoney(_ money: Money, to writer: BinaryWriter) {
        writer.int(money.minorUnits)
        writer.string(money.currency.code)
        writer.int(money.currency.minorUnitDigits)
    }

    static func readMoney(from reader: inout BinaryReader) throws(DecodingFailure) -> Money {
        let units = try reader.int64()
        let start = reader.absolutePosition
        let code = try reader.string()
        let digits = try reader.int()
        guard let currency = Currency.validated(code: code, minorUnitDigits: digits) else {
            throw DecodingFailure(offset: start, reason: "\(Quote.value(code)) with \(digits) minor-unit digits is not a currency (at most \(Currency.maximumCodeBytes) bytes and \(Currency.maximumMinorUnitDigits) digits)")
        }
        return Money(minorUnits: units, currency: currency)
    }

    /// Stable numbers for VAT classes; new classes take new numbers, old numbers are never reused.
    private static func vatTag(_ vat: VATClass) -> UInt8 {
        switch vat {
        case .standard: return 1
        case .intermediate: return 2
        case .reduced: return 3
        case .superReduced: return 4
        case .zero: return 5
        }
    }

    private static func readVAT(from reader: inout BinaryReader) throws(DecodingFailure) -> VATClass {
        let start = reader.absolutePosition
        switch try reader.byte() {
        case 1: return .standard
        case 2: return .intermediate
        case 3: return .reduced
        case 4: return .superReduced
        case 5: return .zero
        case let other: throw DecodingFailure(offset: start, reason: "unknown VAT class number \(other)")
        }
    }
}

/// The tables a run of products is decoded with, so that texts repeated across products share storage.
struct ProductDecodingTables {
    var texts: ByteInterner<String>
    var tagLists: ByteInterner<[String]>

    /// Tables for the products in `reader`'s bytes.
    init(for reader: BinaryReader) {
        texts = ByteInterner(buffer: reader.buffer)
        tagLists = ByteInterner(buffer: reader.buffer)
    }

    private init(texts: ByteInterner<String>, tagLists: ByteInterner<[String]>) {
        self.texts = texts
        self.tagLists = tagLists
    }

    /// Tables that keep nothing, for a single product.
    static func none(for reader: BinaryReader) -> ProductDecodingTables {
        ProductDecodingTables(texts: .none(for: reader.buffer), tagLists: .none(for: reader.buffer))
    }
}
