import ShopCore
import Testing
@testable import ShopTUI

/// Ctrl-U, Ctrl-W, Ctrl-A/Home, Ctrl-E/End and Alt-←/→ in a form field and in the search box,
/// and a paste cut at the field's length with a note.
@Suite struct TextEditingKeysTests {
    static func form(_ text: String) -> Form {
        var form = Form([.text("name", "Name"), .button("go", "Go")])
        for character in text { _ = form.handle(.character(character)) }
        return form
    }

    static func caret(_ form: Form) -> Int? { form.item("name")?.textField?.cursor }

    @Test func ctrlUDeletesFromTheCaretToTheStart() {
        var form = Self.form("Alice Martin")
        #expect(form.handle(.wordLeft) == .handled)
        #expect(form.handle(.deleteToStart) == .handled)
        #expect(form.text("name") == "Martin")
        #expect(Self.caret(form) == 0)
        #expect(form.handle(.deleteToStart) == .handled)
        #expect(form.text("name") == "Martin")
    }

    @Test func ctrlWDeletesTheWordBeforeTheCaretAndTheSpacesAfterIt() {
        var form = Self.form("12 rue des Lilas  ")
        _ = form.handle(.deleteWordBackward)
        #expect(form.text("name") == "12 rue des ")
        _ = form.handle(.deleteWordBackward)
        #expect(form.text("name") == "12 rue ")
        _ = form.handle(.home)
        _ = form.handle(.deleteWordBackward)
        #expect(form.text("name") == "12 rue ")
        _ = form.handle(.end)
        _ = form.handle(.deleteWordBackward)
        _ = form.handle(.deleteWordBackward)
        _ = form.handle(.deleteWordBackward)
        #expect(form.text("name") == "")
        #expect(form.isEdited)
    }

    @Test func ctrlWStopsAtPunctuationInAnEmailAddress() {
        var form = Self.form("alice@example.fr")
        _ = form.handle(.deleteWordBackward)
        #expect(form.text("name") == "alice@example.")
        _ = form.handle(.deleteWordBackward)
        #expect(form.text("name") == "alice@")
    }

    @Test func homeAndEndMoveTheCaretAndTypingGoesThere() {
        var form = Self.form("ice")
        _ = form.handle(.home)
        #expect(Self.caret(form) == 0)
        _ = form.handle(.character("J"))
        #expect(form.text("name") == "Jice")
        _ = form.handle(.end)
        #expect(Self.caret(form) == 4)
        _ = form.handle(.character("!"))
        #expect(form.text("name") == "Jice!")
    }

    @Test func altArrowsMoveByWord() {
        var form = Self.form("one two, three")
        _ = form.handle(.wordLeft)
        #expect(Self.caret(form) == 9)
        _ = form.handle(.wordLeft)
        #expect(Self.caret(form) == 4)
        _ = form.handle(.wordLeft)
        #expect(Self.caret(form) == 0)
        _ = form.handle(.wordLeft)
        #expect(Self.caret(form) == 0)
        _ = form.handle(.wordRight)
        #expect(Self.caret(form) == 3)
        _ = form.handle(.wordRight)
        #expect(Self.caret(form) == 7)
        _ = form.handle(.wordRight)
        #expect(Self.caret(form) == 14)
        _ = form.handle(.wordRight)
        #expect(Self.caret(form) == 14)
        #expect(form.text("name") == "one two, three")
    }

    @Test func editingKeysWorkInMaskedFieldsToo() {
        var form = Form([.text("password", "Password", format: .secure)])
        for character in "correct horse" { _ = form.handle(.character(character)) }
        _ = form.handle(.deleteWordBackward)
        #expect(form.text("password") == "correct ")
        _ = form.handle(.deleteToStart)
        #expect(form.text("password") == "")
    }

