import Foundation
import Testing

/// The purchase in a real terminal at 80×24: register from the checkout, go through the steps,
/// pay with the 3-D Secure test card, reading the code from the screen as a customer would.
@Suite(.serialized) struct CheckoutInTmuxTests {
    @Test func registerCheckOutAndPayWithThreeDSecure() throws {
        let (shop, folder) = try ShopInTmuxTests.start(width: 80, height: 24)
        defer {
            shop.kill()
            try? FileManager.default.removeItem(at: folder)
        }
        try shop.waitFor("1 Catalogue")
        try shop.press("a")
        try shop.waitFor("Cart 1 item")
        try shop.press("c")
        try shop.waitFor("Log in or create an account to check out")
        try shop.press("Tab", "Tab", "Tab", "Enter")
        try shop.waitFor("Create an account")
        for (text, tabs) in [("Zoe Muller", 1), ("zoe@example.fr", 1), ("quiet harbour window", 1), ("8 quai des Brotteaux", 2),
                             ("69006", 1), ("Lyon", 1)] {
            try shop.type(text)
            for _ in 0..<tabs { try shop.press("Tab") }
        }
        try shop.press("Enter")
        try shop.waitFor("Logged in as Zoe Muller")
        try shop.waitFor("Where should the parcel go?")
        try shop.press("Enter")
        try shop.waitFor("Pickup at a relay point")
        try shop.press("Enter")
        try shop.waitFor("[ Order with obligation to pay ]")
        try shop.press("Enter")
        try shop.waitFor("Tick 'I accept the terms of sale' to order")
        try shop.press("Space", "Enter")
        try shop.waitFor("Cash at an agent")
        try shop.press("Tab")
        try shop.type("4000002760003184")
        try shop.press("Tab")
        try shop.type("1230")
        try shop.press("Tab")
        try shop.type("123")
        try shop.waitFor("4000 0027 6000 3184")
        try shop.press("Enter")
        let challenge = try shop.waitFor("the bank's code") { $0.contains("3 attempts left") && $0.contains("Your code: ") }
        #expect(!challenge.contains("4000 0027 6000 3184"))
        let code = try #require(challenge.firstMatch(of: /Your code: (\d{6})/)?.1)
        try shop.type(String(code))
        try shop.press("Enter")
        let confirmed = try shop.waitFor("the confirmation") { $0.contains("Thank you! Order C-") && $0.contains("is confirmed") }
        #expect(confirmed.contains("Visa •••• 3184"))
        try shop.press("Enter")
        try shop.waitFor("Cart empty")
        try shop.press("q")
        try shop.waitFor("comptoir exited with 0")
    }
}
