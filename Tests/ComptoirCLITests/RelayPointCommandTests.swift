import Foundation
import Testing

/// `relay-points` lists the relay points near a postal code with their IDs; `checkout
/// --relay-point ID` sends a relay order there, shown by `order show`, `--json` and the mails; an
/// unknown ID is refused naming the nearby ones.
@Suite("Relay point from the command line")
struct RelayPointCommandTests {
    @Test("relay-points lists the nearest first with IDs, address and hours; a bad postal code is refused")
    func listing() throws {
        let shopper = try Shopper()
        let text = try shopper.run("relay-points", "75011")
        #expect(text.status == 0, "\(text.stderr)")
        let rows = text.stdout.split(separator: "\n")
        #expect(rows.count == 5, "\(text.stdout)")
        #expect(rows[1].contains("RP-75011") && rows[1].contains("Relais Popincourt") && rows[1].contains("71 rue de la Folie-Méricourt, 75011 Paris")
                && rows[1].contains("Mon–Sat 09:00–19:30"), "\(rows[1])")
        let json = try shopper.run("relay-points", "75011", "--json")
        let points = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(points.map { $0["rank"] as? Int } == [1, 2, 3, 4])
        #expect(points.first?["id"] as? String == "RP-75011")
        #expect(points.first?["opening_hours"] as? String == "Mon–Sat 09:00–19:30")
        let all = try shopper.run("relay-points")
        #expect(all.status == 0 && all.stdout.contains("RP-59000") && all.stdout.contains("RP-13002"))
        let bad = try shopper.run("relay-points", "Paris")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("'Paris' is not a postal code"), "\(bad.stderr)")
    }

    @Test("checkout --relay-point sends the parcel to the chosen point; an unknown ID names the nearby ones")
    func chosenAtCheckout() throws {
        let shopper = try Shopper()
        try shopper.register()
        #expect(try shopper.run("cart", "add", "BOK-PHA-001").status == 0)
        let card = ["--card-number", "4242 4242 4242 4242", "--expiry", "12/34", "--cvc", "123"]

        let unknown = try ComptoirProcess.run(["checkout", "--accept-terms", "--delivery", "relay", "--relay-point", "RP-00000"] + card,
                                              environment: shopper.environment)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no relay point has the ID 'RP-00000'"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("RP-75011 (Relais Popincourt") && unknown.stderr.contains("RP-75010"), "\(unknown.stderr)")
        #expect(!unknown.stderr.contains("\n") || unknown.stderr.split(separator: "\n").count == 1)
        let homeWithPoint = try ComptoirProcess.run(["checkout", "--accept-terms", "--relay-point", "RP-75010"] + card,
                                                    environment: shopper.environment)
        #expect(homeWithPoint.status == 64)
        #expect(homeWithPoint.stderr.contains("--delivery relay"), "\(homeWithPoint.stderr)")
        #expect(try shopper.run("orders").stdout.contains("C-") == false)

        let placed = try ComptoirProcess.run(["checkout", "--accept-terms", "--delivery", "relay", "--relay-point", "rp-75010"] + card,
                                             environment: shopper.environment)
        #expect(placed.status == 0, "\(placed.stderr)")
        #expect(placed.stdout.contains("at Librairie du Canal, 19 quai de Valmy, 75010 Paris (Tue–Sat 10:00–19:00), relay point RP-75010"),
                "\(placed.stdout)")
        let number = "C-\(Calendar.current.component(.year, from: Date()))-000001"
        let order = try shopper.order(number)
        let point = order["relay_point"] as? [String: Any]
        #expect(point?["id"] as? String == "RP-75010")
        #expect(point?["name"] as? String == "Librairie du Canal")
        #expect(point?["street"] as? String == "19 quai de Valmy")
        let mails = try shopper.run("messages", "--json")
        let list = try JSONSerialization.jsonObject(with: Data(mails.stdout.utf8)) as? [[String: Any]] ?? []
        for kind in ["order-received", "order-confirmation"] {
            let body = list.first { $0["kind"] as? String == kind }?["body"] as? String ?? ""
            #expect(body.contains("Librairie du Canal, 19 quai de Valmy, 75010 Paris"), "\(kind): \(body)")
        }
        #expect(try shopper.advance(number, until: "fulfillment_state", is: "shipped"))
        let track = try shopper.run("track", number)
        #expect(track.status == 0)
        let shipped = try JSONSerialization.jsonObject(with: Data(try shopper.run("messages", "--json").stdout.utf8)) as? [[String: Any]] ?? []
        let shippedBody = shipped.first { $0["kind"] as? String == "shipped" }?["body"] as? String ?? ""
        #expect(shippedBody.contains("It will wait for you at Librairie du Canal"), "\(shippedBody)")
    }

    @Test("without --relay-point a relay order goes to the point nearest the address")
    func nearestByDefault() throws {
        let shopper = try Shopper()
        try shopper.register()
        #expect(try shopper.run("cart", "add", "BOK-PHA-001").status == 0)
        let placed = try shopper.run("checkout", "--accept-terms", "--delivery", "relay", "--cash")
        #expect(placed.status == 0, "\(placed.stderr)")
        let number = "C-\(Calendar.current.component(.year, from: Date()))-000001"
        #expect((try shopper.order(number)["relay_point"] as? [String: Any])?["id"] as? String == "RP-75011")
    }
}