    @Test func aPasteLongerThanTheFieldIsCutWithANoteOnTheStatusLine() {
        var harness = AccountFormTests.guest()
        harness.press(.character("l"))
        #expect(harness.state.accountForm?.isOpen == true)
        harness.type(String(repeating: "a", count: 300))
        #expect(harness.state.accountForm?.form.text("email").count == 254)
        #expect(harness.state.status?.text == TextField.cutNote(254))
        #expect(harness.screen.contains("Text cut at 254 characters"))
    }

    // The search box.

    static func searching(_ text: String) -> AppState {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, text)
        return state
    }

    @Test func inTheSearchBoxCtrlUClearsAndSearchesAgain() {
        var state = Self.searching("kettle")
        #expect(state.results.total == 1)
        Fixtures.press(&state, .deleteToStart)
        #expect(state.search.text == "")
        #expect(state.results.total == Fixtures.products.count)
        #expect(state.search.isEditing)
    }

    @Test func inTheSearchBoxCtrlWDeletesTheLastWord() {
        var state = Self.searching("coffee kettle")
        #expect(state.results.total == 0)
        Fixtures.press(&state, .deleteWordBackward)
        #expect(state.search.text == "coffee ")
        #expect(state.results.total == 2)
    }

    @Test func inTheSearchBoxHomeEndAndWordArrowsMoveTheCaret() {
        var state = Self.searching("coffee beans")
        Fixtures.press(&state, .home)
        #expect(state.search.field.cursor == 0)
        Fixtures.type(&state, "illy ")
        #expect(state.search.text == "illy coffee beans")
        Fixtures.press(&state, .wordRight)
        #expect(state.search.field.cursor == 11)
        Fixtures.press(&state, .wordLeft, .wordLeft)
        #expect(state.search.field.cursor == 0)
        Fixtures.press(&state, .end, .left, .left, .delete)
        #expect(state.search.text == "illy coffee beas")
        #expect(state.search.isEditing)
    }

    @Test func theCaretIsDrawnWhereItIsInTheBox() {
        var state = Self.searching("coffee")
        let end = HeaderView.searchCursor(state, layout: state.layout)
        Fixtures.press(&state, .home)
        let start = HeaderView.searchCursor(state, layout: state.layout)
        #expect(end.x - start.x == 6)
        Fixtures.press(&state, .wordRight)
        #expect(HeaderView.searchCursor(state, layout: state.layout) == end)
    }

    @Test func aLongQueryKeepsTheCaretInViewAtEitherEnd() {
        var state = Self.searching(String(repeating: "word ", count: 30))
        let box = HeaderView.searchBox(state, layout: state.layout)
        #expect(HeaderView.searchCursor(state, layout: state.layout).x < box.maxX)
        Fixtures.press(&state, .home)
        #expect(HeaderView.searchCursor(state, layout: state.layout).x == box.x + 2)
        #expect(ShopView.render(state).text().split(separator: "\n").first?.contains("⌕ word word") == true)
    }

    @Test func aPasteIntoTheSearchBoxIsCutWithANote() {
        var state = Self.searching(String(repeating: "x", count: SearchBox.maxLength + 50))
        #expect(state.search.text.count == SearchBox.maxLength)
        #expect(state.status?.text == TextField.cutNote(SearchBox.maxLength))
        Fixtures.press(&state, .backspace)
        #expect(state.search.text.count == SearchBox.maxLength - 1)
    }

    // What search says back.

    @Test func aCorrectedWordIsSaidOnTheStatusLine() {
        let state = Self.searching("kettel ")
        #expect(state.results.total == 1)
        #expect(ShopView.render(state).text().contains("Showing results for kettle"))
    }

    @Test func anUnknownBrandIsSaidWithTheClosest() {
        let state = Self.searching("brand:lavaza")
        #expect(state.results.total == 0)
        #expect(state.queryProblem == "no brand 'lavaza': did you mean Lavazza?")
        #expect(ShopView.render(state).text().contains("no brand 'lavaza': did you mean Lavazza?"))
    }

    @Test func aWordOfABrandFiltersInTheBox() {
        let state = Self.searching("brand:buyer")
        #expect(state.results.total == 1)
        #expect(state.queryProblem == nil)
    }
}
