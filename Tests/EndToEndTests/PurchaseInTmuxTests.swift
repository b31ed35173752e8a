import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The purchase in the real binary at 80×24, each test in a fresh data folder: login, search,
/// checkout, 3-D Secure with the code read off the screen, a declined card, delivery on a fast
/// clock, a return, support, and the self-playing demo.
@Suite(.serialized) struct PurchaseInTmuxTests {
    static let password = "correct-horse-battery-9"

    /// Starts the shop at 80×24 in tmux with `arguments`; the pane's shell prints the exit status.
    static func start(_ arguments: [String], folder: URL) throws -> TmuxSession {
        let binary = try BuiltBinary.comptoir()
        let environment = [
            "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path, "TMPDIR": folder.path,
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        ]
        let script = "\"$0\" \"$@\"; echo \"EXIT=$?\"; read line"
        return try TmuxSession(command: ["sh", "-c", script, binary] + arguments, width: 80, height: 24, environment: environment)
    }

    /// `comptoir ARGS --data DATA` outside the terminal, the password given through the environment.
    @discardableResult
    static func cli(_ arguments: [String], data: String) throws -> String {
        try ChildProcess.run(["COMPTOIR_PASSWORD=\(password)", try BuiltBinary.comptoir()] + arguments + ["--data", data])
    }

    /// Registers Ana through the command line, then logs out, so the terminal has to log in.
    static func registerAna(data: String) throws {
        try cli(["account", "register", "--name", "Ana Lopez", "--email", "ana@example.com", "--line1", "3 rue Mercière",
                 "--postal-code", "69002", "--city", "Lyon"], data: data)
        try cli(["account", "logout"], data: data)
    }

    static func logIn(_ shop: TmuxSession) throws {
        try shop.waitFor("1 Catalogue")
        try shop.press("l")
        try shop.waitFor("Log in")
        try shop.type("ana@example.com")
        try shop.press("Tab")
        try shop.type(password)
        try shop.waitFor("the masked password") { $0.contains("•••••") && !$0.contains(password) }
        try shop.press("Enter")
        try shop.waitFor("Logged in as Ana Lopez")
    }

    /// Searches, adds the first result, and checks out up to the Payment step.
    static func checkOutToPayment(_ shop: TmuxSession, query: String = "moulin") throws {
        try shop.press("/")
        try shop.type(query)
        try shop.waitFor("⌕ \(query)")
        try shop.press("Enter")
        try shop.press("a")
        try shop.waitFor("Cart 1 item")
        try shop.press("c")
        try shop.waitFor("Address › Delivery › Review › Payment › Confirmation")
        try shop.press("Enter")
        try shop.waitFor("Standard delivery")
        try shop.press("Enter")
        try shop.waitFor("I accept the terms of sale")
        try shop.press("Enter")
        try shop.waitFor("Tick 'I accept the terms of sale' to order")
        // The refusal puts the focus on the box.
        try shop.press("Space")
        try shop.waitFor("[x] I accept the terms of sale")
        try shop.press("Enter")
        try shop.waitFor("Card number")
        try shop.press("Tab")
    }

    static func typeCard(_ shop: TmuxSession, _ number: String) throws {
        try shop.type(number)
        try shop.waitFor(String(number.prefix(4)) + " " + String(number.dropFirst(4).prefix(4)))
        try shop.press("Tab")
        try shop.type("1230")
        try shop.press("Tab")
        try shop.type("123")
        try shop.press("Enter")
    }

    /// The six-digit code on the 3-D Secure screen ("Your code: 123456" in the messages part).
    static func code(on screen: String) -> String? {
        guard let range = screen.range(of: "Your code: ") else { return nil }
        let digits = screen[range.upperBound...].prefix { $0.isNumber }
        return digits.count == 6 ? String(digits) : nil
    }

    static func orderNumber(on screen: String) -> String? {
        guard let range = screen.range(of: "Thank you! Order ") else { return nil }
        let number = screen[range.upperBound...].prefix { !$0.isWhitespace }
        return number.isEmpty ? nil : String(number)
    }

