import Foundation
import Testing

/// The back office on the command line: a customer's shop and the merchant's commands on one
/// data folder, each command its own process.
struct Merchant {
    let shopper: Shopper
    var email = "owner@comptoir.test"
    var password = "marble kestrel orchard"

    var environment: [String: String] { ["COMPTOIR_HOME": shopper.home, "COMPTOIR_PASSWORD": password] }

    /// `comptoir merchant ARGUMENTS --email STAFF`.
    @discardableResult
    func run(_ arguments: String...) throws -> ComptoirProcess.Outcome {
        try ComptoirProcess.run(["merchant"] + arguments + ["--email", email], environment: environment)
    }

    func json(_ arguments: String...) throws -> Any {
        let outcome = try ComptoirProcess.run(["merchant"] + arguments + ["--email", email, "--json"], environment: environment)
        guard outcome.status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: ["stderr": outcome.stderr]) }
        return try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
    }

    func list(_ arguments: String...) throws -> [[String: Any]] {
        let outcome = try ComptoirProcess.run(["merchant"] + arguments + ["--email", email, "--json"], environment: environment)
        return try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]] ?? []
    }

    /// The shop's first owner, added by whoever can write the data folder.
    func open() throws {
        let outcome = try ComptoirProcess.run(["merchant", "staff", "add", "--email", email, "--name", "Olive Owner"], environment: environment)
        precondition(outcome.status == 0, outcome.stderr)
    }
}

/// One line on standard error, `comptoir: ` and the message.
func oneLine(_ outcome: ComptoirProcess.Outcome) -> Bool {
    outcome.stderr.hasPrefix("comptoir: ") && outcome.stderr.filter { $0 == "\n" }.count == 1
}

@Suite("comptoir merchant")
struct MerchantCommandTests {
    @Test func theFirstOwnerThenStaffAddedByAnOwnerAndEveryActionAudited() throws {
        let shopper = try Shopper()
        let owner = Merchant(shopper: shopper)
        let noStaff = try owner.run("orders")
        #expect(noStaff.status == 1 && oneLine(noStaff))
        #expect(noStaff.stderr.contains("no staff yet"))
        try owner.open()
        let again = try ComptoirProcess.run(["merchant", "staff", "add", "--email", "eve@comptoir.test", "--name", "Eve"], environment: owner.environment)
        #expect(again.status == 64 && again.stderr.contains("give --by OWNER"))
        var env = owner.environment
        env["COMPTOIR_NEW_PASSWORD"] = "quiet harbour lantern"
        let added = try ComptoirProcess.run(["merchant", "staff", "add", "--email", "clerk@comptoir.test", "--name", "Carl", "--by", owner.email], environment: env)
        #expect(added.status == 0, "\(added.stderr)")
        let staff = try owner.list("staff", "list")
        #expect(staff.map { $0["email"] as? String } == ["owner@comptoir.test", "clerk@comptoir.test"])
        #expect(staff.map { $0["role"] as? String } == ["owner", "staff"])
        let clerk = Merchant(shopper: shopper, email: "clerk@comptoir.test", password: "quiet harbour lantern")
        let refused = try clerk.run("settings", "--fulfilment", "manual")
        #expect(refused.status == 1 && oneLine(refused) && refused.stderr.contains("may not change the settings"))
        let wrong = try Merchant(shopper: shopper, password: "not the password").run("orders")
        #expect(wrong.status == 1 && oneLine(wrong))
        let noEmail = try ComptoirProcess.run(["merchant", "orders"], environment: owner.environment)
        #expect(noEmail.status == 64 && noEmail.stderr.contains("give --email STAFF"))
        let audit = try owner.list("audit")
        #expect(audit.map { $0["staff"] as? String } == ["data folder", "owner@comptoir.test"])
        #expect(audit.allSatisfy { $0["at"] is String && $0["action"] is String })
        #expect(try owner.run("staff", "remove", "owner@comptoir.test").stderr.contains("last owner"))
    }

    @Test func aCustomerAccountIsRefusedWithAClearMessage() throws {
        let shopper = try Shopper()
        try shopper.register()
        try Merchant(shopper: shopper).open()
        let customer = Merchant(shopper: shopper, email: "zoe@example.fr", password: shopper.password)
        let refused = try customer.run("orders")
        #expect(refused.status == 1 && oneLine(refused))
        #expect(refused.stderr.contains("'zoe@example.fr' is a customer account, not staff"))
    }

