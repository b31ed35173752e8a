/// A terminal colour as a theme names it; `degraded(to:)` fits it to what the terminal shows.
public enum Colour: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// One of the 256 xterm colours.
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    public static let ansiNames: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "gray": 8, "grey": 8, "bright-black": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// The same colour as the terminal can show it at `depth`.
    public func degraded(to depth: ColourDepth) -> Colour {
        switch (self, depth) {
        case (.terminalDefault, _), (_, .trueColour): return self
        case (_, .none): return .terminalDefault
        case (.ansi, _): return self
        case (.indexed(let index), .indexed256): return .indexed(index)
        case (.indexed(let index), .ansi16):
            if index < 16 { return .ansi(index) }
            let (r, g, b) = Colour.rgbOfIndex(index)
            return .ansi(Colour.nearestANSI(r, g, b))
        case (.rgb(let r, let g, let b), .indexed256): return .indexed(Colour.nearestIndexed(r, g, b))
        case (.rgb(let r, let g, let b), .ansi16): return .ansi(Colour.nearestANSI(r, g, b))
        }
    }

    /// The xterm default RGB of the 16 ANSI colours.
    static let ansiRGB: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    static func rgbOfIndex(_ index: UInt8) -> (UInt8, UInt8, UInt8) {
        if index < 16 { return ansiRGB[Int(index)] }
        if index >= 232 {
            let grey = UInt8(8 + 10 * (Int(index) - 232))
            return (grey, grey, grey)
        }
        let cube = Int(index) - 16
        return (UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[(cube / 6) % 6]), UInt8(cubeLevels[cube % 6]))
    }

    public static func nearestIndexed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func level(_ component: UInt8) -> Int {
            let value = Int(component)
            return value < 48 ? 0 : value < 115 ? 1 : (value - 35) / 40
        }
        let cube = UInt8(16 + 36 * level(r) + 6 * level(g) + level(b))
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = UInt8(average > 238 ? 255 : max(232, 232 + (average - 3) / 10))
        return distance(rgbOfIndex(cube), (r, g, b)) <= distance(rgbOfIndex(greyIndex), (r, g, b)) ? cube : greyIndex
    }

    static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        var best: UInt8 = 0
        var bestDistance = Int.max
        for (index, candidate) in ansiRGB.enumerated() {
            let d = distance(candidate, (r, g, b))
            if d < bestDistance { best = UInt8(index); bestDistance = d }
        }
        return best
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
