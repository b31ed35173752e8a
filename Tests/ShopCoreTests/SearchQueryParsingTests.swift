import Testing
@testable import ShopCore

@Suite("Search query language")
struct SearchQueryParsingTests {
    @Test func parsesTheFullExample() throws {
        let query = try SearchQuery.parse("coffee brand:lavazza,illy price:5..20 in:stock cat:groceries rating:4 sort:price")
        #expect(query == SearchQuery(
            words: ["coffee"], lastWordIsPrefix: false, brands: ["lavazza", "illy"], categories: ["groceries"],
            priceRange: PriceRange(lowerTenThousandths: 50_000, upperTenThousandths: 200_000),
            inStockOnly: true, minimumRating: Rating(hundredths: 400), sort: .price
        ))
    }

    @Test func freeWordsAreFolded() throws {
        let query = try SearchQuery.parse("Café L'Or T-Shirt")
        #expect(query.words == ["cafe", "lor", "tshirt"])
    }

    @Test func lastWordIsAPrefixWhileTyping() throws {
        #expect(try SearchQuery.parse("coffee bea").lastWordIsPrefix)
        #expect(try SearchQuery.parse("coffee bea ").lastWordIsPrefix == false)
        #expect(try SearchQuery.parse("coffee brand:illy").lastWordIsPrefix == false)
        #expect(try SearchQuery.parse("brand:illy cof").lastWordIsPrefix)
        #expect(try SearchQuery.parse("\"coffee\"").lastWordIsPrefix == false)
        #expect(try SearchQuery.parse("").lastWordIsPrefix == false)
        #expect(try SearchQuery.parse("coffee !!!").lastWordIsPrefix == false)
    }

    @Test func emptyQueryHasNoWordsAndNoFilters() throws {
        #expect(try SearchQuery.parse("") == SearchQuery())
        #expect(try SearchQuery.parse("   ") == SearchQuery())
    }

    @Test func brandsAreFoldedListsAndMayBeQuoted() throws {
        #expect(try SearchQuery.parse("brand:Lavazza").brands == ["lavazza"])
        #expect(try SearchQuery.parse("brand:\"De Buyer\",ILLY").brands == ["de buyer", "illy"])
        #expect(try SearchQuery.parse("brand:\"a,b\"").brands == ["a b"])
        #expect(try SearchQuery.parse("brand:nestlé brand:illy").brands == ["nestle", "illy"])
        #expect(try SearchQuery.parse("brand:illy,,lavazza").brands == ["illy", "lavazza"])
    }

    @Test func categoryHasTwoSpellings() throws {
        #expect(try SearchQuery.parse("cat:groceries").categories == ["groceries"])
        #expect(try SearchQuery.parse("category:home-decoration,Beauty").categories == ["home decoration", "beauty"])
        #expect(try SearchQuery.parse("CAT:\"coffee & tea\"").categories == ["coffee tea"])
    }

    @Test func priceRangesInMajorUnitsWithDecimals() throws {
        #expect(try SearchQuery.parse("price:5..20").priceRange == PriceRange(lowerTenThousandths: 50_000, upperTenThousandths: 200_000))
        #expect(try SearchQuery.parse("price:5..").priceRange == PriceRange(lowerTenThousandths: 50_000, upperTenThousandths: nil))
        #expect(try SearchQuery.parse("price:..20").priceRange == PriceRange(lowerTenThousandths: nil, upperTenThousandths: 200_000))
        #expect(try SearchQuery.parse("price:4.5..9,99").priceRange == PriceRange(lowerTenThousandths: 45_000, upperTenThousandths: 99_900))
        #expect(try SearchQuery.parse("price:7..7").priceRange == PriceRange(lowerTenThousandths: 70_000, upperTenThousandths: 70_000))
        #expect(try SearchQuery.parse("price:1..2 price:3..4").priceRange == PriceRange(lowerTenThousandths: 30_000, upperTenThousandths: 40_000))
    }

    @Test func priceRangeIsInclusive() {
        let range = PriceRange(lowerTenThousandths: 45_000, upperTenThousandths: 99_900)
        #expect(range.contains(Money(minorUnits: 450, currency: .eur)))
        #expect(range.contains(Money(minorUnits: 999, currency: .eur)))
        #expect(!range.contains(Money(minorUnits: 449, currency: .eur)))
        #expect(!range.contains(Money(minorUnits: 1000, currency: .eur)))
        #expect(range.contains(Money(minorUnits: 5, currency: .jpy)))
    }

    @Test func stockRatingAndSort() throws {
        #expect(try SearchQuery.parse("in:stock").inStockOnly)
        #expect(try SearchQuery.parse("IN:Stock").inStockOnly)
        #expect(try SearchQuery.parse("rating:4").minimumRating == Rating(hundredths: 400))
        #expect(try SearchQuery.parse("rating:3.5").minimumRating == Rating(hundredths: 350))
        #expect(try SearchQuery.parse("rating:0").minimumRating == Rating(hundredths: 0))
        #expect(try SearchQuery.parse("rating:5").minimumRating == Rating(hundredths: 500))
        for sort in SearchSort.allCases {
            #expect(try SearchQuery.parse("sort:\(sort.rawValue)").sort == sort)
        }
        #expect(try SearchQuery.parse("sort:-price").sort == .priceDescending)
        #expect(try SearchQuery.parse("sort:PRICE").sort == .price)
        #expect(try SearchQuery.parse("x").sort == .relevance)
    }

    @Test func colonsThatAreNotKeysAreFreeText() throws {
        #expect(try SearchQuery.parse("12:30").words == ["12", "30"])
        #expect(try SearchQuery.parse("\"brand:x\"").words == ["brand", "x"])
    }
}

