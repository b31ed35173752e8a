import ShopCore
@testable import ShopStore
import Testing

/// A review keeps the variant it was written about through the journal and snapshots; products
/// written before reviews named a variant (event `productsUpserted`, snapshots up to format 6)
/// still open, their reviews about the product as a whole.
@Suite("Review variants in stored products")
struct ReviewVariantLayoutTests {
    static let reviews = [
        Review(rating: 5, comment: "The espresso grind is spot on.", date: "2025-09-21", reviewerName: "Marta", variant: "Espresso"),
        Review(rating: 4, comment: "A good coffee in any grind.", date: "2026-01-14", reviewerName: "Julien"),
    ]

    static func product(reviews: [Review] = reviews) -> Product {
        Product(sku: "COF-1", title: "Café Lavado – Espresso", brand: "Casa", category: "Coffee", price: Money(minorUnits: 1390, currency: .eur),
                stockOnHand: 9, rating: Review.average(reviews), specifications: [Specification(name: "Grind", value: "Espresso")], reviews: reviews)
    }

    /// `product` in the layout before review variants: the reviews, the last field, without the variant after each name.
    static func legacyBytes(_ product: Product) -> [UInt8] {
        var bare = product
        bare.reviews = []
        let writer = BinaryWriter()
        ProductCodec.write(bare, to: writer)
        let withoutReviews = writer.bytes.dropLast()
        let reviews = BinaryWriter()
        reviews.array(product.reviews) { w, review in
            w.int(review.rating); w.string(review.comment); w.string(review.date); w.string(review.reviewerName)
        }
        return Array(withoutReviews) + reviews.bytes
    }

    @Test func theVariantOfAReviewSurvivesARecordAndASnapshot() throws {
        let product = Self.product()
        let events: [ShopEvent] = [.productsUpserted([product])]
        let record = EventCodec.encode(events)
        #expect(try record.withUnsafeBytes { try EventCodec.decode($0, fileOffset: 0) } == events)
        #expect(record[3] == EventCodec.Tag.productsUpsertedWithReviewVariants.rawValue)

        let state = ShopState(catalogue: Catalogue(products: [product]))
        let loaded = try SnapshotFile.decode(SnapshotFile.encodedBytes(state, sequence: 3), file: "snapshot")
        #expect(loaded.state == state)
        #expect(loaded.state.catalogue.products.first?.reviews.map(\.variant) == ["Espresso", nil])
    }

    @Test func aRecordOfTheEarlierLayoutReadsItsReviewsAsOfTheWholeProduct() throws {
        let product = Self.product()
        let w = BinaryWriter()
        w.byte(0); w.varint(2); w.count(1)
        w.byte(EventCodec.Tag.productsUpserted.rawValue)
        w.count(1)
        let record = w.bytes + Self.legacyBytes(product)
        let decoded = try record.withUnsafeBytes { try EventCodec.decode($0, fileOffset: 0) }
        var expected = product
        expected.reviews = product.reviews.map { Review(rating: $0.rating, comment: $0.comment, date: $0.date, reviewerName: $0.reviewerName) }
        #expect(decoded == [.productsUpserted([expected])])
    }

    @Test func aSnapshotOfFormatSixReadsItsReviewsAsOfTheWholeProduct() throws {
        let product = Self.product()
        let state = ShopState(catalogue: Catalogue(products: [product]))
        // Format 6 is format 7 with the products in the earlier layout: swap the one chunk's bytes.
        var pieces = StateCodec.encode(state, ordersLast: false)
        let legacy = Self.legacyBytes(product)
        let table = BinaryWriter()
        table.fixed32(1); table.fixed32(1); table.fixed64(UInt64(legacy.count))
        pieces[0] = table
        let payload = table.bytes + legacy + pieces.last!.bytes
        let decoded = try payload.withUnsafeBytes { try StateCodec.decode($0, fileOffset: 40, version: 6) }
        #expect(decoded.catalogue.products.first?.reviews.map(\.comment) == product.reviews.map(\.comment))
        #expect(decoded.catalogue.products.first?.reviews.allSatisfy { $0.variant == nil } == true)
        // Read as format 7, the same bytes are refused rather than misread.
        #expect(throws: DecodingFailure.self) { try payload.withUnsafeBytes { try StateCodec.decode($0, fileOffset: 40, version: 7) } }
    }

    @Test func aProductWithoutReviewsIsTheSameInBothLayouts() throws {
        let product = Self.product(reviews: [])
        let writer = BinaryWriter()
        ProductCodec.write(product, to: writer)
        #expect(writer.bytes == Self.legacyBytes(product))
        let read = try writer.bytes.withUnsafeBytes { buffer throws(DecodingFailure) in
            var reader = BinaryReader(buffer)
            return try ProductCodec.read(from: &reader, layout: .beforeReviewVariants)
        }
        #expect(read == product)
    }
}
