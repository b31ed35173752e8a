import ArgumentParser
import Glibc

/// Durations of repeated operations, summarized as people read benchmarks: median and 99th percentile.
struct LatencySamples {
    /// What a duration counts: elapsed time, or CPU time of the measuring thread, which other
    /// processes competing for the cores do not inflate.
    enum Clock: String, ExpressibleByArgument {
        case wall
        case cpu
    }

    let clock: Clock
    private(set) var milliseconds: [Double] = []

    init(clock: Clock) { self.clock = clock }

    /// Runs `body`, records how long it took and returns its result.
    mutating func measure<T>(_ body: () throws -> T) rethrows -> T {
        let start = now()
        let result = try body()
        milliseconds.append(now() - start)
        return result
    }

    /// The chosen clock, in milliseconds.
    private func now() -> Double {
        var time = timespec()
        clock_gettime(clock == .cpu ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }

    /// Records a duration measured elsewhere.
    mutating func record(_ milliseconds: Double) {
        self.milliseconds.append(milliseconds)
    }

    /// The monotonic wall clock in milliseconds, for durations that span threads.
    static func wallMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }

    mutating func append(_ other: LatencySamples) {
        milliseconds += other.milliseconds
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
