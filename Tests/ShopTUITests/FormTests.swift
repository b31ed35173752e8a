import ShopCore
import Testing
@testable import ShopTUI

/// The forms widget on its own: editing, masking, limits, focus order, toggles, submit and cancel.
@Suite struct FormTests {
    static func sample() -> Form {
        Form([
            .text("email", "Email"),
            .text("password", "Password", format: .secure, maxLength: 12),
            .checkbox("terms", "I accept the terms of sale"),
            .button("go", "Log in"),
            .button("other", "Create an account"),
        ])
    }

    static func type(_ form: inout Form, _ text: String) {
        for character in text { _ = form.handle(.character(character)) }
    }

    @Test func typingEditsTheFocusedFieldWithTheCaret() {
        var form = Self.sample()
        Self.type(&form, "alce@x.fr")
        #expect(form.text("email") == "alce@x.fr")
        for _ in 0..<7 { _ = form.handle(.left) }
        _ = form.handle(.character("i"))
        #expect(form.text("email") == "alice@x.fr")
        _ = form.handle(.end)
        _ = form.handle(.backspace)
        #expect(form.text("email") == "alice@x.f")
        _ = form.handle(.home)
        _ = form.handle(.delete)
        #expect(form.text("email") == "lice@x.f")
        #expect(form.isEdited)
    }

    @Test func lettersThatAreShopKeysTypeIntoTheField() {
        var form = Self.sample()
        for key in ["q", "t", "l", "c", "a"] {
            #expect(form.handle(.character(Character(key))) == .handled)
        }
        #expect(form.text("email") == "qtlca")
    }

    @Test func secureFieldsShowDotsAndStopAtTheirLength() {
        var form = Self.sample()
        _ = form.handle(.tab)
        Self.type(&form, "correct horse battery")
        #expect(form.text("password") == "correct hors")
        #expect(form.item("password")?.textField?.displayed == "••••••••••••")
    }

    @Test func tabAndShiftTabWrapAroundAndSkipHiddenItems() {
        var form = Self.sample()
        #expect(form.focusedID == "email")
        _ = form.handle(.backTab)
        #expect(form.focusedID == "other")
        form.setHidden("terms", true)
        _ = form.handle(.tab)
        _ = form.handle(.tab)
        _ = form.handle(.tab)
        #expect(form.focusedID == "go")
        _ = form.handle(.up)
        #expect(form.focusedID == "password")
    }

    @Test func spaceTogglesACheckboxAndOtherLettersAreLeftToTheScreen() {
        var form = Self.sample()
        form.focus(on: "terms")
        #expect(form.handle(.character(" ")) == .handled)
        #expect(form.isChecked("terms"))
        #expect(form.handle(.character("q")) == .ignored)
        _ = form.handle(.character(" "))
        #expect(!form.isChecked("terms"))
    }

    @Test func enterSubmitsWithTheFocusedItemAndEscCancels() {
        var form = Self.sample()
        #expect(form.handle(.enter) == .submit("email"))
        form.focus(on: "other")
        #expect(form.handle(.enter) == .submit("other"))
        #expect(form.handle(.escape) == .cancel)
    }

    @Test func cardNumbersAreDigitsGroupedAsTyped() {
        var field = TextField(format: .cardNumber, maxLength: 19)
        for character in "4242a42424242-4242" { field.insert(character) }
        #expect(field.text == "4242424242424242")
        #expect(field.displayed == "4242 4242 4242 4242")
        #expect(field.displayedCursorColumn == 19)
        field.moveCursor(by: -12)
        #expect(field.displayedCursorColumn == 4)
    }

    @Test func expiryGetsItsSlashAfterTheMonth() {
        var field = TextField(format: .expiry, maxLength: 5)
        for character in "12345" { field.insert(character) }
        #expect(field.text == "12/34")
    }

    @Test func aChoiceListMovesWithArrowsAndLeavesAtItsEnds() {
        var form = Form([
            .choice("method", "Pay with", [ChoiceOption("Card"), ChoiceOption("Wallet"), ChoiceOption("Cash at an agent")]),
            .text("number", "Card number"),
        ])
        _ = form.handle(.down)
        _ = form.handle(.character("j"))
        #expect(form.selected("method") == 2)
        _ = form.handle(.down)
        #expect(form.focusedID == "number")
        _ = form.handle(.up)
        #expect(form.focusedID == "method")
        #expect(form.selected("method") == 2)
    }

    @Test func drawingShowsLabelsErrorsAndPutsTheCursorInTheField() {
        var state = Fixtures.state(width: 80, height: 24)
        state.status = nil
        var form = Self.sample()
        Self.type(&form, "bob")
        form.setError("password", "the password has 0 characters")
        form.error = "Wrong email or password"
        var canvas = Canvas(width: 80, height: 24)
        FormView.draw(form, state: state, in: Rect(x: 2, y: 2, width: 60, height: 12), into: &canvas)
        let lines = canvas.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[2].contains("› Email"))
        #expect(lines[2].contains("bob"))
        #expect(lines[4].contains("the password has 0 characters"))
        #expect(lines[5].contains("[ ] I accept the terms of sale"))
        #expect(lines[7].contains("[ Log in ]  [ Create an account ]"))
        #expect(lines[9].contains("Wrong email or password"))
        #expect(canvas.cursor?.y == 2)
        #expect(canvas.cursor.map { canvas[$0.x - 1, $0.y].grapheme } == "b")
    }

    @Test func aLongFormScrollsToKeepTheFocusInView() {
        var form = Form((1...12).map { FormItem.text("f\($0)", "Field \($0)") })
        for _ in 0..<11 { _ = form.handle(.tab) }
        let state = Fixtures.state(width: 80, height: 24)
        var canvas = Canvas(width: 80, height: 24)
        FormView.draw(form, state: state, in: Rect(x: 0, y: 0, width: 60, height: 5), into: &canvas)
        #expect(canvas.text().contains("Field 12"))
        #expect(!canvas.text().contains("Field 1\n"))
        #expect(canvas.cursor?.y == 4)
    }
}
