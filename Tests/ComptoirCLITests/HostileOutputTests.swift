import Foundation
import Testing

/// Issue 16: text from data or input never reaches the terminal, mail or JSON as escape
/// sequences, control characters or bidirectional controls, and every refusal is one line.
@Suite("Hostile text in every output")
struct HostileOutputTests {
    static let retitle = "\u{1b}]0;pwned\u{07}"
    static let clipboard = "\u{1b}]52;c;cm0gLXJmIH4=\u{07}"
    static let clear = "\u{1b}[2J"

    /// A DummyJSON file with one product whose title, brand and description try to drive the terminal.
    static func hostileCatalogue(sku: String = "EVIL-1") -> String {
        """
        [{"id": 1, "sku": \(jsonString(sku)), "title": \(jsonString("Mug \(retitle)blue\u{202e}gnp.exe")),
          "brand": \(jsonString("Kiln\(clear)")), "category": "kitchen",
          "description": \(jsonString("Glazed\(clipboard) stoneware\r\ncomptoir: forged line")),
          "price": 12.5, "stock": 40}]
        """
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test func importedEscapesNeverReachTablesPagesOrErrors() throws {
        let shopper = try Shopper()
        let file = try shopper.folder.write("hostile.json", Self.hostileCatalogue())
        let imported = try shopper.run("import", file)
        #expect(imported.status == 0, "\(imported.stderr)")
        let outcomes = [
            try shopper.run("search", "gnp"), try shopper.run("product", "EVIL-1"), try shopper.run("cart", "add", "EVIL-1", "2"),
            try shopper.run("cart", "show"), try shopper.run("cart", "add", "EVIL-1", "1000"),
        ]
        for outcome in outcomes { expectHarmless(outcome) }
        #expect(outcomes[0].stdout.contains("Mug �blue�gnp.exe"))
        #expect(outcomes[1].stdout.contains("Glazed� stoneware comptoir: forged line"))
        #expect(!outcomes[1].stdout.split(separator: "\n").contains { $0.hasPrefix("comptoir:") })
        #expect(outcomes[4].status == 1)
        #expect(outcomes[4].stderr.hasPrefix("comptoir: only 40 of Mug �blue�gnp.exe (EVIL-1) in stock"))
    }

    @Test func aHostileSKUPhoneOrEmailIsQuotedCleanAndShort() throws {
        let shopper = try Shopper()
        // Whether import accepts such a SKU or refuses it, nothing it prints drives the terminal.
        let file = try shopper.folder.write("sku.json", Self.hostileCatalogue(sku: "SKU\(Self.retitle)\nX"))
        expectHarmless(try shopper.run("import", file))
        let unknown = try shopper.run("cart", "add", "NOPE\(Self.retitle)\(String(repeating: "Z", count: 500))")
        expectHarmless(unknown)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("'NOPE�ZZZ"))
        #expect(unknown.stderr.contains("…'"))
        #expect(unknown.stderr.count < 200)
        let registration = try shopper.run(
            "account", "register", "--name", "Eve\(Self.clear)", "--email", "eve\(Self.retitle)@example.fr",
            "--phone", "06\(Self.clipboard)", "--line1", "1 rue\u{202e}", "--postal-code", "75011", "--city", "Paris")
        expectHarmless(registration)
        #expect(registration.status != 0)
    }

    @Test func aNewlineInAnImportedValueCannotForgeASecondLine() throws {
        let shopper = try Shopper()
        let file = try shopper.folder.write(
            "forged.json", #"[{"id": 1, "title": "T", "price": "12\ncomptoir: import succeeded", "stock": 1}]"#)
        let outcome = try shopper.run("import", file)
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("comptoir: record 1 (id 1): field 'price' is \"12 comptoir: import succeeded\""))
        expectHarmless(outcome)
    }

