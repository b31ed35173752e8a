import ShopCore
import Testing
@testable import ShopTUI

/// The one rule of shortening text to a width: titles keep their distinguishing end, lines with
/// shorter forms take the longest that fits, messages drop asides before their end.
@Suite struct TextFitTests {
    @Test(arguments: [
        ("Café Huehuetenango Lavado – Whole bean", 20, "Café Hue… Whole bean"),
        ("Café Huehuetenango Lavado – Espresso", 20, "Café Huehu… Espresso"),
        ("Café Huehuetenango Lavado – Filter", 20, "Café Huehuet… Filter"),
        ("Café Huehuetenango 1 kg", 17, "Café Huehue… 1 kg"),
        ("Hario V60 paper filters ×100", 19, "Hario V60 pap… ×100"),
        ("Illy Classico ground coffee 250g", 18, "Illy Classic… 250g"),
        ("Espresso cups, set of six", 19, "Espresso cups, set…"),
        ("Short title", 20, "Short title"),
        ("Mug – a very long variant name indeed", 12, "Mug – a ver…"),
        ("Moulin à café manuel — édition limitée", 24, "Moulin à café manuel —…"),
    ])
    func aTitleKeepsItsDistinguishingEnd(title: String, width: Int, expected: String) {
        let fitted = TextFit.title(title, width: width)
        #expect(fitted == expected)
        #expect(DisplayWidth.of(fitted) <= width)
    }

    @Test func threeVariantsStayDistinctAt80Columns() {
        let titles = ["Whole bean", "Espresso", "Filter"].map { TextFit.title("Café Huehuetenango Lavado – \($0)", width: 19) }
        #expect(Set(titles).count == 3)
    }

    @Test func wideCharactersCountTwoColumns() {
        let fitted = TextFit.title("抹茶 Matcha 宇治 Uji 30 g", width: 12)
        #expect(fitted == "抹茶 M… 30 g")
        #expect(DisplayWidth.of(TextFit.end("抹茶抹茶抹茶", width: 6)) <= 6)
    }

    @Test func theFirstChoiceThatFitsNeverDoublesTheEllipsis() {
        let choices = HeaderView.placeholders
        #expect(TextFit.first(choices, width: 30) == "Search products… press /")
        #expect(TextFit.first(choices, width: 20) == "Search… press /")
        #expect(TextFit.first(choices, width: 10) == "Search…")
        #expect(TextFit.first(choices, width: 5) == "Sear…")
        for width in 1...30 { #expect(!TextFit.first(choices, width: width).contains("… …")) }
    }

    @Test func aMessageDropsItsAsidesBeforeItsEnd() {
        let message = "'10-x' is not a price range: type 10-25, -20 or 50- (decimals allowed, e.g. 4.5)"
        #expect(TextFit.message(message, width: 100) == message)
        #expect(TextFit.message(message, width: 60) == "'10-x' is not a price range: type 10-25, -20 or 50-")
        #expect(TextFit.message(message, width: 30) == "'10-x' is not a price range:…")
    }

    @Test func controlCharactersNeverPass() {
        #expect(!TextFit.title("Evil\u{1B}[2J title – 1 kg", width: 12).contains("\u{1B}"))
    }
}
