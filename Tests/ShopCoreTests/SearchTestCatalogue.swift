@testable import ShopCore

/// Small hand-made products for search tests.
enum SearchTestCatalogue {
    static func product(
        _ sku: String, title: String, brand: String = "Acme", category: String = "groceries",
        description: String = "", tags: [String] = [], cents: Int64 = 1000, stock: Int = 50,
        leadTime: LeadTime? = nil, rating: Double? = nil, listedAt: Int64? = nil
    ) -> Product {
        Product(
            sku: sku, title: title, brand: brand, category: category, description: description, tags: tags,
            price: Money(minorUnits: cents, currency: .eur), stockOnHand: stock, leadTime: leadTime,
            rating: rating.map { Rating(stars: $0) }, listedAt: listedAt
        )
    }

    static func search(_ products: [Product], _ text: String) throws -> SearchResultSet {
        SearchIndex(catalogue: Catalogue(products: products)).search(try SearchQuery.parse(text))
    }

    /// SKUs of every result, in order.
    static func skus(_ products: [Product], _ text: String) throws -> [String] {
        let results = try search(products, text)
        return results.positions(offset: 0, limit: results.total).map { products[$0].sku }
    }

    static func skus(_ index: SearchIndex, _ products: [Product], _ text: String) throws -> [String] {
        let results = index.search(try SearchQuery.parse(text))
        return results.positions(offset: 0, limit: results.total).map { products[$0].sku }
    }
}
