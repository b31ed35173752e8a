import Foundation
import Testing
@testable import ShopTUI

@Suite struct ThemeTests {
    @Test func sixBundledThemesParseWithTheDefaultFirst() {
        let catalog = ThemeCatalog.bundled()
        #expect(catalog.problems.isEmpty)
        #expect(catalog.themes.count >= 6)
        #expect(catalog.themes.first?.name == "dark")
        for name in ["dark", "light", "high-contrast", "mono", "solarized", "gruvbox"] {
            #expect(catalog.theme(named: name) != nil, "missing bundled theme \(name)")
        }
    }

    @Test func embeddedThemesAreTheFilesInThemesFolder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".toml") }.sorted()
        let embedded = BundledThemes.files.map(\.name).sorted()
        #expect(files.map { String($0.dropLast(5)) } == embedded, "run .ci/embed-themes after changing themes/")
        for file in BundledThemes.files {
            var text = try String(contentsOf: folder.appendingPathComponent(file.name + ".toml"), encoding: .utf8)
            if text.hasSuffix("\n") { text.removeLast() }
            #expect(text == file.text, "themes/\(file.name).toml differs from the embedded copy: run .ci/embed-themes")
        }
    }

    @Test func missingKeysFallBackAlongTheDotsFieldByField() throws {
        let theme = try Theme.parse("""
            "ui" = { fg = "white", bg = "black" }
            "ui.border" = { fg = "blue", modifiers = ["dim"] }
            "ui.border.focus" = { modifiers = ["bold"] }
            """, name: "t", origin: "bundled")
        let focus = theme.style("ui.border.focus")
        #expect(focus.foreground == .ansi(4))
        #expect(focus.background == .ansi(0))
        #expect(focus.attributes == .bold)
        #expect(theme.style("price").foreground == .ansi(7))
    }

    @Test func paletteNamesHexAndIndicesAreColours() throws {
        let theme = try Theme.parse("""
            "price" = { fg = "gold", bg = 236 }
            "error" = "#ff0000"

            [palette]
            gold = "#f2c46d"
            """, name: "t", origin: "bundled")
        #expect(theme.style("price").foreground == .rgb(0xF2, 0xC4, 0x6D))
        #expect(theme.style("price").background == .indexed(236))
        #expect(theme.style("error").foreground == .rgb(255, 0, 0))
    }

    @Test func aBrokenThemeNamesFileLineAndKey() {
        #expect(throws: ThemeError(file: "my.toml", line: 3, key: "price",
                                   problem: "unknown colour 'blurple': use #rrggbb, 0–255, an ANSI name such as bright-blue, 'default', or a name from [palette]")) {
            try Theme.parse("\"ui\" = \"white\"\n\n\"price\" = \"blurple\"\n", name: "my", origin: "my.toml")
        }
        #expect(throws: ThemeError.self) { try Theme.parse("\"ui\" = { fg = \"red\" \n", name: "x", origin: "x.toml") }
        #expect(throws: ThemeError(file: "x.toml", line: 1, key: "ui", problem: "unknown modifier in [ShopTUI.ThemeFileParser.Value.string(\"blink\")]: use bold, dim, italic, underline, reverse or strikethrough")) {
            try Theme.parse("\"ui\" = { modifiers = [\"blink\"] }", name: "x", origin: "x.toml")
        }
        #expect(throws: ThemeError.self) { try Theme.parse("price = 300", name: "x", origin: "x.toml") }
    }

    @Test func themeErrorMessageSaysWhere() {
        let error = ThemeError(file: "/home/a/.config/comptoir/themes/x.toml", line: 7, key: "ui.border", problem: "unknown colour 'q'")
        #expect(error.description == "theme /home/a/.config/comptoir/themes/x.toml:7: key 'ui.border': unknown colour 'q'")
    }

    @Test func noColorSelectsMonoUnlessAThemeIsAsked() {
        var catalog = ThemeCatalog.bundled()
        #expect(catalog.themes[catalog.choose(requested: nil, environment: ["NO_COLOR": "1"]).index].name == "mono")
        #expect(catalog.themes[catalog.choose(requested: nil, environment: ["NO_COLOR": ""]).index].name == "dark")
        #expect(catalog.themes[catalog.choose(requested: "light", environment: ["NO_COLOR": "1"]).index].name == "light")
    }

    @Test func anUnknownThemeNameFallsBackToTheDefaultAndSaysSo() {
        var catalog = ThemeCatalog.bundled()
        let choice = catalog.choose(requested: "neon", environment: [:])
        #expect(catalog.themes[choice.index].name == "dark")
        #expect(choice.problem?.hasPrefix("no theme named 'neon': choose one of dark, ") == true)
    }

    @Test func userThemesOverrideBundledOnesAndBrokenFilesAreReported() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-themes-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("comptoir/themes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "name = \"My Light\"\n\"ui\" = { fg = \"black\", bg = \"white\" }\n".write(to: folder.appendingPathComponent("light.toml"), atomically: true, encoding: .utf8)
        try "\"ui\" = \"nope\"\n".write(to: folder.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog.load(environment: ["XDG_CONFIG_HOME": root.path])
        #expect(catalog.theme(named: "light")?.title == "My Light")
        #expect(catalog.theme(named: "broken") == nil)
        #expect(catalog.problems.count == 1)
        #expect(catalog.problems.first?.line == 1)
        #expect(catalog.problems.first?.key == "ui")
        #expect(catalog.problems.first?.file.hasSuffix("broken.toml") == true)
    }

    @Test func aThemeFileCanBeGivenByPath() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-\(UUID().uuidString).toml")
        try "\"ui\" = { fg = \"#ffcc00\" }\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        var catalog = ThemeCatalog.bundled()
        let choice = catalog.choose(requested: file.path, environment: [:])
        #expect(choice.problem == nil)
        #expect(catalog.themes[choice.index].style("ui").foreground == .rgb(0xFF, 0xCC, 0x00))
        let missing = catalog.choose(requested: "/nonexistent/x.toml", environment: [:])
        #expect(catalog.themes[missing.index].name == "dark")
        #expect(missing.problem?.contains("/nonexistent/x.toml") == true)
    }

    @Test func coloursDegradeFromTrueColourTo256To16ToNone() {
        let orange = Colour.rgb(255, 135, 0)
        #expect(orange.degraded(to: .trueColour) == orange)
        #expect(orange.degraded(to: .indexed256) == .indexed(208))
        #expect(orange.degraded(to: .ansi16) == .ansi(3) || orange.degraded(to: .ansi16) == .ansi(11))
        #expect(orange.degraded(to: .none) == .terminalDefault)
        #expect(Colour.indexed(196).degraded(to: .ansi16) == .ansi(9))
        #expect(Colour.rgb(128, 128, 128).degraded(to: .indexed256) == .indexed(244))
    }

    @Test func colourDepthFollowsTheTerminal() {
        #expect(ColourDepth.detect(terminalColours: 16_777_216, environment: [:]) == .trueColour)
        #expect(ColourDepth.detect(terminalColours: 256, environment: ["COLORTERM": "truecolor"]) == .indexed256)
        #expect(ColourDepth.detect(terminalColours: 8, environment: [:]) == .ansi16)
        #expect(ColourDepth.detect(terminalColours: 0, environment: [:]) == .none)
    }

    @Test func selectionStaysVisibleWithoutColour() {
        for theme in ThemeCatalog.bundled().themes {
            let styles = ThemeStyles(theme: theme, depth: .none)
            #expect(styles.selection.attributes.contains(.reverse), "\(theme.name)")
        }
    }
}
