import ShopCore

/// The documented `--json` shapes of products, search results and the cart (see README).
enum ShopJSON {
    static func money(_ money: Money?) -> JSONValue { .optional(money) { .int($0.minorUnits) } }

    static func rating(_ rating: Rating?) -> JSONValue {
        .optional(rating) { rating in
            let fraction = rating.hundredths % 100
            return .number("\(rating.hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)")
        }
    }

    /// `"reviews"` when the rating is the average of the reviews, `"catalogue"` when the catalogue gave it, null when unrated.
    static func ratingBasis(_ summary: RatingSummary) -> JSONValue {
        switch summary {
        case .reviewed: return .string("reviews")
        case .catalogue: return .string("catalogue")
        case .unrated: return .null
        }
    }

    static func availability(_ availability: Availability) -> JSONValue {
        switch availability {
        case .inStock: return .string("in_stock")
        case .lowStock: return .string("low_stock")
        case .outOfStock: return .string("out_of_stock")
        case .shipsIn: return .string("ships_later")
        }
    }

    /// The fields every listing of a product carries.
    static func summary(_ product: Product) -> [(String, JSONValue)] {
        [
            ("sku", .string(product.sku)),
            ("title", .string(product.title)),
            ("brand", .string(product.brand)),
            ("category", .string(product.category)),
            ("price_minor", .int(product.price.minorUnits)),
            ("currency", .string(product.price.currency.code)),
            ("previous_price_minor", money(product.previousPrice)),
            ("vat_rate_bp", .int(product.vatClass.basisPoints)),
            ("stock", .int(product.stockOnHand)),
            ("available", .int(product.availableStock)),
            ("availability", availability(product.availability)),
            ("availability_text", .string(product.availability.label)),
            ("lead_time_days", .optional(product.leadTime) { .array([.int($0.minDays), .int($0.maxDays)]) }),
            ("rating", rating(product.rating)),
            ("rating_basis", ratingBasis(product.ratingSummary)),
            ("review_count", .int(product.reviews.count)),
        ]
    }

    static func detail(_ product: Product) -> JSONValue {
        .object(summary(product) + [
            ("description", .string(product.description)),
            ("tags", .array(product.tags.map(JSONValue.string))),
            ("reserved", .int(product.reservedStock)),
            ("minimum_order_quantity", .int(product.minimumOrderQuantity)),
            ("maximum_order_quantity", .optional(product.maximumOrderQuantity) { .int($0) }),
            ("barcode", .optional(product.barcode) { .string($0) }),
            ("listed_at", .optional(product.listedAt) { .int($0) }),
            ("images", .array(product.imageURLs.map(JSONValue.string))),
            ("specifications", .object(product.specifications.map { ($0.name, .string($0.value)) })),
            ("reviews", .array(product.reviews.map { review in
                .object([
                    ("rating", .int(review.rating)), ("comment", .string(review.comment)),
                    ("date", .string(review.date)), ("reviewer", .string(review.reviewerName)),
                    ("variant", .optional(review.variant) { .string($0) }),
                ])
            })),
        ])
    }
}