    @Test func aHugePriceIsEchoedShortened() throws {
        let shopper = try Shopper()
        let digits = String(repeating: "9", count: 100_000)
        let file = try shopper.folder.write("huge.json", #"[{"id": 1, "title": "T", "price": "\#(digits)", "stock": 1}]"#)
        let outcome = try shopper.run("import", file)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(outcome.stderr.count < 300, "\(outcome.stderr.prefix(300))")
        #expect(outcome.stderr.contains(String(repeating: "9", count: 39) + "…"))
    }

    @Test func jsonEscapesBidiAndControlCharacters() throws {
        let shopper = try Shopper()
        let file = try shopper.folder.write("hostile.json", Self.hostileCatalogue())
        #expect(try shopper.run("import", file).status == 0)
        for outcome in [try shopper.run("product", "EVIL-1", "--json"), try shopper.run("search", "gnp", "--json")] {
            #expect(outcome.status == 0)
            #expect(outcome.stdout.contains(#"\u202e"#))
            #expect(outcome.stdout.contains(#"\u001b"#))
            expectHarmless(outcome)
            let parsed = try parseJSON(outcome.stdout)
            let title = (parsed["title"] as? String) ?? ((parsed["results"] as? [[String: Any]])?.first?["title"] as? String)
            #expect(title == "Mug \(Self.retitle)blue\u{202e}gnp.exe", "JSON keeps the text exactly")
        }
    }

    @Test func supportThreadsShowTheCustomersTextHarmless() throws {
        let shopper = try Shopper()
        try shopper.register()
        #expect(try shopper.run("cart", "add", "BOK-PHA-001").status == 0)
        let checkout = try shopper.run("checkout", "--accept-terms", "--card-number", "4242424242424242", "--expiry", "12/34", "--cvc", "123", "--json")
        #expect(checkout.status == 0, "\(checkout.stderr)")
        let number = try #require(try parseJSON(checkout.stdout)["number"] as? String)
        let text = "Where is it?\u{1b}]0;pwned\u{07}\u{07}\rRefund granted\u{202e}!"
        let opened = try shopper.run("support", "open", number, text)
        #expect(opened.status == 0, "\(opened.stderr)")
        let shown = try shopper.run("support", "show")
        for outcome in [opened, shown] {
            expectHarmless(outcome)
            #expect(!outcome.stdout.contains("\r"))
        }
        #expect(shown.stdout.contains("Where is it?��\n      Refund granted�!"))
        let json = try shopper.run("support", "show", "--json")
        #expect(json.stdout.contains(#"\u001b]0;pwned\u0007\u0007\rRefund granted\u202e!"#))
        expectHarmless(json)
    }

    @Test func orderMailCarriesNoEscapeEvenAfterDecoding() throws {
        let shopper = try Shopper()
        let file = try shopper.folder.write("hostile.json", Self.hostileCatalogue())
        #expect(try shopper.run("import", file).status == 0)
        try shopper.register()
        #expect(try shopper.run("cart", "add", "EVIL-1", "2").status == 0)
        #expect(try shopper.run("checkout", "--accept-terms", "--card-number", "4242424242424242", "--expiry", "12/34", "--cvc", "123").status == 0)
        let mail = try shopper.allFileBytes().filter { $0.0.hasPrefix("mail/") }
        #expect(mail.count >= 2)
        var sawTitle = false
        for (name, bytes) in mail {
            #expect(!bytes.contains(0x1B) && !bytes.contains(0x07), "\(name)")
            let text = String(decoding: bytes, as: UTF8.self)
            for encoded in ["=1B", "=07", "=E2=80=AE", "=C2=9B"] {
                #expect(!text.uppercased().contains(encoded), "\(name) carries \(encoded)")
            }
            if text.contains("Mug blue") || text.contains("Mug =") { sawTitle = true }
        }
        #expect(sawTitle)
        let messages = try shopper.run("messages", "--json")
        #expect(!messages.stdout.contains(#"\u001b"#) && !messages.stdout.contains(#"\u202e"#))
        expectHarmless(try shopper.run("messages"))
    }

    @Test func themeNamesAndFilesAreListedHarmless() throws {
        let shopper = try Shopper()
        let config = shopper.folder.url.appendingPathComponent("config")
        let themes = config.appendingPathComponent("comptoir/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        let evil = "evil\(Self.retitle)\u{202e}"
        try Data("name = \"Evil \(Self.clear)\"\n\"ui\" = { fg = \"#ffffff\" }\n".utf8)
            .write(to: themes.appendingPathComponent("\(evil).toml"))
        try Data("name = \"Broken\u{1b}[31m\"\n\"ui\" = nonsense\(Self.clipboard)\n".utf8)
            .write(to: themes.appendingPathComponent("broken\(Self.clipboard).toml"))
        let outcome = try ComptoirProcess.run(["themes"], environment: ["XDG_CONFIG_HOME": config.path, "COMPTOIR_HOME": shopper.home])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        expectHarmless(outcome)
        #expect(outcome.stdout.contains("evil��"))
    }

    @Test(arguments: [
        (["cart", "add", "BOK-PHA-001", "-1"], "the quantity must be a positive whole number"),
        (["cart", "set", "BOK-PHA-001", "-2"], "positive whole number"),
        (["search", "x", "--offset", "-5"], "--offset -5 is negative"),
        (["cart", "add", "BOK-PHA-001", "many"], "'many' is invalid"),
        (["search", "--nonsense"], "unknown option '--nonsense'"),
        (["cart", "add"], "missing expected argument"),
    ])
    func argumentErrorsAreOneLineWithExit64(arguments: [String], mentions: String) throws {
        let shopper = try Shopper()
        let outcome = try shopper.run(arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("comptoir: "), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("Error:") && !outcome.stderr.contains("Usage:"))
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(mentions), "\(outcome.stderr)")
    }

    @Test func helpAndVersionStillPrintAndExitZero() throws {
        let help = try ComptoirProcess.run(["cart", "add", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE"))
        let version = try ComptoirProcess.run(["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
    }

    @Test func aCheckoutWhoseMailFailsNamesThePlacedAndPaidOrder() throws {
        let shopper = try Shopper()
        try shopper.register()
        #expect(try shopper.run("cart", "add", "BOK-PHA-001").status == 0)
        // As on a full disk, the order is journaled but its confirmation cannot be written.
        let mail = URL(fileURLWithPath: shopper.home).appendingPathComponent("mail")
        try FileManager.default.removeItem(at: mail)
        try Data("not a folder".utf8).write(to: mail)
        let outcome = try shopper.run("checkout", "--accept-terms", "--card-number", "4242424242424242", "--expiry", "12/34", "--cvc", "123")
        #expect(outcome.status == 74)
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        try FileManager.default.removeItem(at: mail)
        let orders = try shopper.run("orders", "--json")
        let list = try JSONSerialization.jsonObject(with: Data(orders.stdout.utf8)) as? [[String: Any]] ?? []
        let number = try #require(list.first?["number"] as? String)
        #expect(outcome.stderr.hasPrefix("comptoir: order \(number) is placed (payment: "), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("paid"))
        #expect(outcome.stderr.contains("messages could not be written"))
        #expect(outcome.stderr.contains("comptoir order \(number)"))
    }

    /// No escape, control (but line feeds), C1 control or bidirectional control in any output.
    func expectHarmless(_ outcome: ComptoirProcess.Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
        for (stream, text) in [("stdout", outcome.stdout), ("stderr", outcome.stderr)] {
            let bad = text.unicodeScalars.filter { scalar in
                (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
                    || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            }
            #expect(bad.isEmpty, "\(stream) carries \(bad.map { String($0.value, radix: 16) }): \(text.prefix(400))",
                    sourceLocation: sourceLocation)
        }
    }
}

extension Shopper {
    func run(_ arguments: [String]) throws -> ComptoirProcess.Outcome {
        try ComptoirProcess.run(arguments, environment: environment)
    }
}
