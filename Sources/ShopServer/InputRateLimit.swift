/// At most `bytesPerSecond` bytes of input a second, counted in one-second windows; the rest is
/// dropped (a paste of megabytes, or a flood, costs the server nothing beyond the cap).
struct InputRateLimit {
    let bytesPerSecond: Int
    private var windowStart: UInt64 = 0
    private var used = 0

    init(bytesPerSecond: Int) {
        self.bytesPerSecond = bytesPerSecond
    }

    /// How many of `count` bytes arriving at `nanoseconds` (monotonic) may pass.
    mutating func admit(_ count: Int, at nanoseconds: UInt64) -> Int {
        if nanoseconds &- windowStart >= 1_000_000_000 {
            windowStart = nanoseconds
            used = 0
        }
        let allowed = max(0, min(count, bytesPerSecond - used))
        used += allowed
        return allowed
    }
}
