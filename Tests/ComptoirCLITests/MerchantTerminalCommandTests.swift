import Foundation
import Testing

/// `comptoir merchant` without a subcommand opens the back office in the terminal: without one it
/// refuses in one line, and its options are checked like any command's.
@Suite struct MerchantTerminalCommandTests {
    @Test func withoutATerminalTheBackOfficeRefusesInOneLineAndTheSubcommandsStillWork() throws {
        let merchant = Merchant(shopper: try Shopper())
        try merchant.open()
        let refused = try ComptoirProcess.run(["merchant", "--email", merchant.email], environment: merchant.environment)
        #expect(refused.status == 2)
        #expect(oneLine(refused) && refused.stderr.contains("needs a terminal"), "\(refused.stderr)")
        #expect(try merchant.run("orders").status == 0, "a subcommand still runs without a terminal")
    }

    @Test func anUnknownOptionIsAUsageError() throws {
        let merchant = Merchant(shopper: try Shopper())
        let outcome = try ComptoirProcess.run(["merchant", "--colour", "red"], environment: merchant.environment)
        #expect(outcome.status == 64)
        #expect(oneLine(outcome) && outcome.stderr.contains("--colour"), "\(outcome.stderr)")
    }

    @Test func aMistypedSubcommandIsNamedWithTheClosestOnes() throws {
        let merchant = Merchant(shopper: try Shopper())
        let outcome = try ComptoirProcess.run(["merchant", "shipp", "C-1"], environment: merchant.environment)
        #expect(outcome.status == 64)
        #expect(oneLine(outcome) && outcome.stderr.contains("'shipp' is not a merchant command: did you mean ship?"), "\(outcome.stderr)")
        let unknown = try ComptoirProcess.run(["merchant", "xyzzy"], environment: merchant.environment)
        #expect(unknown.status == 64)
        #expect(oneLine(unknown) && unknown.stderr.contains("the commands are open, staff"), "\(unknown.stderr)")
    }
}