    /// Ana registered through the command line, logged in on screen, her cart checked out to Payment.
    static func atPayment(_ body: (TmuxSession) throws -> Void) throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        try Self.registerAna(data: data)
        let shop = try Self.start(["--data", data], folder: folder)
        defer { shop.kill() }
        try Self.logIn(shop)
        try Self.checkOutToPayment(shop)
        try body(shop)
    }

    @Test func aPurchaseWithThreeDSecureReadsTheCodeOffTheScreen() throws {
        try Self.atPayment { shop in
            try Self.typeCard(shop, "4000002760003184")
            let challenge = try shop.waitFor("the code on the 3-D Secure screen") {
                $0.contains("3-D Secure") && $0.contains("Your bank sent a code to your phone") && Self.code(on: $0) != nil
            }
            #expect(challenge.contains("attempts left"))
            #expect(!challenge.contains("4000 0027 6000 3184"))
            try shop.type(try #require(Self.code(on: challenge)))
            try shop.press("Enter")
            // The mailbox is read again after the payment: the count follows the confirmation.
            let confirmed = try shop.waitFor("the confirmation and its messages") {
                Self.orderNumber(on: $0) != nil && $0.contains("Messages (5)")
            }
            let number = try #require(Self.orderNumber(on: confirmed))
            try shop.press("Enter")
            try shop.waitFor("the empty cart") { !$0.contains("Thank you!") && $0.contains("Cart empty") }
            try shop.press("4")
            // Wait for the whole pane: a screen captured mid-redraw may show the number before its states.
            let orders = try shop.waitFor("the order with its states") { $0.contains(number) && $0.contains("paid") }
            #expect(orders.contains("paid"))
            try shop.press("q")
            try shop.waitFor("EXIT=0")
        }
    }

    @Test func aDeclinedCardThenAGoodOne() throws {
        try Self.atPayment { shop in
            try Self.typeCard(shop, "4000000000000002")
            let declined = try shop.waitFor("Declined: ")
            #expect(declined.contains("Card number"))
            #expect(!declined.contains("4000 0000 0000 0002"))
            try shop.press("Tab")
            try Self.typeCard(shop, "4242424242424242")
            let confirmed = try shop.waitFor("the confirmation") { Self.orderNumber(on: $0) != nil }
            let number = try #require(Self.orderNumber(on: confirmed))
            #expect(declined.contains(number))
            try shop.press("Enter")
            try shop.press("4")
            try shop.waitFor(number)
            try shop.press("q")
            try shop.waitFor("EXIT=0")
        }
    }

    @Test func withTheDemoClockTheParcelArrivesAndIsReturnedAndSupportAnswers() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shop = try Self.start(["--demo"], folder: folder)
        defer { shop.kill() }
        let first = try shop.waitFor("the demo shop and its account") {
            $0.contains("1 Catalogue") && $0.contains("DEMO ") && $0.contains("demo@comptoir.shop")
        }
        #expect(first.contains("demo@comptoir.shop"))
        #expect(try Self.demoFolders(in: folder).count == 1)
        try Self.checkOutToPayment(shop)
        // The 3-D Secure card works under the demo clock (DemoScriptTests checks that fast time
        // holds while a code waits; here the code is typed within a tick or two).
        try Self.typeCard(shop, "4000002760003184")
        let challenge = try shop.waitFor("the code on the 3-D Secure screen") { Self.code(on: $0) != nil }
        try shop.type(try #require(Self.code(on: challenge)))
        try shop.press("Enter")
        let confirmed = try shop.waitFor("the confirmation") { Self.orderNumber(on: $0) != nil }
        let number = try #require(Self.orderNumber(on: confirmed))
        try shop.press("Enter")
        try shop.press("4")
        try shop.waitFor(number)
        try shop.press("Enter")
        try shop.waitFor("Order \(number)")
        // 7 200 shop seconds a second: at most five days in transit is about a minute.
        try shop.waitFor("the parcel delivered", timeout: 90) { $0.contains("Delivered on") }
        try shop.press("r")
        try shop.waitFor("Refund:")
        try shop.press("+", "Enter")
        try shop.waitFor("Return label: ")
        try shop.press("Escape")
        try shop.waitFor("Order \(number)")
        try shop.press("s")
        // The topic first: "A return", the second.
        try shop.waitFor("What is it about?")
        try shop.press("j", "Enter")
        try shop.waitFor("About: A return")
        try shop.type("When will my return be refunded?")
        try shop.press("Enter")
        // The answer reads the return as it stands: on its way back, or received and refunded.
        try shop.waitFor("the answer about the return") { $0.contains("Your return of order") }
        try shop.press("Escape", "Escape", "q")
        try shop.waitFor("EXIT=0")
        #expect(try Self.demoFolders(in: folder).isEmpty)
    }

    @Test func theDemoPlaysItselfToTheEndFastAndExitsZero() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        let shop = try Self.start(["demo", "--pace", "fast"], folder: folder)
        defer { shop.kill() }
        try shop.waitFor("the first caption") { $0.contains("Step 1 of 9") }
        // The parcel's journey lasts a few seconds even at the fast pace: the timeline is on screen.
        try shop.waitFor("the parcel step", timeout: 40) { $0.contains("Step 7 of 9: following the parcel") && $0.contains("Tracking") }
        let end = try shop.waitFor("the end of the demo", timeout: 75) { $0.contains("EXIT=") }
        #expect(end.contains("EXIT=0"), "\(end)")
        #expect(end.contains("Demo finished: order "))
        #expect(end.contains(" delivered and returned."))
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(try Self.demoFolders(in: folder).isEmpty)
    }

    @Test func anyKeyPausesTheDemoAndQEndsIt() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shop = try Self.start(["demo", "--pace", "normal"], folder: folder)
        defer { shop.kill() }
        try shop.waitFor("Step 1 of 9")
        try shop.press("x")
        try shop.waitFor("Paused — any key resumes, q ends")
        try shop.press("x")
        try shop.waitFor("the caption again") { $0.contains("Step ") && !$0.contains("Paused") }
        try shop.press("q")
        try shop.waitFor("EXIT=0")
        #expect(try Self.demoFolders(in: folder).isEmpty)
    }

    @Test(arguments: [(["--demo", "--theme", "mono"], SIGTERM), (["demo", "--pace", "slow"], SIGINT), (["--demo"], SIGHUP)])
    func aSignalEndsTheDemoRestoresTheTerminalAndRemovesItsFolder(arguments: [String], signal: Int32) throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shop = try Self.start(arguments, folder: folder)
        defer { shop.kill() }
        try shop.waitFor("DEMO ")
        #expect(try Self.demoFolders(in: folder).count == 1)
        let pid = try #require(try shop.shopPID())
        #expect(Glibc.kill(pid, signal) == 0)
        let screen = try shop.waitFor("EXIT=\(128 + signal)")
        #expect(!screen.contains("DEMO "))
        #expect(try Self.demoFolders(in: folder).isEmpty)
    }

    static func demoFolders(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("comptoir-demo-") }
    }
}
