import Synchronization

/// The matches of a query as sort keys (criterion in the high 32 bits, catalogue position in the
/// low 32 bits), ordered on demand. Invariant: `keys[..<sortedCount]` is sorted and no key after
/// it is smaller, so a page inside the sorted prefix is read directly and a deeper page only
/// orders the next slice.
final class ResultOrdering: Sendable {
    private struct State {
        var keys: [UInt64]
        var sortedCount: Int
    }

    private let state: Mutex<State>

    init(keys: [UInt64], alreadySorted: Bool) {
        state = Mutex(State(keys: keys, sortedCount: alreadySorted ? keys.count : 0))
    }

    /// Smallest slice ordered at once, so that scrolling down does not select again at every line.
    static let minimumSortedSlice = 256

    func positions(_ range: Range<Int>) -> [Int] {
        state.withLock { state in
            if range.upperBound > state.sortedCount { ResultOrdering.extend(&state, to: range.upperBound) }
            return state.keys[range].map { Int($0 & 0xFFFF_FFFF) }
        }
    }

    /// Grows the sorted prefix to at least `end` keys, doubling it to amortize the selection.
    private static func extend(_ state: inout State, to end: Int) {
        let count = state.keys.count
        let start = state.sortedCount
        let target = min(count, max(end, start * 2, start + minimumSortedSlice))
        state.keys.withUnsafeMutableBufferPointer { keys in
            if target < count {
                selectSmallest(target - start, in: UnsafeMutableBufferPointer(rebasing: keys[start...]))
            }
            var slice = UnsafeMutableBufferPointer(rebasing: keys[start..<target])
            slice.sort()
        }
        state.sortedCount = target
    }

    /// Moves the `k` smallest keys of `keys` to its front, in no particular order. Keys are distinct.
    private static func selectSmallest(_ k: Int, in keys: UnsafeMutableBufferPointer<UInt64>) {
        guard k > 0, k < keys.count else { return }
        // A max-heap of the k smallest keys seen so far gives the k-th smallest key.
        var heap = Array(keys[0..<k])
        makeMaxHeap(&heap)
        for index in k..<keys.count where keys[index] < heap[0] {
            heap[0] = keys[index]
            siftDown(&heap, from: 0)
        }
        let threshold = heap[0]
        var front = 0
        for index in 0..<keys.count where keys[index] <= threshold {
            keys.swapAt(front, index)
            front += 1
        }
    }

    private static func makeMaxHeap(_ heap: inout [UInt64]) {
        var index = heap.count / 2
        while index > 0 {
            index -= 1
            siftDown(&heap, from: index)
        }
    }

    private static func siftDown(_ heap: inout [UInt64], from start: Int) {
        var parent = start
        let count = heap.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { return }
            var largest = left
            let right = left + 1
            if right < count && heap[right] > heap[left] { largest = right }
            guard heap[largest] > heap[parent] else { return }
            heap.swapAt(parent, largest)
            parent = largest
        }
    }
}
