import Foundation
import Testing

/// `--session`, `COMPTOIR_SESSION` and `--email` with the real binary: each session its own cart
/// and login, an account acting alone for one command, and mail shown only to its recipient.
@Suite("comptoir sessions", .serialized)
struct SessionCommandTests {
    static let book = "BOK-PHA-001"
    static let other = "BOK-PHA-002"

    func cartLines(_ shopper: Shopper, _ arguments: String..., environment extra: [String: String] = [:]) throws -> [String: Int] {
        let outcome = try ComptoirProcess.run(["cart", "show", "--json"] + arguments, environment: shopper.environment.merging(extra) { $1 })
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = try parseJSON(outcome.stdout)["lines"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: lines.compactMap { line in
            (line["sku"] as? String).map { ($0, line["quantity"] as? Int ?? 0) }
        })
    }

    func register(_ shopper: Shopper, email: String, session: String) throws {
        let outcome = try shopper.run("account", "register", "--name", "Client \(session)", "--email", email, "--session", session,
                                      "--line1", "12 rue des Lilas", "--postal-code", "75011", "--city", "Paris")
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    @Test func eachSessionHasItsOwnCart() throws {
        let shopper = try Shopper()
        #expect(try shopper.run("cart", "add", Self.book, "2", "--session", "a").status == 0)
        #expect(try shopper.run("cart", "add", Self.other, "--session", "b").status == 0)
        #expect(try cartLines(shopper, "--session", "a") == [Self.book: 2])
        #expect(try cartLines(shopper, "--session", "b") == [Self.other: 1])
        #expect(try cartLines(shopper) == [:])
        #expect(try cartLines(shopper, environment: ["COMPTOIR_SESSION": "a"]) == [Self.book: 2])
        let viaEnvironment = try ComptoirProcess.run(["cart", "add", Self.other, "3"],
                                                     environment: shopper.environment.merging(["COMPTOIR_SESSION": "b"]) { $1 })
        #expect(viaEnvironment.status == 0, "\(viaEnvironment.stderr)")
        #expect(try cartLines(shopper, "--session", "b") == [Self.other: 4])
        // The option wins over the variable.
        #expect(try cartLines(shopper, "--session", "a", environment: ["COMPTOIR_SESSION": "b"]) == [Self.book: 2])

        let bad = try shopper.run("cart", "add", Self.book, "--session", "a b")
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("comptoir: --session: "), "\(bad.stderr)")
        #expect(bad.stderr.split(separator: "\n").count == 1)
        let shop = try ComptoirProcess.run(["--session", ""], environment: shopper.environment)
        #expect(shop.status == 64)
        #expect(shop.stderr == "comptoir: --session: the session name is empty: a session name is 1 to 64 letters, digits, '-', '_' or '.'\n",
                "\(shop.stderr)")
        let badVariable = try ComptoirProcess.run(["cart", "show"], environment: shopper.environment.merging(["COMPTOIR_SESSION": "x/y"]) { $1 })
        #expect(badVariable.status == 64)
        #expect(badVariable.stderr.contains("COMPTOIR_SESSION"), "\(badVariable.stderr)")
    }

    @Test func emailActsAsTheAccountWithoutTouchingAnySession() throws {
        let shopper = try Shopper()
        try register(shopper, email: "zoe@example.fr", session: "z")
        #expect(try shopper.run("cart", "add", Self.other, "--session", "guest").status == 0)

        let added = try shopper.run("cart", "add", Self.book, "2", "--email", "zoe@example.fr", "--json")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try cartLines(shopper, "--email", "zoe@example.fr") == [Self.book: 2])
        // The session logged in to the account shares its cart; the others are untouched.
        #expect(try cartLines(shopper, "--session", "z") == [Self.book: 2])
        #expect(try cartLines(shopper) == [:])
        #expect(try cartLines(shopper, "--session", "guest") == [Self.other: 1])
        let nobody = try shopper.run("account", "show", "--json")
        #expect(try parseJSON(nobody.stdout)["logged_in"] as? Bool == false)
        let alone = try shopper.run("account", "show", "--json", "--email", "zoe@example.fr")
        #expect(try parseJSON(alone.stdout)["logged_in"] as? Bool == true)

        var wrong = shopper
        wrong.password = "not-the-password"
        let refused = try wrong.run("cart", "add", Self.book, "--email", "zoe@example.fr")
        #expect(refused.status == 1)
        #expect(refused.stderr == "comptoir: wrong email or password: check both and try again\n", "\(refused.stderr)")
        // A wrong password fails even on the session already logged in to the account (issue 16).
        let relogin = try wrong.run("account", "login", "--email", "zoe@example.fr", "--session", "z")
        #expect(relogin.status == 1, "\(relogin.stdout)")
        #expect(try cartLines(shopper, "--email", "zoe@example.fr") == [Self.book: 2])

        let checkout = try shopper.run("checkout", "--accept-terms", "--cash", "--email", "zoe@example.fr", "--json")
        #expect(checkout.status == 0, "\(checkout.stderr)")
        #expect(try cartLines(shopper, "--session", "z") == [:])
        let orders = try shopper.run("orders", "--json", "--session", "z")
        #expect((try JSONSerialization.jsonObject(with: Data(orders.stdout.utf8)) as? [Any])?.count == 1)

        // Logging out with --email ends every session of the account.
        #expect(try shopper.run("account", "logout", "--email", "zoe@example.fr").status == 0)
        let after = try shopper.run("account", "show", "--json", "--session", "z")
        #expect(try parseJSON(after.stdout)["logged_in"] as? Bool == false)
    }

    @Test func messagesShowOnlyTheAccountsMailByExactAddress() throws {
        let shopper = try Shopper()
        try register(shopper, email: "zoe@example.fr", session: "z")
        try register(shopper, email: "oe@example.fr", session: "o")
        #expect(try shopper.run("cart", "add", Self.book, "--email", "zoe@example.fr").status == 0)
        let checkout = try shopper.run("checkout", "--accept-terms", "--card-number", "4000 0027 6000 3184", "--expiry", "12/34", "--cvc", "123", "--email", "zoe@example.fr")
        #expect(checkout.status == 0, "\(checkout.stderr)")

        func messages(_ arguments: String...) throws -> [[String: Any]] {
            let outcome = try ComptoirProcess.run(["messages", "--json"] + arguments, environment: shopper.environment)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            return try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]] ?? []
        }
        let zoe = try messages("--email", "zoe@example.fr")
        #expect(zoe.contains { $0["kind"] as? String == "3ds-code" && $0["code"] is String })
        #expect(zoe.allSatisfy { ($0["to"] as? String)?.hasSuffix("<zoe@example.fr>") == true })
        for oe in [try messages("--email", "oe@example.fr"), try messages("--session", "o"), try messages("--email", "OE@Example.FR")] {
            #expect(oe.map { $0["kind"] as? String } == ["account-created"])
            #expect(oe.allSatisfy { ($0["to"] as? String)?.hasSuffix("<oe@example.fr>") == true })
            #expect(!oe.contains { $0["kind"] as? String == "3ds-code" })
        }
        let guest = try shopper.run("messages")
        #expect(guest.status == 1)
        #expect(guest.stderr.contains("no customer is logged in"), "\(guest.stderr)")
    }
}
