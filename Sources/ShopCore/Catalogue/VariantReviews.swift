/// What a review on a product's page is about, seen from that page.
public enum ReviewSubject: Hashable, Sendable {
    /// Written about the variant whose page this is.
    case thisVariant
    /// Written about the product as a whole (no variant named).
    case wholeProduct
    /// Written about another variant of the same line, named as in its title ("Filter").
    case otherVariant(String)
}

/// Variants of a line share the line's reviews (shops do, and the demo catalogue does): a variant's
/// page shows the reviews of that variant first and names the variant of any other, so that a
/// review of the espresso grind is not read as one of the whole beans.
extension Product {
    /// The separator between a line's title and its variant in variant titles
    /// ("Café Huehuetenango Lavado – Espresso"; Shopify imports: "Tee – Navy / L").
    public static let variantSeparator = " – "

    /// The end of the title that tells this variant from its siblings ("Espresso"); nil for a title
    /// without `variantSeparator`.
    public var variantLabel: String? {
        let separator = Array(Product.variantSeparator.unicodeScalars)
        let scalars = Array(title.unicodeScalars)
        guard scalars.count > separator.count else { return nil }
        for start in stride(from: scalars.count - separator.count - 1, through: 1, by: -1)
        where Array(scalars[start..<(start + separator.count)]) == separator {
            var label = String.UnicodeScalarView()
            label.append(contentsOf: scalars[(start + separator.count)...])
            return String(label)
        }
        return nil
    }

    /// What the variants differ by ("Grind", "Size"): the specification whose value is this
    /// variant's label, as the demo catalogue writes it; nil when no specification says.
    public var variantDimension: String? {
        guard let label = variantLabel else { return nil }
        return specifications.first { $0.value == label }?.name
    }

    /// Whether the reviews are those of a line sold in variants rather than of this variant alone:
    /// the product is a variant (its dimension is named) or a review names a variant.
    public var reviewsCoverVariants: Bool {
        variantDimension != nil || reviews.contains { $0.variant != nil }
    }

    /// "of all grinds" (or "of all variants" when the dimension is not named), said of a count of
    /// reviews that covers every variant; nil when the reviews are this product's alone.
    public var reviewsScope: String? {
        guard reviewsCoverVariants else { return nil }
        return "of all " + Product.plural((variantDimension ?? "variant").lowercased())
    }

    /// What `review` is about, seen from this product's page.
    public func subject(of review: Review) -> ReviewSubject {
        guard let variant = review.variant else { return .wholeProduct }
        return variant == variantLabel ? .thisVariant : .otherVariant(variant)
    }

    /// The reviews in the order the page shows them: about this variant first, then about the product
    /// as a whole, then about other variants; each group in the order written.
    public var reviewsForPage: [(review: Review, subject: ReviewSubject)] {
        let rated = reviews.map { (review: $0, subject: subject(of: $0)) }
        func rank(_ subject: ReviewSubject) -> Int {
            switch subject {
            case .thisVariant: return 0
            case .wholeProduct: return 1
            case .otherVariant: return 2
            }
        }
        return rated.enumerated().sorted { a, b in
            let (ra, rb) = (rank(a.element.subject), rank(b.element.subject))
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    /// "about: Filter grind" for a review of another variant ("about: Navy / L" when the dimension is
    /// not named); nil for a review of this variant or of the whole product.
    public func aboutLabel(of review: Review) -> String? {
        guard case let .otherVariant(variant) = subject(of: review) else { return nil }
        guard let dimension = variantDimension else { return "about: \(variant)" }
        return "about: \(variant) \(dimension.lowercased())"
    }

    /// The English plural of a one-word dimension name: "grinds", "sizes", "finishes".
    static func plural(_ noun: String) -> String {
        for ending in ["s", "sh", "ch", "x", "z"] where noun.hasSuffix(ending) { return noun + "es" }
        return noun + "s"
    }
}
