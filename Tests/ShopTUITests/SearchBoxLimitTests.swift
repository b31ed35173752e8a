import Testing
import ShopCore
@testable import ShopTUI

/// A long paste into the search box stops at `ShopLimits.maximumQueryLength` characters and says
/// so, so every further key costs nothing.
@Suite("Search box limit")
struct SearchBoxLimitTests {
    @Test func aPasted8KBTextIsCappedWithANote() {
        var state = Fixtures.state(width: 120, height: 40)
        Fixtures.press(&state, .character("/"))
        let pasted = String(repeating: "cafe arabica moulu ", count: 432)
        #expect(pasted.utf8.count >= 8_192)
        for character in pasted { Fixtures.press(&state, .character(character)) }
        #expect(state.search.text == String(pasted.prefix(ShopLimits.maximumQueryLength)))
        #expect(state.status == StatusMessage(
            "Text cut at 1000 characters: the field takes no more", isError: true))
        // The capped text has too many words to search: the reason shows, nothing crashes.
        #expect(state.queryProblem == QueryError.tooManyWords(158).description)
        Fixtures.press(&state, .backspace)
        #expect(state.search.text.count == ShopLimits.maximumQueryLength - 1)
        Fixtures.press(&state, .character("x"))
        #expect(state.search.text.count == ShopLimits.maximumQueryLength)
        _ = ShopView.render(state)
    }

    @Test func aShortQueryIsUnaffected() {
        var state = Fixtures.state(width: 120, height: 40)
        Fixtures.press(&state, .character("/"))
        for character in "cafe" { Fixtures.press(&state, .character(character)) }
        #expect(state.search.text == "cafe")
        #expect(state.status == nil || state.status?.isError == false)
    }
}
