import Foundation
import Testing

/// Issue 14: the order screen at 80×24 after a refunded return, in the real binary: the return
/// parcel with the amount actually refunded, local times without "UTC", and `x` saying what is left.
@Suite(.serialized) struct OrderScreenInTmuxTests {
    @discardableResult
    func cli(_ arguments: [String], data: String) throws -> String {
        try PurchaseInTmuxTests.cli(arguments, data: data)
    }

    @Test func theOrderScreenAfterARefundedReturn() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("shop").path
        try cli(["account", "register", "--name", "Ana Lopez", "--email", "ana@example.com", "--line1", "3 rue Mercière",
                 "--postal-code", "69002", "--city", "Lyon"], data: data)
        try cli(["cart", "add", "BOK-PHA-001"], data: data)
        let placed = try cli(["checkout", "--accept-terms", "--card-number", "4242424242424242", "--expiry", "12/34", "--cvc", "123"], data: data)
        let word = try #require(placed.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("C-") })
        let number = String(word.filter { $0.isLetter || $0.isNumber || $0 == "-" })
        var shown = try cli(["order", "show", number, "--json"], data: data)
        for _ in 0..<30 where !shown.contains("\"fulfillment_state\": \"delivered\"") {
            try cli(["courier", "advance", "--hours", "12"], data: data)
            shown = try cli(["order", "show", number, "--json"], data: data)
        }
        try cli(["return", number], data: data)
        for _ in 0..<30 where !shown.contains("\"fulfillment_state\": \"returned\"") {
            try cli(["courier", "advance", "--hours", "12"], data: data)
            shown = try cli(["order", "show", number, "--json"], data: data)
        }
        #expect(shown.contains("\"payment_state\": \"refunded\""))
        let text = try cli(["order", "show", number], data: data)
        #expect(text.contains("refunded €25.90"), "order show lists the return parcel and its refund")
        #expect(!text.contains("UTC"))

        let shop = try PurchaseInTmuxTests.start(["--data", data], folder: folder)
        defer { shop.kill() }
        try shop.waitFor("Logged in as Ana Lopez")
        try shop.press("4")
        try shop.waitFor("the states abbreviated as a set, not cut") { $0.contains("done·refunded·returned") || $0.contains("done · refunded · returned") }
        try shop.press("Enter")
        let top = try shop.waitFor("Order \(number)")
        #expect(top.contains("Payment: Visa •••• 4242 · refunded"))
        #expect(!top.contains("UTC"))
        try shop.press("PgDn")
        let returns = try shop.waitFor("the return with its refund") { $0.contains("Return 1 · Return label:") && $0.contains("refunded €25.90") }
        #expect(!returns.contains("refund €0.00"))
        #expect(returns.contains("received on"))
        try shop.press("x")
        try shop.waitFor("was returned and refunded: nothing is left to cancel")
    }

    /// Issue 14 items 5 and 6: a relay order placed from the command line with the point chosen
    /// shows that point on the order screen; writing to support first picks the topic, and the
    /// automatic answer follows it.
    @Test func theChosenRelayPointAndTheSupportTopicPicker() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("shop").path
        try cli(["account", "register", "--name", "Ana Lopez", "--email", "ana@example.com", "--line1", "3 rue Mercière",
                 "--postal-code", "69002", "--city", "Lyon"], data: data)
        let points = try cli(["relay-points", "69002"], data: data)
        #expect(points.contains("RP-69001") && points.contains("Épicerie des Halles"))
        try cli(["cart", "add", "BOK-PHA-001"], data: data)
        let placed = try cli(["checkout", "--accept-terms", "--delivery", "relay", "--relay-point", "RP-69001",
                              "--card-number", "4242424242424242", "--expiry", "12/34", "--cvc", "123"], data: data)
        let word = try #require(placed.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("C-") })
        let number = String(word.filter { $0.isLetter || $0.isNumber || $0 == "-" })

        let shop = try PurchaseInTmuxTests.start(["--data", data], folder: folder)
        defer { shop.kill() }
        try shop.waitFor("Logged in as Ana Lopez")
        try shop.press("4")
        try shop.waitFor(number)
        try shop.press("Enter")
        try shop.waitFor("the chosen relay point") { $0.contains("Order \(number)") && $0.contains("Collect at Épicerie des Halles") }
        try shop.press("s")
        try shop.waitFor("What is it about?")
        try shop.type("x")
        try shop.waitFor("Pick what it is about first")
        try shop.press("j", "j")
        try shop.press("Enter")
        try shop.waitFor("About: A refund")
        try shop.type("When do I get my money back?")
        try shop.press("Enter")
        let answered = try shop.waitFor("the refund answer") { $0.contains("nothing has been refunded; you paid") }
        #expect(answered.contains("When do I get my money back?"))
        #expect(!answered.contains("What is it about?"), "a reply asks no topic")
    }
}
