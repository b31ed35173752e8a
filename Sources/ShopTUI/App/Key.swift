/// A key press as the shop understands it, decoded from the terminal by the backend.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Ctrl-U: delete from the caret back to the start of the text.
    case deleteToStart
    /// Ctrl-W: delete the word before the caret.
    case deleteWordBackward
    /// Alt-← and Alt-→ (or Alt-b, Alt-f): move the caret by a word.
    case wordLeft, wordRight
}

/// A mouse event in screen cells.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case click
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
