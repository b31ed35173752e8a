import Testing
@testable import ShopCore

/// The reviews written for the demo catalogue: a good share of it, plausible, the rating of a
/// reviewed product is their average, a product nobody reviewed has no rating, and a review about
/// one variant names a variant that exists.
@Suite("Demo catalogue: reviews")
struct DemoCatalogueReviewTests {
    @Test func halfTheProductsAtLeastHaveOneToFourReviews() {
        let products = DemoCatalogue.products
        let reviewed = products.filter { !$0.reviews.isEmpty }
        #expect(reviewed.count * 2 >= products.count, "\(reviewed.count) of \(products.count)")
        #expect(DemoCatalogue.reviewTexts.count >= 80, "\(DemoCatalogue.reviewTexts.count) lines reviewed")
        #expect(reviewed.allSatisfy { (1...4).contains($0.reviews.count) })
    }

    @Test func everyReviewReadsAndTheRatingIsTheirAverage() {
        for product in DemoCatalogue.products {
            for review in product.reviews {
                #expect((1...5).contains(review.rating), "\(product.sku)")
                #expect(!review.reviewerName.isEmpty && review.comment.count >= 20, "\(product.sku)")
                #expect(review.date.count == 10 && review.date.hasPrefix("202"), "\(product.sku): \(review.date)")
                #expect(TextSanitizer.isClean(review.comment), "\(product.sku)")
                #expect(!review.comment.hasPrefix("@") && !review.comment.contains("|"), "\(product.sku): \(review.comment)")
            }
            guard !product.reviews.isEmpty else {
                #expect(product.rating == nil, "\(product.sku) has a rating and no review")
                #expect(product.ratingSummary == .unrated(reviewCount: 0))
                continue
            }
            let average = product.reviews.reduce(0) { $0 + $1.rating } * 100 / product.reviews.count
            #expect(abs((product.rating?.hundredths ?? -1000) - average) <= 1, "\(product.sku)")
            #expect(product.ratingSummary == .reviewed(product.rating!, reviewCount: product.reviews.count), "\(product.sku)")
        }
    }

    @Test func theReviewTableNamesOnlyLinesAndVariantsThatExist() {
        let lines = DemoCatalogue.categories.flatMap { $0.brands.flatMap(\.lines) }
        let byTitle = Dictionary(lines.map { ($0.title, $0) }, uniquingKeysWith: { first, _ in first })
        var aboutAVariant = 0
        for (title, texts) in DemoCatalogue.reviewTexts {
            let line = byTitle[title]
            #expect(line != nil, "\(title)")
            for text in texts {
                #expect(text.split(separator: "|", maxSplits: 3).count == 4, "\(text)")
                guard let variant = DemoCatalogue.review(text).variant else { continue }
                aboutAVariant += 1
                #expect(line?.variants.contains { $0.value == variant } == true, "\(title): no variant \(variant)")
            }
        }
        #expect(aboutAVariant >= 15)
    }

    @Test func aVariantsPageSeesTheReviewsOfItsOwnVariantFirst() throws {
        let products = DemoCatalogue.products.filter { $0.title.hasPrefix("Café Huehuetenango Lavado – ") }
        #expect(products.count == 3)
        let wholeBean = try #require(products.first { $0.variantLabel == "Whole bean" })
        let page = wholeBean.reviewsForPage
        #expect(page.map(\.review.reviewerName) == ["Aiko N.", "Marta Kowalska", "Julien P."])
        #expect(page.map(\.subject) == [.thisVariant, .otherVariant("Espresso"), .otherVariant("Filter")])
        #expect(wholeBean.aboutLabel(of: page[1].review) == "about: Espresso grind")
        #expect(wholeBean.reviewsScope == "of all grinds")
        // The count and the average stay the line's: every variant shows the same ones.
        #expect(Set(products.map(\.ratingSummary)).count == 1)
        #expect(products.allSatisfy { $0.ratingSummary.reviewCount == 3 })
    }
}
