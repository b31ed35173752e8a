/// Durations of repeated operations, summarized as people read benchmarks: median and 99th percentile.
struct LatencySamples {
    private(set) var milliseconds: [Double] = []

    mutating func record(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        milliseconds.append(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }

    /// Runs `body`, records how long it took and returns its result.
    mutating func measure<T>(_ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        record(clock.now - start)
        return result
    }

    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }

    /// The nearest-rank percentile.
    func percentile(_ p: Double) -> Double {
        guard !milliseconds.isEmpty else { return 0 }
        let sorted = milliseconds.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}
