import ShopCore
import Testing
@testable import ShopTUI

@Suite struct TextSanitizerTests {
    @Test func plainTextIsUntouched() {
        #expect(TextSanitizer.clean("Café crème 抹茶 ☕") == "Café crème 抹茶 ☕")
        #expect(TextSanitizer.isClean("hello"))
    }

    @Test func oscTitleSequenceIsReplacedWhole() {
        #expect(TextSanitizer.clean("a\u{1b}]0;pwned\u{07}b") == "a\u{FFFD}b")
        #expect(TextSanitizer.clean("a\u{1b}]8;;http://x\u{1b}\\b") == "a\u{FFFD}b")
    }

    @Test func csiSequencesAndC1ControlsAreReplaced() {
        #expect(TextSanitizer.clean("red\u{1b}[31mtext\u{1b}[0m") == "red\u{FFFD}text\u{FFFD}")
        #expect(TextSanitizer.clean("x\u{9b}2Jy") == "x\u{FFFD}y")
        #expect(TextSanitizer.clean("bell\u{07}") == "bell\u{FFFD}")
        #expect(TextSanitizer.clean("del\u{7f}") == "del\u{FFFD}")
    }

    @Test func bidiOverridesAreReplaced() {
        #expect(TextSanitizer.clean("abc\u{202e}fed") == "abc\u{FFFD}fed")
        #expect(TextSanitizer.clean("\u{2066}x\u{2069}") == "\u{FFFD}x\u{FFFD}")
    }

    @Test func lineBreaksAndTabsBecomeSpaces() {
        #expect(TextSanitizer.clean("one\ntwo\tthree\r\n") == "one two three  ")
    }

    @Test func aLeadingCombiningMarkGetsABase() {
        #expect(TextSanitizer.clean("\u{301}x") == "\u{25CC}\u{301}x")
    }

    @Test func hostileProductTitleRendersHarmless() {
        let hostile = Product(sku: "EVIL-1", title: "Free \u{1b}]0;pwned\u{07}gift \u{202e}gnp.exe", brand: "X\u{1b}[2J",
                              category: "misc", price: Money(minorUnits: 100, currency: .eur), stockOnHand: 5)
        var state = AppState(shop: ShopState(catalogue: Catalogue(products: [hostile])), shopper: .local, width: 120, height: 30,
                             themes: ThemeCatalog.bundled().themes, locale: .enUS)
        for canvas in [ShopView.render(state), { Fixtures.press(&state, .enter); return ShopView.render(state) }()] {
            for cell in canvas.cells {
                for scalar in cell.grapheme.unicodeScalars {
                    #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
                    #expect(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value))
                }
            }
            #expect(canvas.text().contains("Free �gift �gnp.exe"))
        }
    }
}