    @Test("a customer orders and writes to support; the back office sees both, ships and replies; the customer sees the tracking and the reply")
    func theCounterFollowsTheCustomer() throws {
        let shopper = try Shopper()
        let owner = Merchant(shopper: shopper)
        try shopper.register()
        try owner.open()
        #expect(try owner.run("settings", "--fulfilment", "manual").stdout.contains("Fulfilment: manual"))
        #expect(try shopper.run("cart", "add", "BOK-PHA-001").status == 0)
        let placed = try shopper.json("checkout", "--accept-terms", "--card-number", "4242424242424242", "--expiry", "12/34", "--cvc", "123", "--json")
        let number = try #require(placed["number"] as? String)
        try shopper.run("courier", "advance", "--hours", "24")
        let toShip = try owner.list("orders", "--state", "to-ship")
        #expect(toShip.map { $0["number"] as? String } == [number])
        #expect(toShip.first?["customer"] as? String == "zoe@example.fr")
        #expect(toShip.first?["queue"] as? String == "to-ship")
        #expect(toShip.first?["total_cents"] is Int)
        #expect(try shopper.run("support", "open", number, "Could you add a gift note?", "--topic", "other").status == 0)
        let waiting = try owner.list("tickets", "--open")
        #expect(waiting.map { $0["id"] as? String } == ["T-0001"])
        #expect(waiting.first?["waiting"] as? Bool == true)
        let reply = try owner.run("reply", "T-0001", "Of course: the note is in the parcel.")
        #expect(reply.status == 0, "\(reply.stderr)")
        #expect(try owner.list("tickets", "--open").isEmpty)
        let shown = try shopper.run("support", "show", "T-0001")
        #expect(shown.stdout.contains("Comptoir: Of course: the note is in the parcel."))
        let mail = try shopper.run("messages", "--json", "--kind", "support-answer")
        #expect(mail.stdout.contains("Of course: the note is in the parcel."))
        let shipped = try owner.run("ship", number, "--carrier", "pelican express")
        #expect(shipped.status == 0, "\(shipped.stderr)")
        let order = try shopper.order(number)
        let tracking = try #require(order["tracking_number"] as? String)
        #expect(shipped.stdout.contains(tracking))
        #expect(try owner.list("orders", "--state", "shipped").map { $0["number"] as? String } == [number])
        let again = try owner.run("ship", number)
        #expect(again.status == 1 && oneLine(again) && again.stderr.contains("already shipped"))
        #expect(try owner.run("close", "T-0001").stdout.contains("Ticket T-0001 is closed."))
        let closed = try owner.run("reply", "T-0001", "More")
        #expect(closed.status == 1 && oneLine(closed))
        let badState = try owner.run("orders", "--state", "lost")
        #expect(badState.status == 64 && badState.stderr.contains("choose unpaid, to-ship"))
    }

    @Test func goodwillRefundsStopAtWhatWasPaid() throws {
        let shopper = try Shopper()
        let owner = Merchant(shopper: shopper)
        try shopper.register()
        try owner.open()
        #expect(try shopper.run("cart", "add", "BOK-PHA-001").status == 0)
        let placed = try shopper.json("checkout", "--accept-terms", "--card-number", "4242424242424242", "--expiry", "12/34", "--cvc", "123", "--json")
        let number = try #require(placed["number"] as? String)
        let refunded = try owner.run("refund", number, "--amount", "1.00", "--reason", "late")
        #expect(refunded.status == 0, "\(refunded.stderr)")
        let tooMuch = try owner.run("refund", number, "--amount", "100000", "--reason", "all")
        #expect(tooMuch.status == 1 && oneLine(tooMuch) && tooMuch.stderr.contains("not yet refunded"))
        let bad = try owner.run("refund", number, "--amount", "abc", "--reason", "x")
        #expect(bad.status == 64 && bad.stderr.contains("is not an amount"))
        #expect(try shopper.order(number)["payment_state"] as? String == "partially_refunded")
    }

    @Test func stockPricesListingsAndThePriceNoticeOfTheCart() throws {
        let shopper = try Shopper()
        let owner = Merchant(shopper: shopper)
        try shopper.register()
        try owner.open()
        #expect(try shopper.run("cart", "add", "BOK-PHA-001").status == 0)
        #expect(try owner.run("price", "BOK-PHA-001", "99.90").status == 0)
        let cart = try shopper.run("cart", "show")
        #expect(cart.stdout.contains("Price changed since you added it: BOK-PHA-001 went up"))
        let cartJSON = try shopper.json("cart", "show", "--json")
        let changes = try #require(cartJSON["price_changes"] as? [[String: Any]])
        #expect(changes.first?["price_minor"] as? Int == 99_90)
        #expect(try owner.run("stock", "BOK-PHA-001", "3").stdout.contains("3 on the shelf"))
        let negative = try owner.run("stock", "BOK-PHA-001", "-2")
        #expect(negative.status == 1 && oneLine(negative) && negative.stderr.contains("below zero"))
        let unknown = try owner.run("price", "NOPE-1", "1")
        #expect(unknown.status == 1 && unknown.stderr.contains("no product has the SKU 'NOPE-1'"))
        #expect(try owner.run("unlist", "BOK-PHA-001").status == 0)
        let search = try shopper.json("search", "BOK-PHA-001", "--json")
        #expect((search["results"] as? [[String: Any]])?.contains { $0["sku"] as? String == "BOK-PHA-001" } == false)
        let add = try shopper.run("cart", "add", "BOK-PHA-001")
        #expect(add.status == 1 && oneLine(add) && add.stderr.contains("no longer on sale"))
        #expect(try owner.run("relist", "BOK-PHA-001").status == 0)
        #expect(try owner.run("relist", "BOK-PHA-001").status == 1)
    }

