import Foundation
import Testing
@testable import ShopTUI

/// Theme files are bounded: nesting depth and size; a file that breaks a bound, or is not a
/// regular file, is left out with a one-line problem while every other theme loads.
@Suite("Theme file limits")
struct ThemeLimitTests {
    @Test func a50000DeepArrayIsRefusedNotRecursedInto() {
        let deep = "price = " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n"
        #expect(throws: ThemeError(file: "deep.toml", line: 1, key: "price",
                                   problem: "arrays and tables nest more than 16 deep: flatten the value")) {
            try Theme.parse(deep, name: "deep", origin: "deep.toml")
        }
        let tables = "\"ui.selection\" = " + String(repeating: "{ a = ", count: 50_000) + "\n"
        #expect(throws: ThemeError.self) { try Theme.parse(tables, name: "deep", origin: "deep.toml") }
    }

    @Test func nestingWithinTheLimitStillReads() throws {
        let nested = "x = " + String(repeating: "[", count: 16) + "\"a\"" + String(repeating: "]", count: 16)
        let entries = try ThemeFileParser(file: "n.toml").parse(nested)
        #expect(entries.count == 1)
    }

    @Test func badUserThemesAreLeftOutAndTheOthersLoad() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-themes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: config) }
        let folder = config.appendingPathComponent("comptoir/themes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(("price = " + String(repeating: "[", count: 50_000)).utf8).write(to: folder.appendingPathComponent("deep.toml"))
        try Data(repeating: UInt8(ascii: "#"), count: ThemeFileParser.maximumFileBytes + 1)
            .write(to: folder.appendingPathComponent("huge.toml"))
        #expect(mkfifo(folder.appendingPathComponent("pipe.toml").path, 0o600) == 0)
        try Data("price = \"#ffd700\"\n".utf8).write(to: folder.appendingPathComponent("mine.toml"))

        let catalog = ThemeCatalog.load(environment: ["XDG_CONFIG_HOME": config.path])
        #expect(catalog.theme(named: "mine") != nil)
        #expect(catalog.themes.count == ThemeCatalog.bundled().themes.count + 1)
        let problems = catalog.problems.map(\.description)
        #expect(problems.count == 3)
        #expect(problems[0].hasSuffix("deep.toml:1: key 'price': arrays and tables nest more than 16 deep: flatten the value"))
        #expect(problems[1].hasSuffix("huge.toml: the file has 262145 bytes: a theme file may have at most 262144"))
        #expect(problems[2].hasSuffix("pipe.toml: not a regular file: a theme is a .toml text file"))
        #expect(problems.allSatisfy { !$0.contains("\n") })
    }
}
