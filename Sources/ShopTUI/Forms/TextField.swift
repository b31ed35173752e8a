import ShopCore

/// A one-line text field: the typed text, the caret, what may be typed and how it is shown.
public struct TextField: Hashable, Sendable {
    /// What the field accepts and how it shows it.
    public enum Format: Hashable, Sendable {
        case plain
        /// Each character shown as `•` (passwords, security codes).
        case secure
        /// Digits only, shown grouped as printed on the card (`4242 4242 4242 4242`).
        case cardNumber
        /// Digits and one `/`, the slash added after the month: `MM/YY`.
        case expiry
        /// Digits only (one-time codes).
        case digits
        /// Digits only, each shown as `•` (card security codes).
        case secretDigits
    }

    public var text: String
    /// Characters before the caret.
    public var cursor: Int
    public var format: Format
    public var maxLength: Int

    public init(_ text: String = "", format: Format = .plain, maxLength: Int = 100) {
        self.text = String(text.prefix(maxLength))
        self.cursor = self.text.count
        self.format = format
        self.maxLength = maxLength
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Replaces the text and puts the caret at its end.
    public mutating func set(_ newText: String) {
        text = String(newText.prefix(maxLength))
        cursor = text.count
    }

    /// Types one character at the caret; refused (false) when the format or the length forbids it.
    @discardableResult
    public mutating func insert(_ character: Character) -> Bool {
        switch format {
        case .plain, .secure:
            guard !character.isNewline, character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return false }
        case .cardNumber, .digits, .secretDigits:
            guard character.isASCII, character.isNumber else { return false }
        case .expiry:
            if character == "/" {
                guard !text.contains("/"), cursor > 0 else { return false }
            } else {
                guard character.isASCII, character.isNumber else { return false }
                if !text.contains("/"), text.count == 2, cursor == 2 {
                    guard text.count + 2 <= maxLength else { return false }
                    text.append("/")
                    cursor += 1
                }
            }
        }
        guard text.count < maxLength else { return false }
        let index = text.index(text.startIndex, offsetBy: cursor)
        text.insert(character, at: index)
        cursor += 1
        return true
    }

    /// Deletes the character before the caret.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        let index = text.index(text.startIndex, offsetBy: cursor - 1)
        text.remove(at: index)
        cursor -= 1
    }

    /// Deletes the character after the caret.
    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    /// Deletes everything before the caret (Ctrl-U).
    public mutating func deleteToStart() {
        text.removeFirst(cursor)
        cursor = 0
    }

    /// Deletes the word before the caret and the spaces after it (Ctrl-W), as a shell does.
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        let from = text.index(text.startIndex, offsetBy: start)
        let to = text.index(text.startIndex, offsetBy: cursor)
        text.removeSubrange(from..<to)
        cursor = start
    }

    /// Moves the caret to the start of the word before it (Alt-←).
    public mutating func moveCursorWordLeft() { cursor = wordStart(before: cursor) }

    /// Moves the caret past the end of the word after it (Alt-→).
    public mutating func moveCursorWordRight() {
        let characters = Array(text)
        var position = cursor
        while position < characters.count, !Self.isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count, Self.isWordCharacter(characters[position]) { position += 1 }
        cursor = position
    }

    /// Where the word ending at or before `position` starts, skipping the separators before `position` first.
    private func wordStart(before position: Int) -> Int {
        let characters = Array(text)
        var start = position
        while start > 0, !Self.isWordCharacter(characters[start - 1]) { start -= 1 }
        while start > 0, Self.isWordCharacter(characters[start - 1]) { start -= 1 }
        return start
    }

    /// Letters and digits make words; spaces and punctuation (`@`, `.`, `:`, `,`) separate them.
    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// The status line's note when typing (most often a paste) goes past the field's length.
    public static func cutNote(_ maxLength: Int) -> String {
        "Text cut at \(maxLength) characters: the field takes no more"
    }

    /// Whether the text is as long as the field allows: more typing (or a paste) is cut.
    public var isFull: Bool { text.count >= maxLength }

    public mutating func moveCursor(by delta: Int) { cursor = min(max(0, cursor + delta), text.count) }
    public mutating func moveCursorHome() { cursor = 0 }
    public mutating func moveCursorEnd() { cursor = text.count }

    /// Applies one of the editing keys every text field shares (typing, Backspace/Delete, ← →,
    /// Home/End and Ctrl-A/E, Ctrl-U, Ctrl-W, Alt-← →). Nil when `key` is not one of them; else
    /// whether the text changed.
    public mutating func edit(_ key: Key) -> Bool? {
        let before = text
        switch key {
        case let .character(character): insert(character)
        case .backspace: backspace()
        case .delete: deleteForward()
        case .left: moveCursor(by: -1)
        case .right: moveCursor(by: 1)
        case .home: moveCursorHome()
        case .end: moveCursorEnd()
        case .deleteToStart: deleteToStart()
        case .deleteWordBackward: deleteWordBackward()
        case .wordLeft: moveCursorWordLeft()
        case .wordRight: moveCursorWordRight()
        default: return nil
        }
        return text != before
    }

    /// The text as the screen shows it: masked, or grouped for a card number.
    public var displayed: String {
        switch format {
        case .secure, .secretDigits: return String(repeating: "•", count: text.count)
        case .cardNumber: return CardNumber.groupedForEntry(text)
        case .plain, .expiry, .digits: return text
        }
    }

    /// Columns from the start of `displayed` to the caret.
    public var displayedCursorColumn: Int {
        switch format {
        case .secure, .secretDigits:
            return cursor
        case .cardNumber:
            // Count displayed characters until `cursor` digits have gone by.
            var digits = 0
            var column = 0
            for character in displayed {
                if digits == cursor { break }
                if character != " " { digits += 1 }
                column += 1
            }
            return column
        case .plain, .expiry, .digits:
            return DisplayWidth.of(TextSanitizer.clean(text.prefix(cursor)))
        }
    }
}

extension String {
    /// Without the spaces and tabs at either end, as a typed value is read.
    var trimmedForField: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
