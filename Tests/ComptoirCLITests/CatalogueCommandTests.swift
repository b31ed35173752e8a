import Foundation
import Testing

@Suite("comptoir search, product and import")
struct CatalogueCommandTests {
    @Test func searchFindsAccentedProductsOnTheDemoCatalogue() throws {
        let data = try TemporaryFolder()
        let outcome = try ComptoirProcess.run(["search", "cafe", "--json", "--limit", "5"], environment: ["COMPTOIR_HOME": data.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try parseJSON(outcome.stdout)
        let total = try #require(json["total"] as? Int)
        #expect(total >= 2)
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.count == min(5, total))
        for key in ["sku", "title", "brand", "category", "price_minor", "currency", "stock", "availability"] {
            #expect(results.first?[key] != nil, "missing \(key)")
        }
        let facets = try #require(json["facets"] as? [String: Any])
        let brands = try #require(facets["brand"] as? [String: Int])
        #expect(brands.values.reduce(0, +) == total)
    }

    @Test func searchPrintsATableForPeople() throws {
        let data = try TemporaryFolder()
        let outcome = try ComptoirProcess.run(["search", "café", "--data", data.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("SKU") == true)
        #expect(outcome.stdout.contains(" of "))
        #expect(outcome.stdout.contains("products"))
    }

    @Test(arguments: [
        ("price:20..5", "price"), ("sort:nonsense", "sort"), ("colour:red", "colour"), ("brand:", "brand"),
    ])
    func malformedQueriesFailWithOneLine(query: String, mentions: String) throws {
        let data = try TemporaryFolder()
        let outcome = try ComptoirProcess.run(["search", query, "--data", data.path])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        let message = outcome.stderr.trimmingCharacters(in: .newlines)
        #expect(message.hasPrefix("comptoir: "))
        #expect(!message.contains("\n"))
        #expect(message.contains(mentions))
    }

    @Test func badLimitIsAUsageError() throws {
        let data = try TemporaryFolder()
        let outcome = try ComptoirProcess.run(["search", "tea", "--limit", "0", "--data", data.path])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--limit 0 is out of range"))
    }

    @Test func productShowsOneProductAndRefusesUnknownSKUs() throws {
        let data = try TemporaryFolder()
        let search = try parseJSON(ComptoirProcess.run(["search", "", "--json", "--limit", "1", "--data", data.path]).stdout)
        let sku = try #require((search["results"] as? [[String: Any]])?.first?["sku"] as? String)
        let shown = try ComptoirProcess.run(["product", sku, "--data", data.path])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains(sku))
        #expect(shown.stdout.contains("incl. VAT"))
        let json = try parseJSON(ComptoirProcess.run(["product", sku, "--json", "--data", data.path]).stdout)
        #expect(json["sku"] as? String == sku)
        #expect(json["description"] is String)

        let unknown = try ComptoirProcess.run(["product", "NO-SUCH-SKU", "--data", data.path])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "comptoir: no product has SKU 'NO-SUCH-SKU': check the SKU with 'comptoir search'\n")
    }

    @Test func importsTheDummyJSONFileCompletelyAndUpdatesOnReimport() throws {
        let data = try TemporaryFolder()
        let first = try ComptoirProcess.run(["import", dummyJSONFile, "--json", "--data", data.path])
        #expect(first.status == 0, "\(first.stderr)")
        let report = try parseJSON(first.stdout)
        #expect(report["imported"] as? Int == 194)
        #expect(report["added"] as? Int == 194)

        let again = try parseJSON(ComptoirProcess.run(["import", dummyJSONFile, "--json", "--data", data.path]).stdout)
        #expect(again["added"] as? Int == 0)
        #expect(again["updated"] as? Int == 194)
        #expect(again["catalogue_size"] as? Int == report["catalogue_size"] as? Int)

        let apple = try parseJSON(ComptoirProcess.run(["search", "brand:apple cat:laptops", "--json", "--data", data.path]).stdout)
        #expect((apple["total"] as? Int ?? 0) >= 1)
        let cheap = try parseJSON(ComptoirProcess.run(["search", "mascara price:..10", "--json", "--data", data.path]).stdout)
        let cheapResults = try #require(cheap["results"] as? [[String: Any]])
        #expect(!cheapResults.isEmpty)
        #expect(cheapResults.allSatisfy { ($0["price_minor"] as? Int ?? .max) <= 1000 })
    }

    @Test func aMalformedImportChangesNothing() throws {
        let data = try TemporaryFolder()
        let before = try ComptoirProcess.run(["search", "", "--json", "--limit", "1", "--data", data.path]).stdout
        let bad = try data.write("bad.json", #"[{"id": 1, "title": "Good", "price": 5, "stock": 1}, {"id": 2, "title": "Bad", "price": "abc", "stock": 1}]"#)
        let outcome = try ComptoirProcess.run(["import", bad, "--data", data.path])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("record 2"))
        #expect(outcome.stderr.contains("price"))
        let after = try ComptoirProcess.run(["search", "", "--json", "--limit", "1", "--data", data.path]).stdout
        #expect(try parseJSON(after)["total"] as? Int == parseJSON(before)["total"] as? Int)
        #expect(try ComptoirProcess.run(["product", "1", "--data", data.path]).status == 1)
    }

    @Test func missingFilesAndUnknownCurrenciesAreExplained() throws {
        let data = try TemporaryFolder()
        let missing = try ComptoirProcess.run(["import", data.path + "/nope.json", "--data", data.path])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("does not exist"))
        let currency = try ComptoirProcess.run(["import", dummyJSONFile, "--currency", "XYZ", "--data", data.path])
        #expect(currency.status == 64)
        #expect(currency.stderr.contains("unknown currency 'XYZ'"))
    }

    @Test func versionAndHelpWork() throws {
        let version = try ComptoirProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
        let help = try ComptoirProcess.run(["--help"])
        #expect(help.status == 0)
        for word in ["search", "product", "import", "cart", "store"] { #expect(help.stdout.contains(word)) }
    }
}