    @Test func promotionsAreDataTheSeedCodesIncluded() throws {
        let shopper = try Shopper()
        let owner = Merchant(shopper: shopper)
        try shopper.register()
        try owner.open()
        let seeded = try owner.list("promo", "list")
        #expect(seeded.map { $0["code"] as? String } == ["WELCOME10", "FIVEOFF", "SUMMER24"])
        #expect(seeded.first?["percent_basis_points"] as? Int == 1_000)
        #expect(seeded.last?["status"] as? String == "expired")
        #expect(try owner.run("promo", "add", "ONEOFF", "--amount", "1.50", "--once-per-customer").status == 0)
        let both = try owner.run("promo", "add", "BOTH", "--amount", "1", "--percent", "5")
        #expect(both.status == 64 && both.stderr.contains("either --percent P or --amount A"))
        let date = try owner.run("promo", "add", "LATER", "--percent", "5", "--until", "2026-02-30")
        #expect(date.status == 64 && date.stderr.contains("YYYY-MM-DD"))
        #expect(try shopper.run("cart", "add", "BOK-PHA-001").status == 0)
        let placed = try shopper.json("checkout", "--accept-terms", "--promo", "oneoff", "--card-number", "4242424242424242", "--expiry", "12/34", "--cvc", "123", "--json")
        let number = try #require(placed["number"] as? String)
        #expect(try shopper.order(number)["discount_minor"] as? Int == 1_50)
        #expect(try owner.run("promo", "end", "ONEOFF").status == 0)
        #expect(try owner.list("promo", "list").last?["status"] as? String == "ended")
        #expect(try shopper.run("cart", "add", "BOK-PHA-001").status == 0)
        let ended = try shopper.run("checkout", "--accept-terms", "--promo", "ONEOFF", "--card-number", "4242424242424242", "--expiry", "12/34", "--cvc", "123")
        #expect(ended.status == 1 && ended.stderr.contains("has ended"))
    }

    @Test func customersAndTheSalesReport() throws {
        let shopper = try Shopper()
        let owner = Merchant(shopper: shopper)
        #expect(try shopper.run("account", "register", "--name", "Zoë Martin", "--email", "zoe@example.fr", "--line1", "12 rue des Lilas",
                                "--postal-code", "75011", "--city", "Paris", "--marketing-consent").status == 0)
        try owner.open()
        #expect(try shopper.run("cart", "add", "BOK-PHA-001", "2").status == 0)
        let placed = try shopper.json("checkout", "--accept-terms", "--card-number", "4242424242424242", "--expiry", "12/34", "--cvc", "123", "--json")
        let number = try #require(placed["number"] as? String)
        let customers = try owner.list("customers")
        let zoe = try #require(customers.first)
        #expect(zoe["email"] as? String == "zoe@example.fr")
        #expect(zoe["orders"] as? Int == 1)
        #expect(zoe["total_spent_cents"] as? Int == zoe["average_basket_cents"] as? Int)
        #expect(zoe["marketing_consent"] as? Bool == true)
        #expect(zoe["open_tickets"] as? Int == 0)
        let one = try #require(try owner.json("customer", "ZOE@example.fr") as? [String: Any])
        #expect((one["order_history"] as? [[String: Any]])?.first?["number"] as? String == number)
        let unknown = try owner.run("customer", "nobody@example.fr")
        #expect(unknown.status == 1 && oneLine(unknown))
        let report = try #require(try owner.json("report") as? [String: Any])
        #expect(report["orders"] as? Int == 1)
        #expect(report["revenue_cents"] as? Int == zoe["total_spent_cents"] as? Int)
        #expect((report["revenue_without_vat_cents"] as? Int ?? 0) + (report["vat_cents"] as? Int ?? 0) == report["revenue_cents"] as? Int)
        #expect((report["top_products"] as? [[String: Any]])?.first?["quantity"] as? Int == 2)
        #expect((report["days"] as? [[String: Any]])?.count == 1)
        let empty = try #require(try owner.json("report", "--from", "2000-01-01", "--to", "2000-01-31") as? [String: Any])
        #expect(empty["orders"] as? Int == 0)
        let backwards = try owner.run("report", "--from", "2026-02-01", "--to", "2026-01-01")
        #expect(backwards.status == 64 && oneLine(backwards))
    }
}
