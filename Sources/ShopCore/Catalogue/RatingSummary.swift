/// What a product's stars rest on, for every place that shows them: the count of reviews always
/// goes beside the stars, and a rating the reviews do not account for is named as the catalogue's.
///
/// - `reviewed`: the rating is the average of the written reviews (to the shown decimal): the demo
///   catalogue's ratings, and an import whose rating agrees with the reviews it carried.
/// - `catalogue`: the imported catalogue gave a rating that is not the average of the reviews shown
///   (DummyJSON's `rating` beside three reviews averaging otherwise, or a rating with no review at
///   all). It is kept — it is the seller's figure, and `rating:` and `sort:rating` use it — but never
///   shown as if the reviews on the page had earned it.
/// - `unrated`: no rating (reviews without a rating stay unrated, so sorting, which puts unrated
///   products last, agrees with what is shown).
public enum RatingSummary: Hashable, Sendable {
    case reviewed(Rating, reviewCount: Int)
    case catalogue(Rating, reviewCount: Int)
    case unrated(reviewCount: Int)

    public init(rating: Rating?, reviews: [Review]) {
        guard let rating else {
            self = .unrated(reviewCount: reviews.count)
            return
        }
        if let average = Review.average(reviews), average.label == rating.label {
            self = .reviewed(rating, reviewCount: reviews.count)
        } else {
            self = .catalogue(rating, reviewCount: reviews.count)
        }
    }

    /// The rating shown, sorted and filtered on; nil when unrated.
    public var rating: Rating? {
        switch self {
        case let .reviewed(rating, _), let .catalogue(rating, _): return rating
        case .unrated: return nil
        }
    }

    public var reviewCount: Int {
        switch self {
        case let .reviewed(_, count), let .catalogue(_, count), let .unrated(count): return count
        }
    }

    /// Whether the rating is the catalogue's own figure rather than the reviews' average.
    public var isCatalogueRating: Bool {
        if case .catalogue = self { return true }
        return false
    }

    /// "3 reviews", "1 review", "No reviews yet".
    public var reviewCountLabel: String {
        switch reviewCount {
        case 0: return "No reviews yet"
        case 1: return "1 review"
        default: return "\(reviewCount) reviews"
        }
    }

    /// Five stars, rounded to the nearest whole star: `★★★★☆`.
    public static func stars(_ rating: Rating) -> String {
        let full = (rating.hundredths + 50) / 100
        return String(repeating: "★", count: full) + String(repeating: "☆", count: 5 - full)
    }

    /// The forms a list cell may take, longest first, for a cell to keep the first that fits:
    /// `★4.7 · 3 reviews`, `★4.7 (3)`; `★4.0 catalogue`, `★4.0 cat. (3)`, `★4.0 cat.`; nothing when unrated
    /// (the reviews of an unrated product are counted on its page).
    public var listForms: [String] {
        switch self {
        case let .reviewed(rating, count):
            return ["★\(rating.label) · \(reviewCountLabel.lowercased())", "★\(rating.label) (\(count))"]
        case let .catalogue(rating, count) where count == 0:
            return ["★\(rating.label) catalogue", "★\(rating.label) cat."]
        case let .catalogue(rating, count):
            return ["★\(rating.label) catalogue (\(count))", "★\(rating.label) cat. (\(count))", "★\(rating.label) cat."]
        case .unrated:
            return []
        }
    }
}

extension Product {
    /// What this product's stars rest on; see `RatingSummary`.
    public var ratingSummary: RatingSummary { RatingSummary(rating: rating, reviews: reviews) }
}
