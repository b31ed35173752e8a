/// A parsed search: free words plus filters and an order, read from the query language that the
/// search box and the command line share, e.g.
/// `coffee brand:lavazza,illy price:5..20 in:stock cat:groceries rating:4 sort:price`.
public struct SearchQuery: Hashable, Sendable {
    /// Folded free words; a document must match all of them.
    public var words: [String]
    /// Whether the last word also matches longer words (the user is still typing it).
    public var lastWordIsPrefix: Bool
    /// Folded brand keys (see `TextFolding.key`); empty means every brand.
    public var brands: [String]
    /// Folded category keys; empty means every category.
    public var categories: [String]
    public var priceRange: PriceRange?
    public var inStockOnly: Bool
    public var minimumRating: Rating?
    public var sort: SearchSort

    public init(
        words: [String] = [], lastWordIsPrefix: Bool = false, brands: [String] = [], categories: [String] = [],
        priceRange: PriceRange? = nil, inStockOnly: Bool = false, minimumRating: Rating? = nil,
        sort: SearchSort = .relevance
    ) {
        self.words = words
        self.lastWordIsPrefix = lastWordIsPrefix
        self.brands = brands
        self.categories = categories
        self.priceRange = priceRange
        self.inStockOnly = inStockOnly
        self.minimumRating = minimumRating
        self.sort = sort
    }

    /// Reads a query. Filters are `key:value`; a repeated `brand:` or `cat:` adds values, a repeated
    /// `price:`, `rating:` or `sort:` replaces the earlier one. The last free word is a prefix unless
    /// the text ends with a space or the word was quoted. Queries longer than
    /// `ShopLimits.maximumQueryLength` characters or `ShopLimits.maximumQueryWords` words are refused.
    public static func parse(_ text: String) throws(QueryError) -> SearchQuery {
        // A character is at most a few dozen bytes in practice: count them only when it matters.
        if text.utf8.count > ShopLimits.maximumQueryLength {
            let characters = text.count
            if characters > ShopLimits.maximumQueryLength { throw .tooLong(characters: characters) }
        }
        var query = SearchQuery()
        let tokens = try QueryToken.split(text)
        for (index, token) in tokens.enumerated() {
            guard let (key, value) = token.keyAndValue() else {
                let words = TextFolding.words(token.text)
                query.words.append(contentsOf: words)
                if index == tokens.count - 1 {
                    query.lastWordIsPrefix = !words.isEmpty && !token.endsQuoted && !token.followedBySpace
                }
                continue
            }
            if index == tokens.count - 1 { query.lastWordIsPrefix = false }
            try query.apply(key: key, value: value)
        }
        if query.words.isEmpty { query.lastWordIsPrefix = false }
        guard query.words.count <= ShopLimits.maximumQueryWords else { throw .tooManyWords(query.words.count) }
        return query
    }

    private mutating func apply(key: String, value: QueryToken) throws(QueryError) {
        switch key {
        case "brand":
            brands.append(contentsOf: try Self.list(key: key, value))
        case "cat", "category":
            categories.append(contentsOf: try Self.list(key: key, value))
        case "price":
            priceRange = try Self.priceRange(try Self.single(key: key, value))
        case "in":
            let availability = try Self.single(key: key, value)
            guard TextFolding.key(availability) == "stock" else { throw .unknownAvailability(availability) }
            inStockOnly = true
        case "rating":
            minimumRating = try Self.rating(try Self.single(key: key, value))
        case "sort":
            let name = try Self.single(key: key, value)
            guard let order = SearchSort.named(name.lowercased()) else { throw .unknownSort(name) }
            sort = order
        default:
            throw .unknownKey(key)
        }
    }

    private static func single(key: String, _ value: QueryToken) throws(QueryError) -> String {
        let text = value.text.trimmingSpaces()
        guard !text.isEmpty else { throw .emptyValue(key: key) }
        return text
    }

    private static func list(key: String, _ value: QueryToken) throws(QueryError) -> [String] {
        let items = value.splitOnUnquotedCommas().map(TextFolding.key).filter { !$0.isEmpty }
        guard !items.isEmpty else { throw .emptyValue(key: key) }
        return items
    }

    private static func priceRange(_ text: String) throws(QueryError) -> PriceRange {
        guard let separator = text.firstRange(of: "..") else { throw .invalidPrice(text) }
        let lowerText = text[text.startIndex..<separator.lowerBound]
        let upperText = text[separator.upperBound...]
        guard !lowerText.isEmpty || !upperText.isEmpty else { throw .invalidPrice(text) }
        var range = PriceRange(lowerTenThousandths: nil, upperTenThousandths: nil)
        if !lowerText.isEmpty {
            guard let lower = PriceRange.parseBound(lowerText) else { throw .invalidPrice(text) }
            range.lowerTenThousandths = lower
        }
        if !upperText.isEmpty {
            guard let upper = PriceRange.parseBound(upperText) else { throw .invalidPrice(text) }
            range.upperTenThousandths = upper
        }
        if let lower = range.lowerTenThousandths, let upper = range.upperTenThousandths, lower > upper {
            throw .priceMinimumAboveMaximum(minimum: String(lowerText), maximum: String(upperText))
        }
        return range
    }

    private static func rating(_ text: String) throws(QueryError) -> Rating {
        guard let tenThousandths = PriceRange.parseBound(Substring(text)),
              tenThousandths % 100 == 0, tenThousandths <= 50_000 else { throw .invalidRating(text) }
        return Rating(hundredths: Int(tenThousandths / 100))
    }
}
