import ShopCore
import Testing
@testable import ShopTUI

@Suite struct CanvasTests {
    @Test func textLongerThanItsRoomEndsWithAnEllipsis() {
        var canvas = Canvas(width: 10, height: 1)
        let written = canvas.put("Lavazza Qualità Oro", x: 0, y: 0, maxWidth: 8, style: .plain)
        #expect(written == 8)
        #expect(canvas.text() == "Lavazza…")
    }

    @Test func wideTextIsTruncatedByColumnsNotCharacters() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.put("抹茶宇治抹茶", x: 0, y: 0, maxWidth: 6, style: .plain)
        #expect(canvas.text() == "抹茶…")
        #expect(canvas[4, 0].grapheme == "…")
    }

    @Test func combiningAndEmojiSequencesKeepColumnsAligned() {
        var canvas = Canvas(width: 12, height: 2)
        canvas.put("Cafe\u{301}|", x: 0, y: 0, style: .plain)
        canvas.put("👩‍👩‍👧 ok|", x: 0, y: 1, style: .plain)
        #expect(canvas[4, 0].grapheme == "|")
        #expect(canvas[5, 1].grapheme == "|")
        #expect(canvas[1, 1].width == 0)
    }

    @Test func aWideGraphemeThatDoesNotFitAtTheEdgeBecomesASpace() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.put("ab抹", x: 0, y: 0, maxWidth: 5, style: .plain)
        #expect(canvas[2, 0].grapheme == "…")
        var edge = Canvas(width: 3, height: 1)
        edge.put("抹", x: 2, y: 0, style: .plain)
        #expect(edge[2, 0].grapheme != "抹")
    }

    @Test func overwritingHalfOfAWideGraphemeBlanksTheOtherHalf() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("抹茶", x: 0, y: 0, style: .plain)
        canvas.put("x", x: 1, y: 0, style: .plain)
        #expect(canvas.text() == " x茶")
    }

    @Test func writingOutsideTheGridIsClipped() {
        var canvas = Canvas(width: 4, height: 2)
        #expect(canvas.put("hello", x: 2, y: 5, style: .plain) == 0)
        #expect(canvas.put("hello", x: 2, y: 1, style: .plain) == 2)
        #expect(canvas.text() == "\n  h…")
    }

    @Test func textWrapBreaksAtSpacesByDisplayWidth() {
        #expect(TextWrap.lines("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextWrap.lines("抹茶抹茶抹茶", width: 4) == ["抹茶", "抹茶", "抹茶"])
    }
}
