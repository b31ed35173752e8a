import Foundation

/// Median, 99th percentile and maximum of some durations in milliseconds.
struct Percentiles: Codable {
    var count: Int
    var p50: Double
    var p99: Double
    var max: Double

    init(_ milliseconds: [Double]) {
        var samples = LatencySamples(clock: .wall)
        for value in milliseconds { samples.record(value) }
        count = milliseconds.count
        p50 = Self.rounded(samples.median)
        p99 = Self.rounded(samples.p99)
        max = Self.rounded(milliseconds.max() ?? 0)
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}

/// The server's resident memory (VmRSS) at each stage, in megabytes.
struct ServerMemory: Codable {
    var idle: Double = 0
    var afterOpening: Double = 0
    var afterKeys: Double = 0
}

/// Sessions opened and dropped after the measurement, and what they left in the server.
struct SSHChurnResults: Codable {
    var sessions: Int
    /// Of those, the connections the server logged as closed (all, unless it fell behind).
    var closedOnServer: Int
    var residentMegabytesAfter: Double
    var residentKilobytesPerEndedSession: Double
}

/// What `comptoir-bench ssh` measured (printed as a table, or as JSON with snake_case keys).
struct SSHBenchmarkResults: Codable {
    var sessions: Int
    /// Synthetic products served; nil: the demo catalogue.
    var products: Int?
    var width: Int
    var height: Int
    var thinkMilliseconds: Int
    /// Customers who typed; the others stayed connected and idle.
    var typists = 0
    var opened = 0
    var failures = 0
    /// Sessions whose first screen (the shop's header) arrived.
    var screensDrawn = 0
    var handshakeMilliseconds = Percentiles([])
    var firstScreenMilliseconds = Percentiles([])
    var keystrokeToRedrawMilliseconds = Percentiles([])
    /// Keys after which nothing came back within 10 s.
    var keysWithoutRedraw = 0
    var serverCPUSecondsDuringKeys = 0.0
    var serverResidentMegabytes = ServerMemory()
    /// (memory after the keys − idle) / sessions opened.
    var residentKilobytesPerSession = 0.0
    var churn: SSHChurnResults?
    var serverExitStatus: Int32 = 0

    init(sessions: Int, products: Int?, width: Int, height: Int, thinkMilliseconds: Int) {
        self.sessions = sessions
        self.products = products
        self.width = width
        self.height = height
        self.thinkMilliseconds = thinkMilliseconds
    }

    var table: String {
        func ms(_ value: Percentiles) -> String { "p50 \(format(value.p50)) ms, p99 \(format(value.p99)) ms, max \(format(value.max)) ms" }
        func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
        let memory = serverResidentMegabytes
        var lines = [
            "comptoir serve, \(sessions) SSH customers at \(width)x\(height) over loopback, "
                + (products.map { "\($0) synthetic products" } ?? "the demo catalogue") + ", \(typists) typing, think time up to \(2 * thinkMilliseconds) ms",
            "  opened \(opened), failed \(failures), first screen drawn in \(screensDrawn)",
            "  handshake (connect → session channel open): \(ms(handshakeMilliseconds))",
            "  first screen (connect → shop drawn):        \(ms(firstScreenMilliseconds))",
            "  keystroke → first byte of the redraw:      \(ms(keystrokeToRedrawMilliseconds)) over \(keystrokeToRedrawMilliseconds.count) keys"
                + (keysWithoutRedraw > 0 ? ", \(keysWithoutRedraw) keys without a redraw" : ""),
            "  server CPU during the keys: \(format(serverCPUSecondsDuringKeys, 2)) s",
            "  server resident: idle \(format(memory.idle)) MB, \(opened) sessions open \(format(memory.afterOpening)) MB, "
                + "after the keys \(format(memory.afterKeys)) MB",
            "  memory per added session: \(format(residentKilobytesPerSession, 0)) KB",
        ]
        if let churn {
            lines.append("  \(churn.sessions) more sessions opened and dropped: resident \(format(churn.residentMegabytesAfter)) MB, "
                + "\(format(churn.residentKilobytesPerEndedSession, 0)) KB left per ended session")
        }
        return lines.joined(separator: "\n")
    }
}
