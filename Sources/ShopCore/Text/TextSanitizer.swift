/// Makes text from data or input safe for every output the shop writes: the terminal (the
/// interface, the command line's tables, messages and errors), mail, and — through
/// `needsJSONEscape` — JSON. Escape sequences (CSI, OSC, DCS...), C0 and C1 control characters
/// and bidirectional controls never get through; what becomes of them depends on the output:
///
/// - on a terminal each is replaced by `�` (a whole escape sequence by one `�`), so the reader
///   sees that something was there; a combining mark with nothing to combine with gets a dotted
///   circle so it cannot eat the previous column;
/// - in mail they are removed, as a mail reader would show nothing useful for them.
///
/// Line breaks (LF, CR, CRLF, U+2028, U+2029) and tabs become spaces on one-line outputs; on
/// outputs of several lines a line break becomes `\n`, and a body of mail keeps its tabs.
public enum TextSanitizer {
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Where cleaned text goes.
    public enum Output: Sendable {
        /// One line of a terminal: a table cell, an error message, a status line.
        case terminalLine
        /// Text of several lines for a terminal, such as a support thread.
        case terminalLines
        /// A mail header value: one line.
        case mailHeader
        /// A mail body: lines and tabs kept.
        case mailBody

        var isTerminal: Bool { self == .terminalLine || self == .terminalLines }
        var keepsLines: Bool { self == .terminalLines || self == .mailBody }
    }

    /// Whether `text` can go to a terminal line as it is (the common case, checked without allocating).
    public static func isClean(_ text: some StringProtocol) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            return text.unicodeScalars.allSatisfy { isSafe($0) && !isLineBreak($0) } && !startsWithMark(text)
        }
        return true
    }

    /// `text` made safe for `output`.
    public static func clean(_ text: some StringProtocol, for output: Output = .terminalLine) -> String {
        if isClean(text) { return String(text) }
        let unsafe: Unicode.Scalar? = output.isTerminal ? replacement : nil
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x1B:
                skipEscapeSequence(&scalars)
                if let unsafe { out.append(unsafe) }
            case 0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F:  // C1 CSI, OSC, DCS, SOS, PM, APC
                skipControlString(&scalars, csi: scalar.value == 0x9B)
                if let unsafe { out.append(unsafe) }
            case 0x09:
                out.append(output == .mailBody ? "\t" : " ")
            case 0x0D where output.keepsLines:
                if scalars.first == "\n" { scalars.removeFirst() }
                out.append("\n")
            case 0x0A, 0x0D, 0x2028, 0x2029:
                out.append(output.keepsLines ? "\n" : " ")
            default:
                if isSafe(scalar) {
                    if output.isTerminal, out.isEmpty || out.last == " " || out.last == "\n",
                       DisplayWidth.isZeroWidth(scalar), scalar.properties.generalCategory != .format {
                        out.append("\u{25CC}")
                    }
                    out.append(scalar)
                } else if let unsafe {
                    out.append(unsafe)
                }
            }
        }
        return String(out)
    }

    /// Whether a scalar may reach an output as it is: not a control character (line breaks and
    /// tabs included), not a bidirectional control, not an interlinear annotation control.
    public static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return false  // bidi controls
        case 0xFFF9...0xFFFB: return false  // interlinear annotation controls
        default: return true
        }
    }

    /// Whether JSON output writes the scalar as `\uXXXX`: every unsafe scalar, line and paragraph
    /// separators, and every other format control (zero-width characters, tags...), so that a
    /// program reading the JSON gets the text exactly and a person reading it sees what is there.
    public static func needsJSONEscape(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value < 0x20 || scalar.value == 0x7F }
        return !isSafe(scalar) || isLineBreak(scalar) || scalar.properties.generalCategory == .format
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private static func startsWithMark(_ text: some StringProtocol) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first.value >= 0x300 && DisplayWidth.isZeroWidth(first) && first.properties.generalCategory != .format
    }

    /// Drops the rest of an escape sequence whose ESC was just read.
    private static func skipEscapeSequence(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        guard let introducer = scalars.first else { return }
        switch introducer {
        case "[":
            scalars.removeFirst()
            skipControlString(&scalars, csi: true)
        case "]", "P", "X", "^", "_":
            scalars.removeFirst()
            skipControlString(&scalars, csi: false)
        default:
            // A two-character sequence (ESC c, ESC 7...), possibly with intermediates (ESC ( B).
            while let next = scalars.first, (0x20...0x2F).contains(next.value) { scalars.removeFirst() }
            if let next = scalars.first, (0x30...0x7E).contains(next.value) { scalars.removeFirst() }
        }
    }

    /// CSI ends at a final byte 0x40–0x7E; OSC, DCS and friends at BEL or ST (ESC \ or 0x9C).
    private static func skipControlString(_ scalars: inout ArraySlice<Unicode.Scalar>, csi: Bool) {
        while let next = scalars.popFirst() {
            if csi {
                if (0x40...0x7E).contains(next.value) { return }
                if !(0x20...0x3F).contains(next.value) { return }
            } else {
                if next.value == 0x07 || next.value == 0x9C { return }
                if next.value == 0x1B {
                    if scalars.first == "\\" { scalars.removeFirst() }
                    return
                }
            }
        }
    }
}
