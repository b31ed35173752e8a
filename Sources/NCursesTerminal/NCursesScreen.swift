@preconcurrency import CNCurses
@preconcurrency import Glibc
import ShopTUI

/// The terminal through ncurses: starts and ends it, copies canvases to the screen (only the
/// cells that changed; ncurses then sends only what differs), maps styles to colour pairs, and
/// reads keys, mouse events and resizes.
///
/// Several screens can live in one process (`comptoir serve`: one per SSH customer, each on its own
/// pty). ncurses keeps one current SCREEN, so every method makes its own screen current first
/// (`set_term`); all screens must be driven from one thread, the main actor's.
@MainActor
final class NCursesScreen {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: Canvas?
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    /// The read timeout set on the window, in milliseconds.
    private var readTimeout: Int32 = 250
    /// The terminal's own codes for Alt-← and Alt-→.
    private var wordArrows = KeyDecoder.WordArrows()
    private(set) var isOpen = true
    let colourDepth: ColourDepth
    private let directColour: Bool

    private struct PairKey: Hashable {
        var foreground: Colour
        var background: Colour
    }

    /// Starts ncurses on stdin/stdout; nil when terminfo does not know `TERM`. Should the process
    /// exit without closing it (a fatal stop on another thread), the terminal is restored at exit.
    convenience init?(term: String) {
        self.init(term: term, output: stdout, input: stdin, environment: [:])
        Self.restoresTerminalAtExit
    }

    private static let restoresTerminalAtExit: Void = {
        atexit {
            if !isendwin() {
                curs_set(1)
                endwin()
            }
        }
    }()

    /// Starts ncurses on the given streams (a pty's slave for an SSH customer); nil when terminfo
    /// does not know `term`. `environment` is the customer's (`COLORTERM` for the colour depth).
    init?(term: String, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>, environment: [String: String]) {
        guard let screen = newterm(term, output, input) else { return nil }
        self.screen = screen
        set_term(screen)
        window = comptoir_stdscr()!
        if has_colors() {
            start_color()
            use_default_colors()
        }
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        wordArrows = KeyDecoder.WordArrows.ofCurrentTerminal()
        // Reads give up after a quarter second so shop time can tick while nobody types.
        wtimeout(window, 250)
        mousemask(comptoir_mouse_mask(), nil)
        mouseinterval(0)
        let colours = has_colors() ? Int(comptoir_colors()) : 0
        directColour = colours >= 16_777_216
        colourDepth = ColourDepth.detect(terminalColours: colours, environment: environment)
    }

    var size: (width: Int, height: Int) {
        activate()
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Makes this screen ncurses' current one (a no-op cost when it already is).
    private func activate() {
        set_term(screen)
    }


    /// Restores the terminal; safe to call twice. `freeing` releases the SCREEN too; a host of
    /// several screens passes false: ncursesw 6.4's `delscreen` while another SCREEN lives
    /// breaks that one (its `stdscr` is gone and the next `wrefresh` crashes; reproduced in C), so
    /// an ended customer's SCREEN stays allocated (about 170 KB).
    func close(freeing: Bool = true) {
        guard isOpen else { return }
        isOpen = false
        activate()
        curs_set(1)
        endwin()
        if freeing { delscreen(screen) }
    }

    /// Forgets what is on screen, so the next draw repaints every cell (after a resize or theme change).
    func invalidate() {
        activate()
        previous = nil
        clearok(window, true)
    }

    func draw(_ canvas: Canvas) {
        activate()
        let full = previous == nil || previous!.width != canvas.width || previous!.height != canvas.height
        if full { werase(window) }
        var text: [wchar_t] = []
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                if cell.width == 0 { continue }
                if !full, let previous, previous[x, y] == cell { continue }
                text.removeAll(keepingCapacity: true)
                for scalar in cell.grapheme.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
                text.append(0)
                _ = comptoir_set_cell(window, Int32(y), Int32(x), text, attributes(cell.style.attributes), pair(for: cell.style))
            }
        }
        previous = canvas
        if let cursor = canvas.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wrefresh(window)
    }

    /// The next input; waits up to `milliseconds` (a quarter second by default). Returns nil when
    /// none came or a read was interrupted.
    func read(waitingAtMost milliseconds: Int32 = 250) -> KeyDecoder.Input? {
        activate()
        if milliseconds != readTimeout {
            readTimeout = milliseconds
            wtimeout(window, milliseconds)
        }
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == ERR { return nil }
        if status == OK, code == 27 { return readAfterEscape() }
        return KeyDecoder.decode(status: status, code: UInt32(code), wordArrows: wordArrows)
    }

    /// An Escape followed at once by another key is Alt with that key (terminals send Alt-b as
    /// `ESC b`); a lone Escape stays Escape, and a key that is no Alt shortcut is put back.
    private func readAfterEscape() -> KeyDecoder.Input {
        wtimeout(window, 0)
        defer { wtimeout(window, readTimeout) }
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == ERR { return .key(.escape) }
        if let key = KeyDecoder.decodeAfterEscape(status: status, code: UInt32(code)) { return .key(key) }
        if status == KEY_CODE_YES {
            ungetch(Int32(code))
        } else {
            unget_wch(wchar_t(code))
        }
        return .key(.escape)
    }

    private func attributes(_ set: TextAttributes) -> attr_t {
        var value = comptoir_a_normal()
        if set.contains(.bold) { value |= comptoir_a_bold() }
        if set.contains(.dim) { value |= comptoir_a_dim() }
        if set.contains(.italic) { value |= comptoir_a_italic() }
        if set.contains(.underline) { value |= comptoir_a_underline() }
        if set.contains(.reverse) { value |= comptoir_a_reverse() }
        return value
    }

    private func pair(for style: TextStyle) -> Int32 {
        let key = PairKey(foreground: style.foreground, background: style.background)
        if key.foreground == .terminalDefault && key.background == .terminalDefault { return 0 }
        if let pair = pairs[key] { return pair }
        guard has_colors(), nextPair < comptoir_color_pairs() else { return 0 }
        let pair = nextPair
        nextPair += 1
        _ = comptoir_init_extended_pair(pair, number(style.foreground), number(style.background))
        pairs[key] = pair
        return pair
    }

    private func number(_ colour: Colour) -> Int32 {
        switch colour {
        case .terminalDefault: return -1
        case let .ansi(index): return Int32(index) % max(8, min(16, comptoir_colors()))
        case let .indexed(index): return Int32(index)
        case let .rgb(r, g, b):
            return directColour ? Int32(r) << 16 | Int32(g) << 8 | Int32(b) : Int32(Colour.nearestIndexed(r, g, b))
        }
    }
}
