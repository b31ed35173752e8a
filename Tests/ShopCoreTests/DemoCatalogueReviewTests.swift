import Testing
@testable import ShopCore

/// The reviews written for the demo catalogue: a good share of it, plausible, and the rating of a
/// reviewed product is their average.
@Suite("Demo catalogue: reviews")
struct DemoCatalogueReviewTests {
    @Test func aThirdOfTheProductsAtLeastHaveOneToFourReviews() {
        let products = DemoCatalogue.products
        let reviewed = products.filter { !$0.reviews.isEmpty }
        #expect(reviewed.count * 3 >= products.count, "\(reviewed.count) of \(products.count)")
        #expect(reviewed.allSatisfy { (1...4).contains($0.reviews.count) })
    }

    @Test func everyReviewReadsAndTheRatingIsTheirAverage() {
        for product in DemoCatalogue.products where !product.reviews.isEmpty {
            for review in product.reviews {
                #expect((1...5).contains(review.rating), "\(product.sku)")
                #expect(!review.reviewerName.isEmpty && review.comment.count >= 20, "\(product.sku)")
                #expect(review.date.count == 10 && review.date.hasPrefix("202"), "\(product.sku): \(review.date)")
                #expect(TextSanitizer.isClean(review.comment), "\(product.sku)")
            }
            let average = product.reviews.reduce(0) { $0 + $1.rating } * 100 / product.reviews.count
            #expect(abs((product.rating?.hundredths ?? -1000) - average) <= 1, "\(product.sku)")
        }
    }

    @Test func theReviewTableNamesOnlyLinesThatExist() {
        let titles = Set(DemoCatalogue.categories.flatMap { $0.brands.flatMap { $0.lines.map(\.title) } })
        for title in DemoCatalogue.reviewTexts.keys { #expect(titles.contains(title), "\(title)") }
        for texts in DemoCatalogue.reviewTexts.values {
            for text in texts { #expect(text.split(separator: "|", maxSplits: 3).count == 4, "\(text)") }
        }
    }
}
