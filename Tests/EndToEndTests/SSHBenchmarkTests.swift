import Foundation
import Testing

/// `comptoir-bench ssh` with two customers, in the debug build: not a measurement (timing is the
/// release benchmark's business), a check that the load client really shops and reports.
@Suite struct SSHBenchmarkTests {
    @Test func twoCustomersOpenTheShopTypeAndTheReportSaysSo() throws {
        let output = try ChildProcess.run([
            try BuiltBinary.bench(), "ssh", "--sessions", "2", "--churn", "2", "--json",
            "--comptoir", try BuiltBinary.comptoir(),
        ])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "not JSON: \(output)")
        #expect(report["sessions"] as? Int == 2)
        #expect(report["opened"] as? Int == 2)
        #expect(report["failures"] as? Int == 0)
        #expect(report["screens_drawn"] as? Int == 2)
        // `/`, the two letters of "co", Enter and six moves, for each customer, each timed or counted
        // as not redrawn (on a loaded machine two keys may share one frame); most redrew.
        let keys = try #require(report["keystroke_to_redraw_milliseconds"] as? [String: Any])
        let redrawn = try #require(keys["count"] as? Int)
        let missed = try #require(report["keys_without_redraw"] as? Int)
        #expect(redrawn + missed == 2 * 10)
        #expect(redrawn >= 2 * 10 - 2, "\(missed) keys without a redraw")
        for name in ["handshake_milliseconds", "first_screen_milliseconds", "keystroke_to_redraw_milliseconds"] {
            let figures = try #require(report[name] as? [String: Any], "\(name)")
            let p50 = try #require(figures["p50"] as? Double)
            let p99 = try #require(figures["p99"] as? Double)
            #expect(p50 > 0 && p50 <= p99, "\(name): \(figures)")
        }
        let memory = try #require(report["server_resident_megabytes"] as? [String: Any])
        for stage in ["idle", "after_opening", "after_keys"] {
            #expect((memory[stage] as? Double ?? 0) > 1, "\(stage): \(memory)")
        }
        #expect(report["resident_kilobytes_per_session"] is Double)
        let churn = try #require(report["churn"] as? [String: Any])
        #expect(churn["sessions"] as? Int == 2)
        #expect(churn["closed_on_server"] as? Int == 2)
        #expect(report["server_exit_status"] as? Int == 0)
    }
}
