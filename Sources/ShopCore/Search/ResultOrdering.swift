import Synchronization

/// The matches of a query as sort keys (criterion in the high 32 bits, catalogue position in the
/// low 32 bits), ordered on demand. Invariant: `keys[..<sortedCount]` is sorted and no key after
/// it is smaller, so a page inside the sorted prefix is read directly and a deeper page only
/// orders the next slice.
final class ResultOrdering: Sendable {
    private struct State {
        var keys: [UInt64]
        var sortedCount: Int
        /// The smallest keys, sorted, found by one read of `keys` without reordering them: the
        /// first page of a large result set is served from here, and `keys` is partitioned (a
        /// second full pass) only when a deeper page is asked for.
        var head: [UInt64] = []
    }

    private let state: Mutex<State>

    init(keys: [UInt64], alreadySorted: Bool) {
        state = Mutex(State(keys: keys, sortedCount: alreadySorted ? keys.count : 0))
    }

    /// Smallest slice ordered at once, so that scrolling down does not select again at every line.
    static let minimumSortedSlice = 256

    func positions(_ range: Range<Int>) -> [Int] {
        state.withLock { state in
            let count = state.keys.count
            if state.sortedCount == 0 && state.head.isEmpty {
                let target = min(count, max(range.upperBound, ResultOrdering.minimumSortedSlice))
                if target < count {
                    state.head = state.keys.withUnsafeBufferPointer { ResultOrdering.smallestSorted(target, of: $0) }
                }
            }
            if state.sortedCount < state.head.count {
                if range.upperBound <= state.head.count { return state.head[range].map { Int($0 & 0xFFFF_FFFF) } }
                ResultOrdering.settleHead(&state)
            }
            if range.upperBound > state.sortedCount { ResultOrdering.extend(&state, to: range.upperBound) }
            return state.keys[range].map { Int($0 & 0xFFFF_FFFF) }
        }
    }

    /// Moves the head's keys to the front of `keys`, in order, and makes them the sorted prefix.
    private static func settleHead(_ state: inout State) {
        let head = state.head
        state.keys.withUnsafeMutableBufferPointer { keys in
            partition(keys, atMost: head[head.count - 1])
            for index in head.indices { keys[index] = head[index] }
        }
        state.sortedCount = head.count
    }

    /// Grows the sorted prefix to at least `end` keys, doubling it to amortize the selection.
    private static func extend(_ state: inout State, to end: Int) {
        let count = state.keys.count
        let start = state.sortedCount
        let target = min(count, max(end, start * 2, start + minimumSortedSlice))
        state.keys.withUnsafeMutableBufferPointer { keys in
            let rest = UnsafeMutableBufferPointer(rebasing: keys[start...])
            if target < count {
                let smallest = smallestSorted(target - start, of: UnsafeBufferPointer(rest))
                partition(rest, atMost: smallest[smallest.count - 1])
            }
            var slice = UnsafeMutableBufferPointer(rebasing: keys[start..<target])
            slice.sort()
        }
        state.sortedCount = target
    }

    /// The `k` smallest keys of `keys`, sorted; `0 < k < keys.count`. Keys are distinct.
    private static func smallestSorted(_ k: Int, of keys: UnsafeBufferPointer<UInt64>) -> [UInt64] {
        // A max-heap of the k smallest keys seen so far.
        var heap = Array(keys[0..<k])
        makeMaxHeap(&heap)
        for index in k..<keys.count where keys[index] < heap[0] {
            heap[0] = keys[index]
            siftDown(&heap, from: 0)
        }
        heap.sort()
        return heap
    }

    /// Moves the keys not above `threshold` to the front of `keys`, in no particular order.
    private static func partition(_ keys: UnsafeMutableBufferPointer<UInt64>, atMost threshold: UInt64) {
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
