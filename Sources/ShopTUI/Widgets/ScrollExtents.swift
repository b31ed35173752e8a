import Synchronization

/// How far each scrolled screen could scroll when it was last drawn, written by the views as they
/// clamp their scroll (the one thing a view writes): `update` keeps a scroll key within it and
/// never builds a document to measure it. A screen not drawn yet has no extent; its scroll only
/// stops at 0 until it is drawn, and drawing clamps it anyway. Copies of a state share it, as
/// they share the screen it describes.
public final class ScrollExtents: Sendable {
    private let extents = Mutex<[String: Int]>([:])

    public init() {}

    /// Records that the screen `id` could scroll `maxScroll` lines as drawn.
    public func record(_ id: String, maxScroll: Int) {
        extents.withLock { $0[id] = max(0, maxScroll) }
    }

    public func maxScroll(_ id: String) -> Int? { extents.withLock { $0[id] } }

    /// `offset` moved by `delta` (saturating), within 0 and how far `id` could scroll when last drawn.
    public func scroll(_ offset: Int, by delta: Int, id: String) -> Int {
        let (sum, overflow) = offset.addingReportingOverflow(delta)
        let moved = max(0, overflow ? (delta > 0 ? Int.max : 0) : sum)
        return maxScroll(id).map { min(moved, $0) } ?? moved
    }
}
