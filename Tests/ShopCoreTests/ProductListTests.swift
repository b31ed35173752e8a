@testable import ShopCore
import Testing

@Suite("Products kept in blocks")
struct ProductListTests {
    private static func product(_ index: Int) -> Product {
        Product(sku: "P\(index)", title: "Product \(index)", brand: "Brand \(index % 7)", category: "garden",
                price: Money(minorUnits: Int64(100 + index), currency: .eur), stockOnHand: index % 50)
    }

    private static let size = ProductList.blockSize * 2 + 37

    @Test("appending across block boundaries keeps every product at its position")
    func positions() {
        let products = (0..<Self.size).map(Self.product)
        let list = ProductList(products)
        #expect(list.count == Self.size)
        #expect(Array(list) == products)
        for position in [0, ProductList.blockSize - 1, ProductList.blockSize, ProductList.blockSize * 2, Self.size - 1] {
            #expect(list[position].sku == "P\(position)")
        }
        var visited: [Int] = []
        list.forEachBlock { first, block in
            for offset in block.indices {
                #expect(block[offset].sku == "P\(first + offset)")
                visited.append(first + offset)
            }
        }
        #expect(visited == Array(0..<Self.size))
    }

    @Test("a copy is a value: changing one product of either leaves the other as it was")
    func valueSemantics() {
        let original = ProductList((0..<Self.size).map(Self.product))
        var copy = original
        copy[ProductList.blockSize + 5].stockOnHand = 999
        copy.append(Self.product(Self.size))
        #expect(original[ProductList.blockSize + 5].stockOnHand == (ProductList.blockSize + 5) % 50)
        #expect(original.count == Self.size)
        #expect(copy[ProductList.blockSize + 5].stockOnHand == 999)
        #expect(copy.count == Self.size + 1)
        #expect(copy != original)
        var same = original
        same[3].stockOnHand = original[3].stockOnHand
        #expect(same == original)
    }

    @Test("blocks made elsewhere are adopted as they are, empty ones dropped")
    func adoptedBlocks() {
        let products = (0..<(ProductList.blockSize + 3)).map(Self.product)
        let list = ProductList(blocks: [ContiguousArray(products[..<ProductList.blockSize]), ContiguousArray(products[ProductList.blockSize...]), []])
        #expect(Array(list) == products)
        #expect(ProductList(blocks: []).isEmpty)
    }

    @Test("a catalogue copied by a decision and changed there leaves the shared one untouched")
    func catalogueCopy() {
        let catalogue = Catalogue(products: (0..<Self.size).map(Self.product))
        var decided = catalogue
        decided.modify(sku: "P4100") { $0.reservedStock = 3 }
        decided.upsert([Self.product(Self.size), Product(sku: "P2", title: "Renamed", brand: "B", category: "garden",
                                                        price: Money(minorUnits: 1, currency: .eur), stockOnHand: 1)])
        #expect(catalogue.product(sku: "P4100")?.reservedStock == 0)
        #expect(catalogue.product(sku: "P2")?.title == "Product 2")
        #expect(catalogue.count == Self.size)
        #expect(decided.product(sku: "P4100")?.reservedStock == 3)
        #expect(decided.product(sku: "P2")?.title == "Renamed")
        #expect(decided.product(sku: "P\(Self.size)")?.title == "Product \(Self.size)")
        #expect(decided.position(of: "P\(Self.size)") == Self.size)
    }
}
