/// The catalogue's products in listing order, kept in blocks of `blockSize`.
///
/// The shop state is a value that every decision copies (`CommerceDecision` works on a copy, so a
/// refused command leaves nothing behind) and that readers hold while writers go on. With one flat
/// array, the first change to a shared catalogue — a checkout reserving stock — copied all of its
/// products: a million of them, several hundred megabytes and a quarter of a second, on every order.
/// In blocks, such a change copies the table of blocks (a pointer each) and the one block it touches.
public struct ProductList: RandomAccessCollection, MutableCollection, Sendable, Equatable {
    /// Products per block: a power of two, so that a position splits with a shift and a mask.
    public static let blockShift = 12
    public static let blockSize = 1 << blockShift
    private static let blockMask = blockSize - 1

    /// Full blocks of `blockSize` products, the last one possibly shorter.
    private var blocks: [ContiguousArray<Product>]
    public private(set) var count: Int

    public init() {
        blocks = []
        count = 0
    }

    public init(_ products: some Sequence<Product>) {
        self.init()
        append(contentsOf: products)
    }

    /// Adopts blocks made elsewhere (a loader decoding them in parallel): every block but the last
    /// must hold exactly `blockSize` products.
    package init(blocks: [ContiguousArray<Product>]) {
        let blocks = blocks.filter { !$0.isEmpty }
        precondition(blocks.dropLast().allSatisfy { $0.count == Self.blockSize }, "only the last block may be short")
        self.blocks = blocks
        count = blocks.reduce(0) { $0 + $1.count }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Product {
        get {
            precondition(position >= 0 && position < count, "product position \(position) outside 0..<\(count)")
            return blocks[position >> Self.blockShift][position & Self.blockMask]
        }
        _modify {
            precondition(position >= 0 && position < count, "product position \(position) outside 0..<\(count)")
            yield &blocks[position >> Self.blockShift][position & Self.blockMask]
        }
    }

    public mutating func append(_ product: Product) {
        if count & Self.blockMask == 0 {
            var block = ContiguousArray<Product>()
            block.reserveCapacity(Self.blockSize)
            blocks.append(block)
        }
        blocks[blocks.count - 1].append(product)
        count += 1
    }

    public mutating func append(contentsOf products: some Sequence<Product>) {
        for product in products { append(product) }
    }

    /// Calls `body` with each block's products in turn, by reference (a copy of a product would
    /// retain and release each of its strings), with the position of the block's first product.
    public func forEachBlock(_ body: (_ firstPosition: Int, UnsafeBufferPointer<Product>) throws -> Void) rethrows {
        for (index, block) in blocks.enumerated() {
            try block.withUnsafeBufferPointer { try body(index << Self.blockShift, $0) }
        }
    }

    public static func == (a: ProductList, b: ProductList) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }
}