@Suite("Search query errors")
struct SearchQueryErrorTests {
    private func error(_ text: String) -> QueryError? {
        do {
            _ = try SearchQuery.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func minimumAboveMaximum() {
        #expect(error("price:20..5") == .priceMinimumAboveMaximum(minimum: "20", maximum: "5"))
        #expect(error("price:20..5")?.description == "'price:20..5' has its minimum above its maximum: write price:5..20")
    }

    @Test func priceThatIsNotARange() {
        for text in ["abc", "20", "..", "5..x", "x..5", "1.2.3..4", "4.55555..6", "-5..3"] {
            #expect(error("price:\(text)") == .invalidPrice(text), "price:\(text)")
        }
        #expect(error("price:abc")?.description == "'price:abc' is not a price range: write price:5..20, price:5.. or price:..20 (decimals allowed, e.g. 4.5 or 9,99)")
    }

    @Test func unknownSortListsTheValidOnes() {
        #expect(error("sort:nonsense") == .unknownSort("nonsense"))
        #expect(error("sort:nonsense")?.description == "unknown sort 'nonsense': valid sorts are relevance, price, price-desc, rating, newest (-price means price-desc)")
    }

    @Test func unknownKeyListsTheValidOnes() {
        #expect(error("shirt colour:red") == .unknownKey("colour"))
        #expect(error("colour:red")?.description == "unknown filter 'colour:': valid filters are brand:, cat:, category:, price:, in:, rating:, sort:")
    }

    @Test func emptyValues() {
        for key in ["brand", "cat", "category", "price", "in", "rating", "sort"] {
            #expect(error("\(key):") == .emptyValue(key: key), "\(key):")
        }
        #expect(error("brand:\"\"") == .emptyValue(key: "brand"))
        #expect(error("brand:,") == .emptyValue(key: "brand"))
        #expect(error("brand:")?.description == "'brand:' needs a value, e.g. brand:lavazza,illy")
        #expect(error("price:")?.description == "'price:' needs a value, e.g. price:5..20")
    }

    @Test func ratingOutsideZeroToFive() {
        #expect(error("rating:7") == .invalidRating("7"))
        #expect(error("rating:5.01") == .invalidRating("5.01"))
        #expect(error("rating:good") == .invalidRating("good"))
        #expect(error("rating:4.255") == .invalidRating("4.255"))
        #expect(error("rating:7")?.description == "'rating:7' is not a rating: write a minimum from 0 to 5, e.g. rating:4 or rating:3.5")
    }

    @Test func availabilityOtherThanStock() {
        #expect(error("in:shop") == .unknownAvailability("shop"))
        #expect(error("in:shop")?.description == "unknown 'in:shop': the only availability filter is in:stock")
    }

    @Test func unbalancedQuote() {
        #expect(error("brand:\"de buyer") == .unbalancedQuote)
        #expect(error("\"coffee") == .unbalancedQuote)
        #expect(error("brand:\"de buyer")?.description == "a quote is not closed: close it, e.g. brand:\"de buyer\"")
    }
}
