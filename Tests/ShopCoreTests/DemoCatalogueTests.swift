import Foundation
import Testing
@testable import ShopCore

@Suite("Demo catalogue")
struct DemoCatalogueTests {
    let products = DemoCatalogue.products

    @Test func isLargeVariedAndDeterministic() {
        #expect(products.count >= 300)
        #expect(Set(products.map(\.category)).count >= 8)
        #expect(Set(products.map(\.brand)).count >= 40)
        #expect(DemoCatalogue.build(DemoCatalogue.categories) == products)
        #expect(DemoCatalogue.catalogue.count == products.count)
        #expect(DemoCatalogue.catalogue.product(sku: "BOK-GOU-001")?.title == "Le Café chez Soi")
    }

    @Test func skusAreUniqueShortAndReadable() {
        #expect(Set(products.map(\.sku)).count == products.count)
        let pattern = /^[A-Z]{3}-[A-Z]{3}-[0-9]{3}$/
        for product in products {
            #expect(product.sku.wholeMatch(of: pattern) != nil, "\(product.sku)")
        }
        #expect(products.first?.sku == "COF-ARB-001")
        #expect(Set(products.map(\.title)).count == products.count)
    }

    @Test func variantsHaveTheirOwnSKUTitlePriceAndSpecification() throws {
        let small = try #require(products.first { $0.sku == "COF-ARB-001" })
        let large = try #require(products.first { $0.sku == "COF-ARB-002" })
        #expect(small.title == "Café Moka d'Éthiopie, grains – 250 g")
        #expect(large.title == "Café Moka d'Éthiopie, grains – 500 g")
        #expect(small.price == Money(minorUnits: 1290, currency: .eur))
        #expect(large.price == Money(minorUnits: 2390, currency: .eur))
        #expect(large.specifications == [Specification(name: "Weight", value: "500 g")])
        #expect(small.brand == "Brûlerie Arbois" && small.category == "Coffee & Tea" && small.vatClass == .reduced)
    }

    @Test func everyBrandBelongsToOneCategory() {
        let categoriesByBrand = Dictionary(grouping: products, by: \.brand).mapValues { Set($0.map(\.category)) }
        #expect(categoriesByBrand.values.allSatisfy { $0.count == 1 })
    }

    @Test func vatClassFollowsTheCategory() {
        let reduced: Set = ["Coffee & Tea", "Groceries", "Books"]
        for product in products {
            #expect(product.vatClass == (reduced.contains(product.category) ? .reduced : .standard), "\(product.sku)")
        }
    }

    @Test func pricesArePositiveAndDiscountsAreRealReductions() {
        #expect(products.allSatisfy { $0.price.minorUnits > 0 && $0.price.currency == .eur })
        let discounted = products.filter { $0.previousPrice != nil }
        #expect(discounted.count >= 20)
        for product in discounted {
            let percent = product.discountPercent ?? 0
            #expect((5...35).contains(percent), "\(product.sku) \(percent) %")
        }
    }

    @Test func everyAvailabilityKindIsPresent() {
        let kinds = products.map(\.availability)
        #expect(kinds.contains(.inStock))
        #expect(kinds.contains { if case .lowStock = $0 { return true } else { return false } })
        #expect(kinds.contains(.outOfStock))
        #expect(kinds.contains(.shipsIn(LeadTime(minDays: 5, maxDays: 8))))
        #expect(kinds.contains { $0.label == "Ships in 5–8 days" })
        for product in products {
            if case let .lowStock(remaining) = product.availability { #expect((1...5).contains(remaining)) }
            if product.leadTime != nil { #expect(product.stockOnHand == 0) }
        }
        #expect(products.filter { $0.availability == .outOfStock }.count >= 5)
        #expect(products.filter { $0.leadTime != nil }.count >= 5)
    }

    @Test func orderLimitsRatingsAndDatesAreSet() {
        #expect(products.contains { $0.minimumOrderQuantity > 1 })
        #expect(products.contains { $0.maximumOrderQuantity != nil })
        #expect(products.allSatisfy { $0.minimumOrderQuantity <= ($0.maximumOrderQuantity ?? Int.max) })
        // A rating only where there are reviews to rest on (their average: DemoCatalogueReviewTests).
        let rated = products.compactMap(\.rating)
        #expect(rated.count == products.filter { !$0.reviews.isEmpty }.count)
        #expect(products.allSatisfy { ($0.rating == nil) == $0.reviews.isEmpty })
        #expect(rated.count * 2 >= products.count, "\(rated.count) of \(products.count) rated")
        #expect(rated.allSatisfy { (300...500).contains($0.hundredths) })
        #expect(products.contains { $0.rating == nil })
        let listed = products.compactMap(\.listedAt)
        #expect(listed.count == products.count)
        #expect(listed.allSatisfy { $0 >= DemoCatalogue.firstListing && $0 < DemoCatalogue.firstListing + 701 * 86_400 })
        #expect(Set(listed).count == products.count)
    }

    @Test func barcodesAreValidUniqueEAN13() {
        let barcodes = products.compactMap(\.barcode)
        #expect(Set(barcodes).count == products.count)
        for code in barcodes {
            let digits = code.compactMap(\.wholeNumberValue)
            let sum = digits.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
            #expect(digits.count == 13 && sum % 10 == 0, "\(code)")
        }
    }

    @Test func textsHaveAccentsAndSeveralScripts() {
        let titles = products.map(\.title).joined(separator: "\n")
        for accented in ["Café", "Crème", "Ñandú", "Brûlerie", "Éthiopie"] {
            #expect(products.contains { $0.title.contains(accented) || $0.brand.contains(accented) }, "\(accented)")
        }
        func has(_ range: ClosedRange<UInt32>) -> Bool { titles.unicodeScalars.contains { range.contains($0.value) } }
        #expect(has(0x3040...0x30FF) || has(0x4E00...0x9FFF), "Japanese")
        #expect(has(0x0370...0x03FF), "Greek")
        #expect(has(0x0400...0x04FF), "Cyrillic")
        #expect(has(0x0600...0x06FF), "Arabic")
        #expect(products.allSatisfy { !$0.description.isEmpty && !$0.tags.isEmpty })
    }

    @Test func accentFoldedSearchForCafeFindsSeveralProductsAcrossCategories() {
        func folded(_ text: String) -> String {
            text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        }
        let matches = products.filter { product in
            ([product.title, product.brand, product.description] + product.tags).contains { folded($0).contains("cafe") }
        }
        #expect(matches.count >= 15)
        #expect(Set(matches.map(\.category)).count >= 5)
    }
}
