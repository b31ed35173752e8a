import Foundation
import Testing

/// The back office and a customer's shop in two terminals on one data folder: the customer orders,
/// pays and writes to support; the back office sees both come in without a restart, ships the order
/// with a key and replies; the customer's shop then shows the tracking number and the reply.
@Suite(.serialized) struct BackOfficeInTmuxTests {
    static let ownerPassword = "marble kestrel orchard"

    /// `comptoir ARGS --data DATA` as the owner (the password through the environment).
    @discardableResult
    static func merchant(_ arguments: [String], data: String) throws -> String {
        try ChildProcess.run(["COMPTOIR_PASSWORD=\(ownerPassword)", try BuiltBinary.comptoir(), "merchant"] + arguments + ["--data", data])
    }

    /// The back office at 80×24 in tmux, logged in as the owner with --email and COMPTOIR_PASSWORD.
    static func openBackOffice(data: String, folder: URL, arguments: [String] = ["--email", "owner@example.com"]) throws -> TmuxSession {
        let script = "\"$0\" \"$@\"; echo \"EXIT=$?\"; read line"
        return try TmuxSession(command: ["sh", "-c", script, try BuiltBinary.comptoir(), "merchant", "--data", data] + arguments,
                               width: 80, height: 24,
                               environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path, "LANG": "C.UTF-8",
                                             "LC_ALL": "C.UTF-8", "COMPTOIR_PASSWORD": ownerPassword])
    }

    /// The tracking number the status line gives once an order is shipped.
    static func trackingNumber(on screen: String) -> String? {
        guard let range = screen.range(of: "tracking number ") else { return nil }
        let number = screen[range.upperBound...].prefix { $0.isLetter || $0.isNumber }
        return number.count >= 8 ? String(number) : nil
    }

    @Test func theBackOfficeSeesAnOrderAndAQuestionComeInShipsAndRepliesAndTheCustomerSeesBoth() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        try Self.merchant(["staff", "add", "--email", "owner@example.com", "--name", "Olive Owner"], data: data)
        try Self.merchant(["settings", "--fulfilment", "manual", "--email", "owner@example.com"], data: data)
        try PurchaseInTmuxTests.registerAna(data: data)

        let office = try Self.openBackOffice(data: data, folder: folder)
        defer { office.kill() }
        try office.waitFor("the owner logged in", timeout: 20) { $0.contains("Logged in as Olive Owner") && $0.contains("To ship 0") }

        // The customer orders and pays in the other terminal; the order comes into "To ship".
        let shop = try PurchaseInTmuxTests.start(["--data", data], folder: folder)
        defer { shop.kill() }
        try PurchaseInTmuxTests.logIn(shop)
        try PurchaseInTmuxTests.checkOutToPayment(shop)
        try PurchaseInTmuxTests.typeCard(shop, "4242424242424242")
        let confirmed = try shop.waitFor("the confirmation") { PurchaseInTmuxTests.orderNumber(on: $0) != nil }
        let number = try #require(PurchaseInTmuxTests.orderNumber(on: confirmed))
        try office.waitFor("the order, live", timeout: LiveScreenInTmuxTests.followTimeout) {
            $0.contains("To ship 1") && $0.contains(number) && $0.contains("ana@example.com")
        }

        // The customer writes to support from the order screen; the inbox counts it at once.
        try shop.press("Enter")
        try shop.press("4")
        try shop.waitFor(number)
        try shop.press("Enter")
        try shop.waitFor("Order \(number)")
        try shop.press("s")
        // No rule answers a gift note: "Something else", the last topic, goes to a person.
        try shop.waitFor("What is it about?")
        try shop.press("j", "j", "j", "j", "Enter")
        try shop.waitFor("About: Something else")
        try shop.type("Could you add a gift note to my parcel?")
        try shop.press("Enter")
        try shop.waitFor("Message sent to the shop")
        try office.waitFor("the question, live and waiting for a person", timeout: LiveScreenInTmuxTests.followTimeout) {
            $0.contains("2 Support (1 new, 1 open)")
        }

        // s ships the selected order; the status line gives its tracking number.
        try office.press("s")
        try office.waitFor("Ship order \(number)")
        try office.press("Enter")
        let shipped = try office.waitFor("the shipment") { Self.trackingNumber(on: $0) != nil }
        let tracking = try #require(Self.trackingNumber(on: shipped))
        #expect(shipped.contains("To ship 0"))

        // The thread, read and answered.
        try office.press("2")
        try office.waitFor("the thread in the inbox") { $0.contains("● T-0001") && $0.contains(number) }
        try office.press("Enter")
        try office.waitFor("Could you add a gift note to my parcel?")
        try office.press("r")
        try office.type("A handwritten note is in the parcel. Olive")
        try office.press("Enter")
        try office.waitFor("Reply sent to thread")
        try office.waitFor("the thread read and answered") { $0.contains("· answered") && !$0.contains("(1 new") }

        // The customer's shop, still open on the thread, shows the reply; the order screen under it the tracking number.
        try shop.waitFor("the merchant's reply", timeout: LiveScreenInTmuxTests.followTimeout) { $0.contains("A handwritten note is in the parcel.") }
        try shop.press("Escape")
        try shop.waitFor("the tracking number") { $0.contains("Order \(number)") && $0.contains(tracking) }

        try office.press("Escape", "q")
        try office.waitFor("EXIT=0")
    }

    @Test func aCustomerAccountIsRefusedOnTheLoginFormAndEscQuits() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        try Self.merchant(["staff", "add", "--email", "owner@example.com", "--name", "Olive Owner"], data: data)
        try PurchaseInTmuxTests.registerAna(data: data)
        let office = try Self.openBackOffice(data: data, folder: folder, arguments: [])
        defer { office.kill() }
        try office.waitFor("Back office · staff login")
        try office.type("ana@example.com")
        try office.press("Tab")
        try office.type(PurchaseInTmuxTests.password)
        try office.waitFor("the masked password") { $0.contains("•••••") && !$0.contains(PurchaseInTmuxTests.password) }
        try office.press("Enter")
        try office.waitFor("is a customer account, not staff")
        try office.press("Escape")
        try office.waitFor("EXIT=0")
    }
}
