import ShopCore

enum Fixtures {
    static func product(_ sku: String, stock: Int = 50, price: Int64 = 1_250, currency: Currency = .eur) -> Product {
        Product(sku: sku, title: "Product \(sku)", brand: "Brand", category: "groceries",
                price: Money(minorUnits: price, currency: currency), stockOnHand: stock)
    }

    static let seed: [Product] = [product("A-1"), product("B-2", stock: 3), product("C-3")]
}
