import Foundation
import Testing

/// The editing keys as a real terminal sends them (control bytes, `ESC [1;3D` for Alt-←, `ESC b`),
/// decoded by ncurses in the real binary, and a misspelt search said on the status line.
@Suite(.serialized) struct TextEditingInTmuxTests {
    @Test func controlAndAltKeysEditTheSearchBox() throws {
        let (shop, folder) = try ShopInTmuxTests.start()
        defer {
            shop.kill()
            try? FileManager.default.removeItem(at: folder)
        }
        try shop.waitFor("1 Catalogue")
        try shop.press("/")
        try shop.type("coffee beans")
        try shop.waitFor("⌕ coffee beans")
        try shop.press("C-a")
        try shop.type("dark ")
        try shop.waitFor("⌕ dark coffee beans")
        try shop.press("C-e", "C-w")
        try shop.waitFor("the last word deleted") { $0.contains("⌕ dark coffee ") && !$0.contains("⌕ dark coffee beans") }
        try shop.press("M-Left")
        try shop.type("best ")
        try shop.waitFor("⌕ dark best coffee")
        try shop.press("M-b", "M-b")
        try shop.type("the ")
        try shop.waitFor("⌕ the dark best coffee")
        try shop.press("M-f", "C-u")
        // Alt-f went past "dark"; Ctrl-U deleted "the dark" before the caret.
        try shop.waitFor("⌕  best coffee")
        try shop.press("Escape")
        try shop.press("q")
        try shop.waitFor("comptoir exited with 0")
    }

    @Test func aMisspeltWordIsSearchedAsTheClosestAndSaidSo() throws {
        let (shop, folder) = try ShopInTmuxTests.start()
        defer {
            shop.kill()
            try? FileManager.default.removeItem(at: folder)
        }
        try shop.waitFor("1 Catalogue")
        try shop.press("/")
        try shop.type("cofee ")
        let screen = try shop.waitFor("Showing results for coffee")
        let shown = try #require(ShopInTmuxTests.productsShown(screen))
        #expect(shown.shown > 1)
        try shop.press("Escape")
        try shop.press("q")
        try shop.waitFor("comptoir exited with 0")
    }
}
