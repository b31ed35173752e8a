/// The catalogue's products in listing order: a million of them is one list of blocks.
public typealias ProductList = BlockList<Product>

/// An array kept in blocks of `blockSize` elements, for the long lists of the shop state (products,
/// order numbers, the audit journal).
///
/// The shop state is a value that every decision copies (`CommerceDecision` works on a copy, so a
/// refused command leaves nothing behind) and that readers hold while writers go on. With one flat
/// array, the first change to a shared list — a checkout reserving stock — copied all of it: a
/// million products, several hundred megabytes and a quarter of a second, on every order. In blocks,
/// such a change copies the table of blocks (a pointer each) and the one block it touches.
public struct BlockList<Element>: RandomAccessCollection, MutableCollection {
    /// Products per block: a power of two, so that a position splits with a shift and a mask.
    public static var blockShift: Int { 12 }
    public static var blockSize: Int { 1 << blockShift }
    private static var blockMask: Int { blockSize - 1 }

    /// Full blocks of `blockSize` elements, the last one possibly shorter.
    private var blocks: [ContiguousArray<Element>]
    public private(set) var count: Int

    public init() {
        blocks = []
        count = 0
    }

    public init(_ elements: some Sequence<Element>) {
        self.init()
        append(contentsOf: elements)
    }

    /// Adopts blocks made elsewhere (a loader decoding them in parallel): every block but the last
    /// must hold exactly `blockSize` elements.
    package init(blocks: [ContiguousArray<Element>]) {
        let blocks = blocks.filter { !$0.isEmpty }
        precondition(blocks.dropLast().allSatisfy { $0.count == Self.blockSize }, "only the last block may be short")
        self.blocks = blocks
        count = blocks.reduce(0) { $0 + $1.count }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "position \(position) outside 0..<\(count)")
            return blocks[position >> Self.blockShift][position & Self.blockMask]
        }
        _modify {
            precondition(position >= 0 && position < count, "position \(position) outside 0..<\(count)")
            yield &blocks[position >> Self.blockShift][position & Self.blockMask]
        }
    }

    public mutating func append(_ element: Element) {
        if count & Self.blockMask == 0 {
            var block = ContiguousArray<Element>()
            block.reserveCapacity(Self.blockSize)
            blocks.append(block)
        }
        blocks[blocks.count - 1].append(element)
        count += 1
    }

    public mutating func append(contentsOf elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    /// Calls `body` with each block's elements in turn, by reference (a copy of a product would
    /// retain and release each of its strings), with the position of the block's first element.
    public func forEachBlock(_ body: (_ firstPosition: Int, UnsafeBufferPointer<Element>) throws -> Void) rethrows {
        for (index, block) in blocks.enumerated() {
            try block.withUnsafeBufferPointer { try body(index << Self.blockShift, $0) }
        }
    }

}

extension BlockList: Sendable where Element: Sendable {}

extension BlockList: Equatable where Element: Equatable {
    public static func == (a: BlockList, b: BlockList) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }
}

extension BlockList: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}

extension BlockList: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}
