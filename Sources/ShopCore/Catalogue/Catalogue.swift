/// All products of the shop, in listing order, with a lookup by SKU.
public struct Catalogue: Sendable, Equatable {
    public private(set) var products = ProductList()
    private var positionBySKU = SKUIndex()
    /// Positions of the products changed or added since tracking started or was last taken, for a
    /// search index kept beside the catalogue (see `takeChangedPositions`); nil while not tracked.
    private var changedPositions: Set<Int>?

    public init(products: [Product] = []) {
        self.init(products: ProductList(products))
    }

    /// A list without repeated SKUs (a snapshot, most imports) is kept as is and only indexed; a
    /// repeated SKU falls back to `upsert`, the later product replacing the earlier.
    public init(products: ProductList) {
        var index = SKUIndex(minimumCapacity: products.count)
        for position in products.indices where index.insert(products[position].sku, at: position, in: products) != nil {
            upsert(Array(products))
            return
        }
        self.products = products
        positionBySKU = index
    }

    /// The catalogue `init(products:)` makes, for a loader that has already computed each SKU's
    /// `hashValue` (`skuHashes[i]` for `products[i].sku`, in this process) on several threads.
    package init(products: ProductList, skuHashes: [Int]) {
        precondition(skuHashes.count == products.count, "one SKU hash per product")
        var index = SKUIndex(minimumCapacity: products.count)
        for position in products.indices
        where index.insert(products[position].sku, hash: skuHashes[position], at: position, in: products) != nil {
            upsert(Array(products))
            return
        }
        self.products = products
        positionBySKU = index
    }

    public var count: Int { products.count }

    /// Starts (or restarts) recording which positions change, from now on.
    package mutating func trackChanges() {
        changedPositions = []
    }

    /// The positions changed or added since tracking started or since the last call; tracking goes
    /// on. Nil when changes are not tracked.
    package mutating func takeChangedPositions() -> Set<Int>? {
        guard let changed = changedPositions else { return nil }
        changedPositions = []
        return changed
    }

    public func product(sku: String) -> Product? {
        positionBySKU.position(of: sku, in: products).map { products[$0] }
    }

    public func position(of sku: String) -> Int? { positionBySKU.position(of: sku, in: products) }

    /// Adds new products at the end and replaces existing ones (same SKU) in place.
    public mutating func upsert(_ incoming: [Product]) {
        for product in incoming {
            if let position = positionBySKU.insert(product.sku, at: products.count, in: products) {
                products[position] = product
                changedPositions?.insert(position)
            } else {
                changedPositions?.insert(products.count)
                products.append(product)
            }
        }
    }

    /// Replaces the product with this SKU through `change`; nothing happens for an unknown SKU.
    /// The SKU is the product's key: a change to it is undone.
    public mutating func modify(sku: String, _ change: (inout Product) -> Void) {
        guard let position = positionBySKU.position(of: sku, in: products) else { return }
        let key = products[position].sku
        change(&products[position])
        products[position].sku = key
        changedPositions?.insert(position)
    }

    public static func == (a: Catalogue, b: Catalogue) -> Bool { a.products == b.products }
}
