/// Why a search query could not be read; each message says what was wrong and what would be right.
public enum QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `colour:red`: a key the query language does not know.
    case unknownKey(String)
    /// `brand:` with nothing after the colon.
    case emptyValue(key: String)
    /// `price:abc`: not a range of amounts.
    case invalidPrice(String)
    /// `10-x` typed as a price range in the Filters pane.
    case invalidTypedPrice(String)
    /// `price:20..5`: the lower bound is above the upper bound.
    case priceMinimumAboveMaximum(minimum: String, maximum: String)
    /// `rating:7` or `rating:good`.
    case invalidRating(String)
    /// `sort:nonsense`.
    case unknownSort(String)
    /// `in:shop`: only `in:stock` exists.
    case unknownAvailability(String)
    /// A `"` that is never closed.
    case unbalancedQuote
    /// More characters than `ShopLimits.maximumQueryLength`.
    case tooLong(characters: Int)
    /// More free words than `ShopLimits.maximumQueryWords`.
    case tooManyWords(Int)
    /// `brand:lavaza`: no brand has that name or that word in its name; the closest names, if any.
    case unknownBrand(String, closest: [String])
    /// `cat:grocery`: no category has that name or word; the closest names, if any.
    case unknownCategory(String, closest: [String])

    /// Keys the query language accepts, as listed in messages.
    public static let validKeys = ["brand", "cat", "category", "price", "in", "rating", "sort"]

    public var description: String {
        switch self {
        case let .unknownKey(key):
            return "unknown filter \(Quote.value(key + ":")): valid filters are \(QueryError.validKeys.map { $0 + ":" }.joined(separator: ", "))"
        case let .emptyValue(key):
            return "\(Quote.value(key + ":")) needs a value, e.g. \(QueryError.example(for: key))"
        case let .invalidPrice(text):
            return "\(Quote.value("price:" + text)) is not a price range: write price:5..20, price:5.. or price:..20 (decimals allowed, e.g. 4.5 or 9,99)"
        case let .invalidTypedPrice(text):
            return "\(Quote.value(text)) is not a price range: type e.g. 10-25, -20 or 50- (a minimum, a maximum or both; decimals allowed, e.g. 4.5)"
        case let .priceMinimumAboveMaximum(minimum, maximum):
            return "\(Quote.value("price:\(minimum)..\(maximum)")) has its minimum above its maximum: write price:\(Quote.text(maximum))..\(Quote.text(minimum))"
        case let .invalidRating(text):
            return "\(Quote.value("rating:" + text)) is not a rating: write a minimum from 0 to 5, e.g. rating:4 or rating:3.5"
        case let .unknownSort(text):
            return "unknown sort \(Quote.value(text)): valid sorts are \(SearchSort.allCases.map(\.rawValue).joined(separator: ", ")) (-price means price-desc)"
        case let .unknownAvailability(text):
            return "unknown \(Quote.value("in:" + text)): the only availability filter is in:stock"
        case .unbalancedQuote:
            return "a quote is not closed: close it, e.g. brand:\"de buyer\""
        case let .tooLong(characters):
            return "the query has \(characters) characters: write at most \(ShopLimits.maximumQueryLength)"
        case let .tooManyWords(count):
            return "the query has \(count) words: write at most \(ShopLimits.maximumQueryWords)"
        case let .unknownBrand(name, closest):
            return "no brand \(Quote.value(name))" + QueryError.suggestion(closest, otherwise: "brand")
        case let .unknownCategory(name, closest):
            return "no category \(Quote.value(name))" + QueryError.suggestion(closest, otherwise: "category")
        }
    }

    /// ": did you mean A or B?", or where to find the valid names when none is close.
    static func suggestion(_ names: [String], otherwise kind: String) -> String {
        switch names.count {
        case 0: return " in the catalogue: the Filters pane and the search facets list every \(kind)"
        case 1: return ": did you mean \(Quote.text(names[0]))?"
        default: return ": did you mean \(names.dropLast().map { Quote.text($0) }.joined(separator: ", ")) or \(Quote.text(names.last!))?"
        }
    }

    static func example(for key: String) -> String {
        switch key {
        case "brand": return "brand:lavazza,illy"
        case "cat", "category": return "\(key):groceries"
        case "price": return "price:5..20"
        case "in": return "in:stock"
        case "rating": return "rating:4"
        case "sort": return "sort:price"
        default: return "\(key):value"
        }
    }
}
