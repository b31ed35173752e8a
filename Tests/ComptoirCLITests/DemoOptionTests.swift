import Foundation
import Testing

@Suite("--demo and comptoir demo on the command line")
struct DemoOptionTests {
    @Test func demoWithADataFolderIsRefusedInOneLineWithoutTouchingIt() throws {
        let data = try TemporaryFolder()
        let shop = data.path + "/shop"
        let outcome = try ComptoirProcess.run(["--demo", "--data", shop])
        #expect(outcome.status == 64)
        #expect(outcome.stderr == "comptoir: --demo uses a throw-away shop of its own: leave out --data\n")
        #expect(outcome.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: shop))
    }

    @Test func demoWithoutATerminalIsRefusedAndLeavesNoTemporaryFolder() throws {
        let temporary = try TemporaryFolder()
        let outcome = try ComptoirProcess.run(["--demo"], environment: ["TMPDIR": temporary.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("comptoir: the shop needs a terminal"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    }

    @Test func anUnknownPaceIsABadUsage() throws {
        let outcome = try ComptoirProcess.run(["demo", "--pace", "ludicrous"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("ludicrous"))
    }
}
