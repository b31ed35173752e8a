import Foundation
import Testing

/// The reproductions of issue 16 that crashed or hung the program: each now ends with a clear
/// refusal and a non-zero exit (or works), and leaves a data folder every command can open.
@Suite("Limits on the command line")
struct LimitCommandTests {
    /// A refusal: the status wanted, the message on standard error, and no trap (a signal
    /// would show as status 132 or 139 and a "Fatal error" line).
    func expectRefusal(_ outcome: ComptoirProcess.Outcome, status: Int32, saying text: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status == status, "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.contains(text), "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(!outcome.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
    }

    @Test func courierAdvanceIsBoundedAndEveryCommandStillStarts() throws {
        let shopper = try Shopper()
        try shopper.register()
        expectRefusal(try shopper.run("courier", "advance", "--hours", "2562047787516211"), status: 64,
                      saying: "--hours 2562047787516211 is out of range: give 0 to 876600 (100 years)")
        expectRefusal(try shopper.run("courier", "advance", "--hours", "9223372036854775807"), status: 64,
                      saying: "--hours 9223372036854775807 is out of range")
        expectRefusal(try shopper.run("courier", "advance", "--minutes", "9223372036854775807"), status: 64,
                      saying: "--minutes 9223372036854775807 is out of range: give 0 to 52596000 (100 years)")

        // Up to the limit in all, then no further.
        let toLimit = try shopper.run("courier", "advance", "--hours", "876600")
        #expect(toLimit.status == 0, "\(toLimit.stderr)")
        expectRefusal(try shopper.run("courier", "advance", "--hours", "1"), status: 1,
                      saying: "shop time may run at most 876600 hours (100 years) ahead of the clock in all: 1 hours asked, 0 hours left")

        for arguments in [["orders"], ["account", "login", "--email", "zoe@example.fr"], ["cart", "add", "BOK-PHA-001"], ["cart", "show"]] {
            let outcome = try ComptoirProcess.run(arguments, environment: shopper.environment)
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        }
        let checkout = try shopper.run("checkout", "--accept-terms", "--cash")
        #expect(checkout.status == 0, "\(checkout.stderr)")
        #expect(try shopper.run("orders").status == 0)
    }

    @Test(arguments: ["50000000000000000", "92233720368547.75"])
    func anAbsurdImportedPriceIsRefusedAndTheCartStillShows(price: String) throws {
        let data = try TemporaryFolder()
        let file = try data.write("gold.json", "[{\"id\": 1, \"sku\": \"GOLD\", \"title\": \"Gold\", \"price\": \(price), \"stock\": 5}]")
        expectRefusal(try ComptoirProcess.run(["import", file, "--data", data.path]), status: 65,
                      saying: "record 1 (id 1): field 'price' is above the shop's maximum price: expected at most 10000000.00")
        expectRefusal(try ComptoirProcess.run(["cart", "add", "GOLD", "--data", data.path]), status: 1, saying: "no product has SKU 'GOLD'")
        #expect(try ComptoirProcess.run(["cart", "add", "BOK-PHA-001", "--data", data.path]).status == 0)
        #expect(try ComptoirProcess.run(["cart", "show", "--data", data.path]).status == 0)
    }

    @Test func theHighestPricesAddUpToTheTotalLimitAndNoFurther() throws {
        let data = try TemporaryFolder()
        let file = try data.write("car.json", #"[{"id": 1, "sku": "CAR", "title": "Car", "price": 10000000, "stock": 500}]"#)
        #expect(try ComptoirProcess.run(["import", file, "--data", data.path]).status == 0)
        #expect(try ComptoirProcess.run(["cart", "add", "CAR", "100", "--data", data.path]).status == 0)
        expectRefusal(try ComptoirProcess.run(["cart", "add", "CAR", "1", "--data", data.path]), status: 1,
                      saying: "the cart total is too large: one order may come to at most")
        let shown = try ComptoirProcess.run(["cart", "show", "--json", "--data", data.path])
        #expect(try parseJSON(shown.stdout)["total_minor"] as? Int == 100_000_000_000)
    }

    @Test func hugeNumbersOnTheCommandLineAreRefused() throws {
        let data = try TemporaryFolder()
        expectRefusal(try ComptoirProcess.run(["cart", "add", "BOK-PHA-001", "9223372036854775807", "--data", data.path]), status: 1,
                      saying: "quantity 9223372036854775807 is too large: give at most 100000 units")
        expectRefusal(try ComptoirProcess.run(["search", "", "--offset", "9223372036854775807", "--data", data.path]), status: 64,
                      saying: "--offset 9223372036854775807 is out of range: give 0 to 100000000")
        let deepest = try ComptoirProcess.run(["search", "", "--offset", "100000000", "--json", "--data", data.path])
        #expect(deepest.status == 0, "\(deepest.stderr)")
        #expect(try parseJSON(deepest.stdout)["results"] as? [Any] == nil || (try parseJSON(deepest.stdout)["results"] as? [Any])?.isEmpty == true)
        #expect(try ComptoirProcess.run(["cart", "show", "--data", data.path]).status == 0)
    }

    @Test func aQueryOf3856WordsIsRefused() throws {
        let data = try TemporaryFolder()
        let words = Array(repeating: "a", count: 3_856).joined(separator: " ")
        expectRefusal(try ComptoirProcess.run(["search", words, "--data", data.path]), status: 65,
                      saying: "the query has 7711 characters: write at most 1000")
        expectRefusal(try ComptoirProcess.run(["search", String(words.prefix(999)), "--data", data.path]), status: 65,
                      saying: "the query has 500 words: write at most 32")
    }

    @Test func aHostileUserThemeIsSkippedWithAWarning() throws {
        let config = try TemporaryFolder()
        let folder = config.url.appendingPathComponent("comptoir/themes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(("price = " + String(repeating: "[", count: 50_000) + "\n").utf8).write(to: folder.appendingPathComponent("deep.toml"))
        #expect(mkfifo(folder.appendingPathComponent("fifo.toml").path, 0o600) == 0)
        let outcome = try ComptoirProcess.run(["themes"], environment: ["XDG_CONFIG_HOME": config.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("dark"))
        #expect(outcome.stdout.contains("deep.toml:1: key 'price': arrays and tables nest more than 16 deep"))
        #expect(outcome.stdout.contains("fifo.toml: not a regular file"))
    }

    @Test(arguments: [
        (#"{"id": 1, "sku": " ", "title": "Tea", "price": 4.5, "stock": 5}"#, "record 1 (id 1): field 'sku' is blank"),
        (#"{"id": 1, "sku": "TEA\u0007", "title": "Tea", "price": 4.5, "stock": 5}"#,
         "record 1 (id 1): field 'sku' holds the control character U+0007: expected printable characters only"),
        (#"{"id": 1, "title": "Tea", "price": 4.5, "stock": "5"}"#, "record 1 (id 1): field 'stock' is \"5\": expected a whole number"),
        (#"{"id": 1, "title": 123, "price": 4.5, "stock": 5}"#, "record 1 (id 1): field 'title' is \"123\": expected a text"),
        (#"{"id": 1, "title": "Sofa", "price": 450, "stock": 0, "minimumOrderQuantity": 120, "shippingInformation": "Ships in 1-2 weeks"}"#,
         "record 1 (id 1): field 'minimumOrderQuantity' is 120, above the 99 units one backorder may hold"),
    ])
    func importRefusesBadRecordsNamingRecordAndField(record: String, message: String) throws {
        let data = try TemporaryFolder()
        let file = try data.write("bad.json", "[" + record + "]")
        let outcome = try ComptoirProcess.run(["import", file, "--data", data.path])
        expectRefusal(outcome, status: 65, saying: message)
        #expect(!outcome.stderr.contains("\u{07}"))
    }

    @Test func aHundredThousandDigitPriceIsNotEchoed() throws {
        let data = try TemporaryFolder()
        let file = try data.write("long.json", "[{\"id\": 1, \"title\": \"Tea\", \"price\": \(String(repeating: "9", count: 100_000)), \"stock\": 5}]")
        let outcome = try ComptoirProcess.run(["import", file, "--data", data.path])
        expectRefusal(outcome, status: 65, saying: "record 1 (id 1): field 'price' has 100000 digits")
        #expect(outcome.stderr.utf8.count < 300)
    }
}
