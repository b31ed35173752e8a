/// An array of plain values that is either owned or a read-only view of memory kept alive by
/// `keeper` (a snapshot's index section mapped from its file): a loaded index reads its arrays where
/// they lie instead of copying or decoding them. The first change copies a view into an owned array.
struct FlatArray<Element: BitwiseCopyable>: @unchecked Sendable {
    private var owned: [Element]
    /// Set for a view; the memory is immutable while `keeper` lives.
    private var view: UnsafeBufferPointer<Element>?
    private var keeper: (any AnyObject & Sendable)?

    init(_ elements: [Element] = []) {
        owned = elements
    }

    /// A view of `count` elements at `base`, valid while `keeper` lives.
    init(viewing base: UnsafeRawPointer, count: Int, keeper: any AnyObject & Sendable) {
        owned = []
        view = UnsafeBufferPointer(start: base.assumingMemoryBound(to: Element.self), count: count)
        self.keeper = keeper
    }

    var count: Int { view?.count ?? owned.count }
    var isEmpty: Bool { count == 0 }
    /// Whether the elements are read in place from memory someone else keeps (not copied).
    var isView: Bool { view != nil }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { if let view { return view[index] } else { return owned[index] } }
        set {
            makeOwned()
            owned[index] = newValue
        }
    }

    @inline(__always)
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        if let view { return try body(view) }
        return try owned.withUnsafeBufferPointer(body)
    }

    /// The raw bytes of the elements, for writing the index out.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
    }

    mutating func append(_ element: Element) {
        makeOwned()
        owned.append(element)
    }

    mutating func insert(_ element: Element, at index: Int) {
        makeOwned()
        owned.insert(element, at: index)
    }

    mutating func reserveCapacity(_ capacity: Int) {
        makeOwned()
        owned.reserveCapacity(capacity)
    }

    var array: [Element] { view.map { Array($0) } ?? owned }

    private mutating func makeOwned() {
        guard let view else { return }
        owned = Array(view)
        self.view = nil
        keeper = nil
    }
}
