/// The catalogue's positions by SKU: an open-addressing hash table of 8-byte slots that hold a
/// product's position and 32 bits of its SKU's hash, the SKUs themselves staying in the products.
///
/// A `[String: Int]` of a million SKUs takes about 50 MB (a copy of each key and a value per bucket);
/// this takes 16 MB. SKUs compare as Swift strings do (`==`, canonical equivalence), so lookups
/// behave as the dictionary did.
struct SKUIndex: Sendable {
    /// 0 is an empty slot; otherwise the hash's high 32 bits above the position + 1.
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 0) {
        var size = 16
        while size < minimumCapacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    func position(of sku: String, in products: ProductList) -> Int? {
        let hash = sku.hashValue
        let tag = UInt64(UInt(bitPattern: hash) >> 32) << 32
        var index = hash & mask
        while true {
            let slot = slots[index]
            if slot == 0 { return nil }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let position = Int(slot & 0xFFFF_FFFF) - 1
                if products[position].sku == sku { return position }
            }
            index = (index + 1) & mask
        }
    }

    /// Records that the product at `position` of `products` has `sku`, unless a product with that SKU
    /// is already recorded: then returns that one's position and changes nothing.
    mutating func insert(_ sku: String, at position: Int, in products: ProductList) -> Int? {
        insert(sku, hash: sku.hashValue, at: position, in: products)
    }

    /// `insert(_:at:in:)` with the SKU's `hashValue` computed beforehand (on other threads).
    mutating func insert(_ sku: String, hash: Int, at position: Int, in products: ProductList) -> Int? {
        precondition(position < Int(UInt32.max), "a catalogue holds fewer than 4 billion products")
        if (count + 1) * 2 > slots.count { grow(products) }
        let tag = UInt64(UInt(bitPattern: hash) >> 32) << 32
        var index = hash & mask
        while true {
            let slot = slots[index]
            if slot == 0 { break }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let existing = Int(slot & 0xFFFF_FFFF) - 1
                if products[existing].sku == sku { return existing }
            }
            index = (index + 1) & mask
        }
        slots[index] = tag | UInt64(position + 1)
        count += 1
        return nil
    }

    private mutating func grow(_ products: ProductList) {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot != 0 {
            let position = Int(slot & 0xFFFF_FFFF) - 1
            var index = products[position].sku.hashValue & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
