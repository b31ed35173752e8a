/// Bold, underline, reverse video... as a set.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let italic = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let reverse = TextAttributes(rawValue: 1 << 4)
    public static let strikethrough = TextAttributes(rawValue: 1 << 5)

    public static let names: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "italic": .italic, "underline": .underline,
        "underlined": .underline, "reverse": .reverse, "reversed": .reverse,
        "strikethrough": .strikethrough, "crossed_out": .strikethrough,
    ]
}

/// How one cell looks: colours and attributes, already resolved from the theme.
public struct TextStyle: Hashable, Sendable {
    public var foreground: Colour
    public var background: Colour
    public var attributes: TextAttributes

    public init(foreground: Colour = .terminalDefault, background: Colour = .terminalDefault, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = TextStyle()

    public func adding(_ extra: TextAttributes) -> TextStyle {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    public func degraded(to depth: ColourDepth) -> TextStyle {
        TextStyle(foreground: foreground.degraded(to: depth), background: background.degraded(to: depth), attributes: attributes)
    }
}
