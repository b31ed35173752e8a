import Foundation
import Testing

@Suite("Scripted purchases", .serialized)
struct ScriptedPurchaseTests {
    @Test("README's scripted purchase runs end to end, leaves no card number behind, and Python reads every message")
    func readmeScriptRuns() throws {
        let shopper = try Shopper()
        let outcome = try runBash(try scriptedPurchaseBlock(), environment: ["COMPTOIR_HOME": shopper.home])
        #expect(outcome.status == 0, "stdout: \(outcome.stdout)\nstderr: \(outcome.stderr)")
        let orders = try ComptoirProcess.run(["orders", "--json"], environment: shopper.environment)
        let list = try JSONSerialization.jsonObject(with: Data(orders.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(list.count == 1)
        #expect(list.first?["payment_state"] as? String == "partially_refunded")
        #expect(list.first?["refunded_minor"] as? Int == 2450)
        #expect(try shopper.messageKinds().contains("refund"))

        try expectNoCardData(shopper, numbers: ["4000002760003184"], securityCode: "123")
    }

    @Test("a 3-D Secure payment given up with 'pay abandon' lets another card pay at once")
    func abandonThenPayAnotherWay() throws {
        let shopper = try Shopper()
        try shopper.register()
        #expect(try shopper.run("cart", "add", "BOK-PHA-001").status == 0)
        #expect(try shopper.run("checkout", "--accept-terms", "--card-number", "4000 0027 6000 3184", "--expiry", "12/34", "--cvc", "123").status == 0)
        let number = "C-\(Calendar.current.component(.year, from: Date()))-000001"
        let busy = try shopper.run("pay", number, "--card-number", "4242424242424242", "--expiry", "12/34", "--cvc", "123")
        #expect(busy.status == 1)
        #expect(busy.stderr.contains("finish it or cancel"), "\(busy.stderr)")
        let abandoned = try shopper.run("pay", "abandon", number)
        #expect(abandoned.status == 0, "\(abandoned.stderr)")
        #expect(try shopper.order(number)["payment_state"] as? String == "canceled")
        let twice = try shopper.run("pay", "abandon", number)
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("no payment under way"), "\(twice.stderr)")
        #expect(try shopper.run("pay", number, "--card-number", "4242424242424242", "--expiry", "12/34", "--cvc", "123").status == 0)
        #expect(try shopper.order(number)["payment_state"] as? String == "paid")
    }

    @Test("a declined card leaves the order unpaid (exit 2); the wallet then pays it")
    func declinedCardThenWallet() throws {
        let shopper = try Shopper()
        try shopper.register()
        #expect(try shopper.run("cart", "add", "BOK-PHA-001").status == 0)
        let declined = try shopper.run("checkout", "--accept-terms", "--card-number", "4000 0000 0000 0002", "--expiry", "12/34", "--cvc", "123")
        #expect(declined.status == 2)
        #expect(declined.stderr.contains("declined"), "\(declined.stderr)")
        let number = "C-\(Calendar.current.component(.year, from: Date()))-000001"
        var order = try shopper.order(number)
        #expect(order["payment_state"] as? String == "failed")
        #expect(try shopper.messageKinds().contains("payment-failed"))

        let approveFirst = try shopper.run("pay", "approve", number)
        #expect(approveFirst.status == 1)
        #expect(try shopper.run("pay", number, "--wallet", "zoe@example.fr").status == 0)
        order = try shopper.order(number)
        #expect(order["payment_state"] as? String == "requires_action")
        let approved = try shopper.run("pay", "approve", number)
        #expect(approved.status == 0, "\(approved.stderr)")
        order = try shopper.order(number)
        #expect(order["payment_state"] as? String == "paid")
        #expect(order["payment_attempts"] as? Int == 2)
        let again = try shopper.run("pay", number, "--cash")
        #expect(again.status == 1)
        #expect(again.stderr.contains("already paid"))
        #expect(try shopper.advance(number, until: "fulfillment_state", is: "delivered"))
        try expectNoCardData(shopper, numbers: ["4000000000000002"], securityCode: "123")
    }

    @Test("cash at an agent: a wrong amount is refused, the right one pays; an unpaid reference expires and releases the stock")
    func cashAtAnAgent() throws {
        let shopper = try Shopper()
        try shopper.register()
        let before = try shopper.json("product", "BOK-PHA-003", "--json")
        #expect(try shopper.run("cart", "add", "BOK-PHA-003", "2").status == 0)
        #expect(try shopper.run("checkout", "--accept-terms", "--cash").status == 0)
        let year = Calendar.current.component(.year, from: Date())
        let first = "C-\(year)-000001"
        let payment = try #require(try shopper.order(first)["payment"] as? [String: Any])
        let reference = try #require(payment["reference"] as? String)
        let total = try #require(try shopper.order(first)["total_minor"] as? Int)
        let wrong = try shopper.run("agent", "pay", reference, "--amount", "1.00")
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("collect exactly"), "\(wrong.stderr)")
        let amount = String(format: "%d.%02d", total / 100, total % 100)
        let paid = try shopper.run("agent", "pay", reference, "--amount", amount)
        #expect(paid.status == 0, "\(paid.stderr)")
        #expect(try shopper.order(first)["payment_state"] as? String == "paid")

        #expect(try shopper.run("cart", "add", "BOK-PHA-003", "1").status == 0)
        #expect(try shopper.run("checkout", "--accept-terms", "--cash").status == 0)
        let second = "C-\(year)-000002"
        let secondReference = try #require((try shopper.order(second)["payment"] as? [String: Any])?["reference"] as? String)
        #expect(try shopper.run("courier", "advance", "--hours", "73").status == 0)
        let expired = try shopper.order(second)
        #expect(expired["state"] as? String == "canceled")
        #expect(expired["cancel_reason"] as? String == "cash_reference_expired")
        let late = try shopper.run("agent", "pay", secondReference, "--amount", "1.00")
        #expect(late.status == 1)
        // Two units shipped with the first order; the second order's unit is back on sale.
        let after = try shopper.json("product", "BOK-PHA-003", "--json")
        #expect(after["available"] as? Int == (before["available"] as? Int ?? 0) - 2)
        #expect(try shopper.messageKinds().contains("order-canceled"))
        let (status, report) = try pythonReadsMaildir(shopper.home + "/mail")
        #expect(status == 0, "\(report)")
    }

