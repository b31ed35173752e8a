@preconcurrency import CNCurses
@preconcurrency import Glibc

/// Why the shop cannot open in this terminal; one line, printed before exiting non-zero.
public enum TerminalRefusal: Error, Equatable, CustomStringConvertible {
    case notATerminal
    case unknownTerminal(String?)
    case notUTF8(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "comptoir: the shop needs a terminal on stdin and stdout; for scripts use the subcommands (comptoir search, comptoir cart ...)"
        case let .unknownTerminal(name?):
            return "comptoir: the terminal type TERM=\(name) is unknown to terminfo: set TERM to one it knows, e.g. TERM=xterm-256color"
        case .unknownTerminal(nil):
            return "comptoir: TERM is not set: set it to your terminal type, e.g. TERM=xterm-256color"
        case let .notUTF8(codeset):
            return "comptoir: the locale's character set is \(codeset), not UTF-8: set LANG or LC_ALL to a UTF-8 locale, e.g. LC_ALL=C.UTF-8"
        }
    }
}

enum TerminalRequirements {
    /// Checks what ncurses needs before it is started; an unknown TERM shows when `newterm` fails.
    /// Call after `setlocale(LC_ALL, "")`.
    static func check(environment: [String: String]) -> TerminalRefusal? {
        guard isatty(0) == 1, isatty(1) == 1 else { return .notATerminal }
        guard comptoir_codeset_is_utf8() == 1 else {
            return .notUTF8(String(cString: nl_langinfo(nl_item(CODESET))))
        }
        guard let term = environment["TERM"], !term.isEmpty else { return .unknownTerminal(nil) }
        return nil
    }
}
