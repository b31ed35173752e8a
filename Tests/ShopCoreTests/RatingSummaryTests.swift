import Testing
@testable import ShopCore

/// What a product's stars rest on: the reviews' average, the catalogue's own figure (marked as
/// such), or nothing; and the variant a review speaks of.
@Suite("Ratings and reviews")
struct RatingSummaryTests {
    static func review(_ stars: Int, variant: String? = nil) -> Review {
        Review(rating: stars, comment: "A review of twenty characters or more.", date: "2026-01-01", reviewerName: "R", variant: variant)
    }

    static func product(title: String = "Tee", rating: Rating? = nil, reviews: [Review] = [], specifications: [Specification] = []) -> Product {
        Product(sku: "T-1", title: title, brand: "B", category: "C", price: Money(minorUnits: 100, currency: .eur), stockOnHand: 9,
                rating: rating, specifications: specifications, reviews: reviews)
    }

    @Test func aRatingThatIsTheReviewsAverageIsTheirs() {
        let reviews = [Self.review(5), Self.review(4), Self.review(5)]
        #expect(Review.average(reviews) == Rating(hundredths: 467))
        let summary = RatingSummary(rating: Rating(hundredths: 467), reviews: reviews)
        #expect(summary == .reviewed(Rating(hundredths: 467), reviewCount: 3))
        #expect(summary.reviewCountLabel == "3 reviews")
        #expect(summary.listForms == ["★4.7 · 3 reviews", "★4.7 (3)"])
        // Agreeing to the decimal shown is agreeing: 4.65 shows as 4.7 like the average.
        #expect(RatingSummary(rating: Rating(hundredths: 465), reviews: reviews).isCatalogueRating == false)
        #expect(RatingSummary(rating: Rating(hundredths: 500), reviews: [Self.review(5)]).reviewCountLabel == "1 review")
    }

    @Test func aRatingWithoutReviewsIsTheCataloguesAndSaysSo() {
        let summary = RatingSummary(rating: Rating(hundredths: 400), reviews: [])
        #expect(summary == .catalogue(Rating(hundredths: 400), reviewCount: 0))
        #expect(summary.isCatalogueRating)
        #expect(summary.rating == Rating(hundredths: 400))
        #expect(summary.reviewCountLabel == "No reviews yet")
        #expect(summary.listForms == ["★4.0 catalogue", "★4.0 cat."])
    }

    /// DummyJSON: a rating of 2.94 beside three reviews averaging 4.0 is not theirs.
    @Test func aRatingTheReviewsDoNotAccountForIsTheCataloguesWithTheirCount() {
        let reviews = [Self.review(2), Self.review(5), Self.review(9)]
        #expect(Review.average(reviews) == Rating(hundredths: 400), "stars beyond five count as five")
        let summary = RatingSummary(rating: Rating(hundredths: 294), reviews: reviews)
        #expect(summary == .catalogue(Rating(hundredths: 294), reviewCount: 3))
        #expect(summary.listForms == ["★2.9 catalogue (3)", "★2.9 cat. (3)", "★2.9 cat."])
    }

    @Test func noRatingIsUnratedWithOrWithoutReviews() {
        #expect(RatingSummary(rating: nil, reviews: []) == .unrated(reviewCount: 0))
        #expect(RatingSummary(rating: nil, reviews: []).listForms.isEmpty)
        #expect(RatingSummary(rating: nil, reviews: [Self.review(4)]) == .unrated(reviewCount: 1))
        #expect(RatingSummary(rating: nil, reviews: [Self.review(4)]).rating == nil)
        #expect(Review.average([]) == nil)
    }

    /// `sort:rating` orders by what the stars show: the catalogue's figure where there is one, and
    /// unrated products (none shown) last, in catalogue order.
    @Test func sortingByRatingFollowsWhatIsShown() throws {
        var reviewed = SearchTestCatalogue.product("reviewed", title: "tea reviewed")
        reviewed.reviews = [Self.review(4), Self.review(5)]
        reviewed.rating = Review.average(reviewed.reviews)
        let catalogue = SearchTestCatalogue.product("catalogue", title: "tea catalogue", rating: 4.8)
        var unratedWithReview = SearchTestCatalogue.product("unrated-reviewed", title: "tea unrated reviewed")
        unratedWithReview.reviews = [Self.review(5)]
        let unrated = SearchTestCatalogue.product("unrated", title: "tea unrated")
        let low = SearchTestCatalogue.product("low", title: "tea low", rating: 3.0)
        let products = [unrated, reviewed, unratedWithReview, catalogue, low]
        #expect(try SearchTestCatalogue.skus(products, "tea sort:rating") == ["catalogue", "reviewed", "low", "unrated", "unrated-reviewed"])
        #expect(try SearchTestCatalogue.skus(products, "tea rating:4") == ["reviewed", "catalogue"])
        #expect(products.map { $0.ratingSummary.rating } == products.map(\.rating))
    }

    @Test func theVariantLabelIsTheEndOfTheTitle() {
        #expect(Self.product(title: "Café Huehuetenango Lavado – Espresso").variantLabel == "Espresso")
        #expect(Self.product(title: "Tee – Navy / L").variantLabel == "Navy / L")
        #expect(Self.product(title: "A – B – C").variantLabel == "C")
        #expect(Self.product(title: "Plain tee").variantLabel == nil)
        #expect(Self.product(title: "Tee – ").variantLabel == nil)
        #expect(Self.product(title: " – Navy").variantLabel == nil)
        #expect(Self.product(title: "Tee - Navy").variantLabel == nil, "a hyphen is not the variant separator")
    }

    @Test func aVariantsReviewsComeFirstAndOthersAreNamed() {
        let reviews = [Self.review(4, variant: "S"), Self.review(5), Self.review(3, variant: "M"), Self.review(2, variant: "S")]
        let medium = Self.product(title: "Tee – M", reviews: reviews, specifications: [Specification(name: "Size", value: "M")])
        #expect(medium.variantDimension == "Size")
        #expect(medium.reviewsForPage.map(\.review) == [reviews[2], reviews[1], reviews[0], reviews[3]])
        #expect(medium.reviewsForPage.map(\.subject) == [.thisVariant, .wholeProduct, .otherVariant("S"), .otherVariant("S")])
        #expect(medium.aboutLabel(of: reviews[0]) == "about: S size")
        #expect(medium.aboutLabel(of: reviews[1]) == nil)
        #expect(medium.aboutLabel(of: reviews[2]) == nil)
        #expect(medium.reviewsScope == "of all sizes")

        // Without a named dimension (a Shopify variant): the variant alone, and "variants".
        let imported = Self.product(title: "Tee – Navy / L", reviews: [Self.review(5, variant: "Navy / M")])
        #expect(imported.aboutLabel(of: imported.reviews[0]) == "about: Navy / M")
        #expect(imported.reviewsScope == "of all variants")
        // A product of its own, whose reviews name no variant, has its reviews alone.
        #expect(Self.product(title: "Mug", reviews: [Self.review(5)]).reviewsScope == nil)
        #expect(Product.plural("finish") == "finishes")
        #expect(Product.plural("grind") == "grinds")
    }
}
