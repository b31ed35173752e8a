import Foundation
import Testing
@testable import ShopCore

@Suite("Import support: decimals, dates, HTML, rules, format detection")
struct ImportSupportTests {
    @Test func exactDecimalsNeverGoThroughFloatingPoint() throws {
        let price = try #require(ExactDecimal("9.99"))
        #expect(price.rounded(toScale: 2) == 999)
        #expect(ExactDecimal("0.1")?.rounded(toScale: 2) == 10)
        #expect(ExactDecimal("1.005")?.rounded(toScale: 2) == 101)
        #expect(ExactDecimal("-1.005")?.rounded(toScale: 2) == -101)
        #expect(ExactDecimal("2.5E2")?.rounded(toScale: 0) == 250)
        #expect(ExactDecimal("125e-2")?.rounded(toScale: 2) == 125)
        #expect(ExactDecimal("12.00")?.isIntegral == true)
        #expect(ExactDecimal("12.01")?.isIntegral == false)
        for bad in ["", "-", "1.2.3", "abc", "12,5", "1e", "1234567890123456789"] {
            #expect(ExactDecimal(bad) == nil, "\(bad)")
        }
    }

    @Test func iso8601TimestampsWithoutLocaleOrClock() {
        #expect(ISO8601Timestamp.secondsSince1970("2025-04-30T09:41:02.053Z") == 1_746_006_062)
        #expect(ISO8601Timestamp.secondsSince1970("2025-04-30T11:41:02+02:00") == 1_746_006_062)
        #expect(ISO8601Timestamp.secondsSince1970("2024-02-29T23:59:59Z") == 1_709_251_199)
        #expect(ISO8601Timestamp.secondsSince1970("1970-01-01") == 0)
        #expect(ISO8601Timestamp.secondsSince1970("1969-12-31T00:00:00Z") == -86_400)
        for bad in ["2023-02-29T00:00:00Z", "2025-13-01", "30/04/2025", "2025-04-30T25:00:00Z", "2025-04-30T09:41:02Zx"] {
            #expect(ISO8601Timestamp.secondsSince1970(bad) == nil, "\(bad)")
        }
    }

    @Test func htmlBecomesReadableText() {
        #expect(HTMLText.plainText("<p>Hello <b>wor</b>ld</p><p>Next&nbsp;line</p>") == "Hello world Next line")
        #expect(HTMLText.plainText("Fish &amp; chips &lt;3 &eacute;t&eacute; &#8364; &#x263A; &unknown; & more")
            == "Fish & chips <3 été € ☺ &unknown; & more")
        #expect(HTMLText.plainText("<style>p { color: red }</style>Shown<SCRIPT>alert(1)</SCRIPT> too") == "Shown too")
        #expect(HTMLText.plainText("a < b and c") == "a < b and c")
        #expect(HTMLText.plainText("<ul>\n  <li>One</li>\n  <li>Two</li>\n</ul>") == "One Two")
    }

    @Test func vatFollowsTheCategoryByWholeWords() {
        #expect(ImportRules.vatClass(forCategory: "groceries") == .reduced)
        #expect(ImportRules.vatClass(forCategory: "Food & Drink") == .reduced)
        #expect(ImportRules.vatClass(forCategory: "Books") == .reduced)
        #expect(ImportRules.vatClass(forCategory: "Notebooks") == .standard)
        #expect(ImportRules.vatClass(forCategory: "kitchen-accessories") == .standard)
    }

    @Test func shippingTextsGiveALeadTimeOnlyForRanges() {
        #expect(ImportRules.leadTime(fromShippingText: "Ships in 3-5 business days") == LeadTime(minDays: 3, maxDays: 7))
        #expect(ImportRules.leadTime(fromShippingText: "Ships in 1-2 business days") == LeadTime(minDays: 1, maxDays: 4))
        #expect(ImportRules.leadTime(fromShippingText: "ships in 5–8 days") == LeadTime(minDays: 5, maxDays: 8))
        #expect(ImportRules.leadTime(fromShippingText: "Ships in 1-2 weeks") == LeadTime(minDays: 7, maxDays: 14))
        for none in ["Ships overnight", "Ships in 1 month", "Ships in 2 weeks", "Ships in 5-3 days", ""] {
            #expect(ImportRules.leadTime(fromShippingText: none) == nil, "\(none)")
        }
    }

    @Test func currencyCodesAreCheckedCaseInsensitively() throws {
        #expect(try ImportRules.currency(code: "eur") == .eur)
        #expect(importError { () throws(ImportError) in try ImportRules.currency(code: "EURO") } == .unknownCurrency("EURO"))
    }

    @Test func jsonParserKeepsStructureAndEscapes() throws {
        let value = try JSONParser.parse(Array(#"{"a": [1, -2.50, true, null], "b": "\u00e9\n\ud83d\ude00", "a": 0}"#.utf8))
        #expect(value["a"] == .number("0"))
        #expect(value["b"] == .string("é\n😀"))
        #expect(try JSONParser.parse(Array("[1, -2.50, true, null]".utf8))
            == .array([.number("1"), .number("-2.50"), .bool(true), .null]))
        let deep = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        #expect(importError { () throws(ImportError) in try JSONParser.parse(Array(deep.utf8)) }
            == .malformedJSON(line: 1, column: 65, offset: 64, reason: "nesting deeper than 64 levels"))
        #expect(importError { () throws(ImportError) in try JSONParser.parse(Array("[01]".utf8)) }
            == .malformedJSON(line: 1, column: 3, offset: 2, reason: "expected ',' or ']' in an array, found '1'"))
    }

    @Test func formatIsPickedFromContentThenExtension() throws {
        #expect(try CatalogueImporter.format(of: Array("\u{FEFF}  [".utf8)) == .dummyJSON)
        #expect(try CatalogueImporter.format(of: Array("\n{\"products\": []}".utf8), fileExtension: "csv") == .dummyJSON)
        #expect(try CatalogueImporter.format(of: Array("\"Handle\",Title\n".utf8)) == .shopifyCSV)
        #expect(try CatalogueImporter.format(of: Array("oops".utf8), fileExtension: ".JSON") == .dummyJSON)
        #expect(importError { () throws(ImportError) in try CatalogueImporter.format(of: Array("name,price\n".utf8)) }
            == .unrecognizedFormat)
        #expect(importError { () throws(ImportError) in try CatalogueImporter.format(of: Array(" \r\n".utf8)) } == .emptyFile)
    }

    @Test func frontImportsBothFixtures() throws {
        #expect(try CatalogueImporter.importProducts(from: try ImportFixtures.dummyJSON(), fileExtension: "json").count == 194)
        #expect(try CatalogueImporter.importProducts(from: try ImportFixtures.shopifyCSV()).count == 9)
        let data = Data(try ImportFixtures.shopifyCSV())
        #expect(try ShopifyCSVImporter.importProducts(from: data).count == 9)
        let error = importError { () throws(ImportError) in try CatalogueImporter.importProducts(from: "sku;price\n") }
        #expect(error?.description == "cannot tell the format of the file: expected JSON (starting with '[' or '{') "
            + "or a Shopify product CSV export whose header names Handle, Title, Variant Price")
    }
}
