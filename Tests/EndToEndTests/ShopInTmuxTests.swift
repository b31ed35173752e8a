import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The real binary in a real terminal: tmux runs `comptoir` with a fresh data folder, keys go in
/// with send-keys, and every step waits for the screen to show its outcome.
@Suite(.serialized) struct ShopInTmuxTests {
    static func start(width: Int = 200, height: Int = 60, extra: [String] = [], environment: [String: String] = [:]) throws -> (TmuxSession, URL) {
        let binary = try BuiltBinary.comptoir()
        let folder = try BuiltBinary.temporaryFolder()
        let data = folder.appendingPathComponent("data").path
        var environment = environment
        environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path
        environment["LANG"] = environment["LANG"] ?? "C.UTF-8"
        environment["LC_ALL"] = environment["LC_ALL"] ?? "C.UTF-8"
        // The shell keeps the pane open after the shop exits, so the exit code can be read.
        let script = "\"$0\" \"$@\"; echo \"comptoir exited with $?\"; read line"
        let unset = environment["NO_COLOR"] == nil ? ["NO_COLOR"] : []
        let session = try TmuxSession(command: ["sh", "-c", script, binary, "--data", data] + extra, unsetting: unset,
                                      width: width, height: height, environment: environment)
        return (session, folder)
    }

    static func productsShown(_ screen: String) -> (shown: Int, total: Int)? {
        for line in screen.split(separator: "\n") where line.hasSuffix(" products") {
            let words = line.split(separator: " ")
            guard words.count >= 4, let of = words.lastIndex(of: "of"), of > 0,
                  let shown = Int(words[of - 1]), let total = Int(words[of + 1]) else { continue }
            return (shown, total)
        }
        return nil
    }

