/// All products of the shop, in listing order, with a lookup by SKU.
public struct Catalogue: Sendable, Equatable {
    public private(set) var products: [Product] = []
    private var positionBySKU: [String: Int] = [:]

    public init(products: [Product] = []) {
        // A list without repeated SKUs (a snapshot, most imports) is kept as is and only indexed,
        // which avoids copying a million products; a repeated SKU falls back to `upsert`.
        var index: [String: Int] = [:]
        index.reserveCapacity(products.count)
        for position in products.indices where index.updateValue(position, forKey: products[position].sku) != nil {
            upsert(products)
            return
        }
        self.products = products
        positionBySKU = index
    }

    public var count: Int { products.count }

    public func product(sku: String) -> Product? {
        positionBySKU[sku].map { products[$0] }
    }

    public func position(of sku: String) -> Int? { positionBySKU[sku] }

    /// Adds new products at the end and replaces existing ones (same SKU) in place.
    public mutating func upsert(_ incoming: [Product]) {
        products.reserveCapacity(products.count + incoming.count)
        for product in incoming {
            if let position = positionBySKU[product.sku] {
                products[position] = product
            } else {
                positionBySKU[product.sku] = products.count
                products.append(product)
            }
        }
    }

    /// Replaces the product with this SKU through `change`; nothing happens for an unknown SKU.
    public mutating func modify(sku: String, _ change: (inout Product) -> Void) {
        guard let position = positionBySKU[sku] else { return }
        change(&products[position])
    }

    public static func == (a: Catalogue, b: Catalogue) -> Bool { a.products == b.products }
}
