import Foundation
import Testing

@Suite("comptoir cart")
struct CartCommandTests {
    /// The first product of the demo catalogue with at least `stock` units available and no minimum order.
    func product(in data: TemporaryFolder, minimumStock: Int) throws -> (sku: String, available: Int, price: Int) {
        let json = try parseJSON(ComptoirProcess.run(["search", "in:stock", "--json", "--limit", "300", "--data", data.path]).stdout)
        let results = try #require(json["results"] as? [[String: Any]])
        for result in results {
            guard let sku = result["sku"] as? String, let available = result["available"] as? Int,
                  let price = result["price_minor"] as? Int, available >= minimumStock else { continue }
            let detail = try parseJSON(ComptoirProcess.run(["product", sku, "--json", "--data", data.path]).stdout)
            if detail["minimum_order_quantity"] as? Int == 1, detail["maximum_order_quantity"] is NSNull { return (sku, available, price) }
        }
        throw CocoaError(.featureUnsupported)
    }

    @Test func addSetRemoveArePersistedAcrossProcesses() throws {
        let data = try TemporaryFolder()
        let env = ["COMPTOIR_HOME": data.path]
        let item = try product(in: data, minimumStock: 6)
        let added = try ComptoirProcess.run(["cart", "add", item.sku, "2", "--json"], environment: env)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try parseJSON(added.stdout)["item_count"] as? Int == 2)
        #expect(try ComptoirProcess.run(["cart", "add", item.sku, "--json"], environment: env).status == 0)

        let shown = try parseJSON(ComptoirProcess.run(["cart", "show", "--json"], environment: env).stdout)
        let lines = try #require(shown["lines"] as? [[String: Any]])
        #expect(lines.count == 1)
        #expect(lines.first?["quantity"] as? Int == 3)
        #expect(shown["total_minor"] as? Int == 3 * item.price)
        #expect((shown["net_minor"] as? Int ?? 0) + (shown["vat_minor"] as? Int ?? 0) == shown["total_minor"] as? Int)

        #expect(try ComptoirProcess.run(["cart", "set", item.sku, "5"], environment: env).status == 0)
        let table = try ComptoirProcess.run(["cart"], environment: env)
        #expect(table.stdout.contains(item.sku))
        #expect(table.stdout.contains("Total incl. VAT"))

        #expect(try ComptoirProcess.run(["cart", "remove", item.sku], environment: env).status == 0)
        let empty = try ComptoirProcess.run(["cart", "show"], environment: env)
        #expect(empty.stdout.contains("The cart is empty"))
    }

    @Test func refusalsSayWhyAndChangeNothing() throws {
        let data = try TemporaryFolder()
        let env = ["COMPTOIR_HOME": data.path]
        let item = try product(in: data, minimumStock: 1)
        let tooMany = try ComptoirProcess.run(["cart", "add", item.sku, "\(item.available + 1)"], environment: env)
        #expect(tooMany.status == 1)
        #expect(tooMany.stderr.contains("only \(item.available) of"))
        #expect(tooMany.stderr.hasSuffix("choose at most \(item.available)\n"))

        let unknown = try ComptoirProcess.run(["cart", "add", "NOPE-1"], environment: env)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no product has SKU 'NOPE-1'"))

        let negative = try ComptoirProcess.run(["cart", "set", item.sku, "--", "-3"], environment: env)
        #expect(negative.status == 64)
        #expect(negative.stderr.contains("quantity -3 is not allowed"))

        let notThere = try ComptoirProcess.run(["cart", "remove", item.sku], environment: env)
        #expect(notThere.status == 1)
        #expect(notThere.stderr.contains("is not in the cart"))

        let shown = try parseJSON(ComptoirProcess.run(["cart", "show", "--json"], environment: env).stdout)
        #expect((shown["lines"] as? [Any])?.isEmpty == true)
    }

    @Test func dataFlagOverridesTheEnvironment() throws {
        let home = try TemporaryFolder()
        let other = try TemporaryFolder()
        let item = try product(in: home, minimumStock: 1)
        #expect(try ComptoirProcess.run(["cart", "add", item.sku, "1", "--data", other.path], environment: ["COMPTOIR_HOME": home.path]).status == 0)
        let inHome = try parseJSON(ComptoirProcess.run(["cart", "show", "--json"], environment: ["COMPTOIR_HOME": home.path]).stdout)
        let inOther = try parseJSON(ComptoirProcess.run(["cart", "show", "--json", "--data", other.path]).stdout)
        #expect((inHome["lines"] as? [Any])?.count == 0)
        #expect((inOther["lines"] as? [Any])?.count == 1)
    }

    @Test func xdgDataHomeIsTheFallback() throws {
        let xdg = try TemporaryFolder()
        let item = try product(in: xdg, minimumStock: 1)
        #expect(try ComptoirProcess.run(["cart", "add", item.sku, "1"], environment: ["XDG_DATA_HOME": xdg.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: xdg.path + "/comptoir"))
    }
}