    /// The line of the screen holding the selection marker inside a pane's border.
    static func selectedLine(_ screen: String, containing text: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains("│› ") && $0.contains(text) }
    }

    @Test func searchFilterOpenAddChangeQuantityResizeThemeAndQuit() throws {
        let (shop, folder) = try Self.start()
        defer {
            shop.kill()
            try? FileManager.default.removeItem(at: folder)
        }
        let first = try shop.waitFor("the catalogue") { Self.productsShown($0) != nil && $0.contains("1 Catalogue") }
        let everything = try #require(Self.productsShown(first))
        #expect(everything.shown == everything.total)
        #expect(everything.total >= 300)

        // Search as you type.
        try shop.press("/")
        try shop.type("coffee")
        let searched = try shop.waitFor("results for coffee") { screen in
            screen.contains("⌕ coffee") && (Self.productsShown(screen).map { $0.shown < everything.total } ?? false)
        }
        let coffee = try #require(Self.productsShown(searched))
        #expect(coffee.shown > 1)

        // Filter by the first brand of the Filters pane.
        try shop.press("Enter", "2")
        try shop.waitFor("› Sort")
        try shop.press("Down", "Down", "Down", "Down")
        // The four keys may still be on their way: "In stock only" is a box too, so wait for the
        // selection to reach a box that is not it.
        let onBrand = try shop.waitFor("a brand selected") { screen in
            Self.selectedLine(screen, containing: "[ ]") != nil && !screen.contains("› [ ] In stock only")
                && !screen.contains("│› Price") && !screen.contains("│› Rating") && !screen.contains("│› Sort")
        }
        let brandLine = try #require(Self.selectedLine(onBrand, containing: "[ ]"))
        try shop.press("Enter")
        // The tick and the box change in the key's frame; the narrowed results may come a frame later.
        let filtered = try shop.waitFor("the brand ticked, written into the search box, and fewer results") {
            Self.selectedLine($0, containing: "[x]") != nil && $0.contains("⌕ brand:")
                && (Self.productsShown($0).map { $0.shown < coffee.shown } ?? false)
        }
        let narrowed = try #require(Self.productsShown(filtered))
        #expect(narrowed.shown < coffee.shown)
        #expect(brandLine.contains("│›"))

        // Open a product and add two.
        try shop.press("1")
        try shop.press("Enter")
        try shop.waitFor("Esc back")
        let page = try shop.waitFor("Quantity")
        let startsAtOne = page.contains("− 1 +")
        if startsAtOne { try shop.press("+") }
        try shop.waitFor("− 2 +")
        try shop.press("a")
        try shop.waitFor("Cart 2 items")

        // Change the quantity in the cart.
        try shop.press("3")
        try shop.waitFor("│› 2 ×")
        try shop.press("+")
        try shop.waitFor("Cart 3 items")
        try shop.waitFor("│› 3 ×")

        // Resize to 80×24 and back: the cart selection and the typed search survive.
        try shop.resize(width: 80, height: 24)
        let small = try shop.waitFor("the 80×24 layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count <= 25 && lines.allSatisfy { $0.count <= 80 } && screen.contains("3 Cart") && screen.contains("│› 3 ×")
        }
        #expect(small.split(separator: "\n").first.map { $0.contains("coffee") } == true, "the search survives")
        #expect(!small.contains("4 Orders"))
        try shop.resize(width: 200, height: 60)
        let large = try shop.waitFor("the 200×60 layout") { $0.contains("2 Filters") && $0.contains("4 Orders") && $0.contains("5 Messages") }
        #expect(large.contains("│› 3 ×"))
        #expect(large.contains("[x]"))

        // Switch theme, then quit.
        try shop.press("t")
        try shop.waitFor("Theme: ")
        try shop.press("q")
        try shop.waitFor("comptoir exited with 0")
    }

    @Test func theCartIsStillThereAfterARestart() throws {
        let (shop, folder) = try Self.start(width: 120, height: 40)
        defer { try? FileManager.default.removeItem(at: folder) }
        try shop.waitFor("1 Catalogue")
        try shop.press("a")
        try shop.waitFor("Cart 1 item")
        try shop.press("q")
        try shop.waitFor("comptoir exited with 0")
        shop.kill()

        let binary = try BuiltBinary.comptoir()
        let again = try TmuxSession(command: [binary, "--data", folder.appendingPathComponent("data").path], width: 120, height: 40,
                                    environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": folder.path])
        defer { again.kill() }
        try again.waitFor("Cart 1 item")
        try again.press("q")
    }

    @Test func tooSmallAndBackWithoutLosingTheSearch() throws {
        let (shop, folder) = try Self.start(width: 80, height: 24)
        defer {
            shop.kill()
            try? FileManager.default.removeItem(at: folder)
        }
        try shop.waitFor("1 Catalogue")
        try shop.press("/")
        try shop.type("tea")
        try shop.waitFor("⌕ tea")
        try shop.resize(width: 30, height: 10)
        try shop.waitFor("Terminal too small")
        try shop.resize(width: 60, height: 20)
        let narrow = try shop.waitFor("1 Results")
        #expect(narrow.contains("⌕ tea"))
        #expect(narrow.contains("2 "))
        try shop.press("Escape")
        try shop.press("q")
        try shop.waitFor("comptoir exited with 0")
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalClosesTheShopAndRestoresTheTerminal(signal: Int32) throws {
        let (shop, folder) = try Self.start(width: 80, height: 24)
        defer {
            shop.kill()
            try? FileManager.default.removeItem(at: folder)
        }
        try shop.waitFor("1 Catalogue")
        try shop.press("a")
        try shop.waitFor("Cart 1 item")
        let pid = try #require(try shop.shopPID())
        #expect(Glibc.kill(pid, signal) == 0)
        let screen = try shop.waitFor("comptoir exited with \(128 + signal)")
        #expect(!screen.contains("1 Catalogue"))  // the shop's screen is gone: the terminal is back
    }

    @Test func noColorGivesTheMonochromeThemeWithAVisibleSelection() throws {
        let (shop, folder) = try Self.start(width: 120, height: 40, environment: ["NO_COLOR": "1"])
        defer {
            shop.kill()
            try? FileManager.default.removeItem(at: folder)
        }
        try shop.waitFor("the selection marker") { $0.contains("1 Catalogue") && Self.selectedLine($0, containing: "€") != nil }
        let styled = try shop.styledScreen()
        for colour in ["[38;5;", "[48;5;", "[38;2;", "[48;2;", "[31m", "[32m", "[33m", "[34m"] {
            #expect(!styled.contains("\u{1b}" + colour), "colour code \(colour) under NO_COLOR")
        }
        #expect(styled.contains("\u{1b}[7m") || styled.contains(";7m"), "no reverse video for the selection")
        try shop.press("t")
        try shop.waitFor("Theme: ")
        try shop.press("q")
        try shop.waitFor("comptoir exited with 0")
    }

    @Test func anUnknownTerminalIsRefusedInOneLine() throws {
        let (shop, folder) = try Self.start(environment: ["TERM": "no-such-terminal"])
        defer {
            shop.kill()
            try? FileManager.default.removeItem(at: folder)
        }
        let screen = try shop.waitFor("comptoir exited with 2")
        #expect(screen.contains("TERM=no-such-terminal is unknown"))
    }

    @Test func aNonUTF8LocaleIsRefused() throws {
        let (shop, folder) = try Self.start(environment: ["LANG": "C", "LC_ALL": "C"])
        defer {
            shop.kill()
            try? FileManager.default.removeItem(at: folder)
        }
        let screen = try shop.waitFor("comptoir exited with 2")
        #expect(screen.contains("not UTF-8"))
    }

    @Test func withoutATerminalTheShopRefusesInOneLine() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltBinary.comptoir())
        process.arguments = ["--data", folder.appendingPathComponent("data").path]
        process.standardInput = FileHandle.nullDevice
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.hasPrefix("comptoir: the shop needs a terminal"))
        #expect(message.split(separator: "\n").count == 1)
    }
}
