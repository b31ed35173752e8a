@preconcurrency import CNCurses
import ShopTUI

/// Turns what `get_wch` returns into the shop's input.
enum KeyDecoder {
    enum Input {
        case key(Key)
        case mouse(MouseEvent)
        case resize
        case ignored
    }

    /// The codes ncurses gives Alt-← and Alt-→ on this terminal (its `kLFT3`/`kRIT3` extended
    /// keys, e.g. `ESC [1;3D` in xterm and tmux), or nil where the terminal describes none.
    struct WordArrows: Sendable {
        var left: Int32?
        var right: Int32?

        /// Looks the sequences up in the terminal's description; call after `newterm` and `keypad`.
        static func ofCurrentTerminal() -> WordArrows {
            func code(_ capability: String) -> Int32? {
                let found = capability.withCString { tigetstr(UnsafeMutablePointer(mutating: $0)) }
                guard let sequence = found, Int(bitPattern: sequence) > 0 else { return nil }
                let code = key_defined(sequence)
                return code > 0 ? code : nil
            }
            return WordArrows(left: code("kLFT3"), right: code("kRIT3"))
        }
    }

    static func decode(status: Int32, code: UInt32, wordArrows: WordArrows = WordArrows()) -> Input {
        if status == KEY_CODE_YES {
            // Function key codes are small; a code beyond Int32 is no key at all (and must not trap).
            guard let code = Int32(exactly: code) else { return .ignored }
            if let left = wordArrows.left, code == left { return .key(.wordLeft) }
            if let right = wordArrows.right, code == right { return .key(.wordRight) }
            switch code {
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_ENTER: return .key(.enter)
            case KEY_BTAB: return .key(.backTab)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_RESIZE: return .resize
            case KEY_MOUSE: return mouse()
            default: return .ignored
            }
        }
        guard status == OK else { return .ignored }
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1: return .key(.home)
        case 5: return .key(.end)
        case 21: return .key(.deleteToStart)
        case 23: return .key(.deleteWordBackward)
        case 0..<32: return .ignored
        default:
            guard let scalar = Unicode.Scalar(code) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    /// The key that follows an Escape at once, as terminals send Alt with a key: Alt-b/Alt-f and
    /// Alt-←/→ move by word; nil for anything else (the Escape stands alone and the key is read again).
    static func decodeAfterEscape(status: Int32, code: UInt32) -> Key? {
        if status == KEY_CODE_YES {
            switch Int32(code) {
            case KEY_LEFT: return .wordLeft
            case KEY_RIGHT: return .wordRight
            default: return nil
            }
        }
        guard status == OK else { return nil }
        switch code {
        case 98: return .wordLeft
        case 102: return .wordRight
        default: return nil
        }
    }

    private static func mouse() -> Input {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return .ignored }
        let state = event.bstate
        if state & comptoir_button4_pressed() != 0 { return .mouse(MouseEvent(.wheelUp, x: Int(event.x), y: Int(event.y))) }
        if comptoir_button5_pressed() != 0, state & comptoir_button5_pressed() != 0 {
            return .mouse(MouseEvent(.wheelDown, x: Int(event.x), y: Int(event.y)))
        }
        if state & comptoir_button1_any() != 0 { return .mouse(MouseEvent(.click, x: Int(event.x), y: Int(event.y))) }
        return .ignored
    }
}
