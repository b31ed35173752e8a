/// How many colours the terminal shows, from best to none.
public enum ColourDepth: Int, Comparable, Sendable, CaseIterable {
    case none = 0
    case ansi16 = 16
    case indexed256 = 256
    case trueColour = 16_777_216

    /// The depth to draw with. ncurses emits RGB only through a direct-colour terminfo entry
    /// (`COLORS` = 2^24, e.g. `xterm-direct`), so `COLORTERM=truecolor` alone cannot lift a
    /// 256-colour entry; without `COLORTERM` a direct entry is still trusted, since terminfo says so.
    public static func detect(terminalColours: Int, environment: [String: String]) -> ColourDepth {
        if terminalColours >= 16_777_216 { return .trueColour }
        if terminalColours >= 256 { return .indexed256 }
        if terminalColours >= 8 { return .ansi16 }
        return .none
    }

    public static func < (a: ColourDepth, b: ColourDepth) -> Bool { a.rawValue < b.rawValue }
}