    @Test("tracking, support, password change, logout and login with --email work from the command line")
    func afterSales() throws {
        var shopper = try Shopper()
        try shopper.register()
        #expect(try shopper.run("cart", "add", "BOK-PHA-001").status == 0)
        #expect(try shopper.run("checkout", "--accept-terms", "--delivery", "express", "--card-number", "4242424242424242", "--expiry", "12/34", "--cvc", "123").status == 0)
        let number = try #require((try JSONSerialization.jsonObject(with: Data(try shopper.run("orders", "--json").stdout.utf8))
            as? [[String: Any]])?.first?["number"] as? String)
        let notYet = try shopper.run("track", number)
        #expect(notYet.stdout.contains("has not shipped yet"))
        #expect(try shopper.advance(number, until: "fulfillment_state", is: "delivered", hours: 6))
        let track = try shopper.json("track", number, "--json")
        let parcels = try #require(track["parcels"] as? [[String: Any]])
        #expect((parcels.first?["tracking_number"] as? String)?.hasPrefix("PX") == true)
        #expect(parcels.first?["status"] as? String == "delivered")

        let ticket = try shopper.run("support", "open", number, "I want to return it, how?")
        #expect(ticket.status == 0)
        #expect(ticket.stdout.contains("answered"))
        #expect(try shopper.run("support", "reply", "T-0001", "Thanks").stdout.contains("open"))
        #expect(try shopper.run("support", "close", "T-0001").status == 0)
        let closed = try shopper.run("support", "reply", "T-0001", "One more thing")
        #expect(closed.status == 1)
        #expect(closed.stderr.contains("closed"))
        #expect(try shopper.messageKinds().contains("support-answer"))

        let newPassword = "Verveine-et-tilleul-24"
        let changed = try ComptoirProcess.run(["account", "password"], environment: shopper.environment.merging(
            ["COMPTOIR_NEW_PASSWORD": newPassword]) { $1 })
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(try shopper.run("account", "logout").status == 0)
        #expect(try shopper.run("orders").status == 1)
        let old = try shopper.run("orders", "--email", "zoe@example.fr")
        #expect(old.status == 1)
        shopper.password = newPassword
        let orders = try shopper.run("orders", "--email", "zoe@example.fr")
        #expect(orders.status == 0, "\(orders.stderr)")
        #expect(orders.stdout.contains(number))
    }

    /// Whether `bytes` hold the word "cvc" in any case as a word of its own (a label, a JSON key):
    /// not inside a longer run of letters, digits, `+` or `/`, where random base64 (a password
    /// hash, a salt) spells it now and then.
    static func mentionsSecurityCode(_ bytes: Data) -> Bool {
        let text = Array(String(decoding: bytes, as: UTF8.self).lowercased().unicodeScalars)
        func isWordScalar(_ index: Int) -> Bool {
            guard text.indices.contains(index) else { return false }
            let scalar = text[index]
            return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "/"
        }
        guard text.count >= 3 else { return false }
        for start in 0...(text.count - 3) where text[start] == "c" && text[start + 1] == "v" && text[start + 2] == "c" {
            if !isWordScalar(start - 1) && !isWordScalar(start + 3) { return true }
        }
        return false
    }

    func expectNoCardData(_ shopper: Shopper, numbers: [String], securityCode: String) throws {
        for (file, bytes) in try shopper.allFileBytes() {
            for number in numbers {
                let digits = Array(number)
                let groups = stride(from: 0, to: digits.count, by: 4).map { String(digits[$0..<min($0 + 4, digits.count)]) }
                for form in [number, groups.joined(separator: " "), groups.joined(separator: "-")] {
                    #expect(bytes.range(of: Data(form.utf8)) == nil, "\(file) holds the card number")
                }
            }
            // A journaled security code would be a string: its length byte, then the digits.
            #expect(bytes.range(of: Data([UInt8(securityCode.count)] + Array(securityCode.utf8))) == nil, "\(file) holds the security code")
            #expect(!Self.mentionsSecurityCode(bytes), "\(file) mentions a security code")
        }
        let (status, report) = try pythonReadsMaildir(shopper.home + "/mail")
        #expect(status == 0, "\(report)")
    }

    @Test("refusals are one line with exit status 1: terms, login, unknown order, late cancel")
    func refusals() throws {
        let shopper = try Shopper()
        let anonymous = try shopper.run("checkout", "--accept-terms", "--cash")
        #expect(anonymous.status == 1)
        #expect(anonymous.stderr.contains("no customer is logged in"))
        try shopper.register()
        #expect(try shopper.run("cart", "add", "BOK-PHA-001").status == 0)
        let noTerms = try shopper.run("checkout", "--cash")
        #expect(noTerms.status == 1)
        #expect(noTerms.stderr.contains("--accept-terms"))
        #expect(noTerms.stderr.split(separator: "\n").count == 1)
        let badPromo = try shopper.run("checkout", "--accept-terms", "--cash", "--promo", "SUMMER24")
        #expect(badPromo.status == 1)
        #expect(badPromo.stderr.contains("expired"))
        let luhn = try shopper.run("checkout", "--accept-terms", "--card-number", "4242 4242 4242 4241", "--expiry", "12/34", "--cvc", "123")
        #expect(luhn.status == 1)
        #expect(luhn.stderr.contains("check digit"))
        #expect(!luhn.stderr.contains("4241"))
        #expect(try shopper.run("checkout", "--accept-terms", "--card-number", "4000 0027 6000 3184", "--expiry", "12/34", "--cvc", "123").status == 0)
        let number = try #require((try JSONSerialization.jsonObject(with: Data(try shopper.run("orders", "--json").stdout.utf8))
            as? [[String: Any]])?.first?["number"] as? String)
        let code = try #require(try shopper.codes().last)
        let wrongCode = code == "000000" ? "111111" : "000000"
        let first = try shopper.run("pay", "confirm", number, "--code", wrongCode)
        #expect(first.status == 1)
        #expect(first.stderr.contains("2 attempts left"), "\(first.stderr)")
        #expect(try shopper.run("pay", "confirm", number, "--code", wrongCode).status == 1)
        let third = try shopper.run("pay", "confirm", number, "--code", wrongCode)
        #expect(third.status == 2)
        #expect(try shopper.order(number)["payment_state"] as? String == "failed")
        #expect(try shopper.run("order", "show", "C-1999-000009").status == 1)
        #expect(try shopper.run("account", "logout").status == 0)
        var wrong = shopper
        wrong.password = "not-the-password-at-all"
        let login = try wrong.run("account", "login", "--email", "zoe@example.fr")
        #expect(login.status == 1)
        #expect(login.stderr.contains("wrong email or password"))
        let duplicate = try shopper.run("account", "register", "--name", "Zoë", "--email", "zoe@example.fr",
                                        "--line1", "1 rue X", "--postal-code", "75011", "--city", "Paris")
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("already uses"))
    }
}
