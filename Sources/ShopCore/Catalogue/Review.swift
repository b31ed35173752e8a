/// A customer's review of a product: stars, text, date and name; and, for a product sold in variants
/// (grinds, sizes, colours), the variant it was written about, since every variant of a product
/// line shows the line's reviews.
public struct Review: Hashable, Sendable {
    /// Stars from 1 to 5 as written; imported data may hold anything, so readers clamp (`stars`).
    public var rating: Int
    public var comment: String
    public var date: String
    public var reviewerName: String
    /// The variant the review is about, named as the end of that variant's title (`Product.variantLabel`,
    /// "Espresso" for "Café Huehuetenango Lavado – Espresso"); nil for a review of the product as a whole.
    public var variant: String?

    public init(rating: Int, comment: String, date: String, reviewerName: String, variant: String? = nil) {
        self.rating = rating
        self.comment = comment
        self.date = date
        self.reviewerName = reviewerName
        self.variant = variant
    }

    /// The stars within 0...5.
    public var stars: Int { max(0, min(5, rating)) }

    /// The average stars of `reviews` (each within 0...5) as a rating rounded to the hundredth; nil when there is none.
    public static func average(_ reviews: [Review]) -> Rating? {
        guard !reviews.isEmpty else { return nil }
        let total = reviews.reduce(0) { $0 + $1.stars }
        return Rating(hundredths: (total * 100 + reviews.count / 2) / reviews.count)
    }
}
