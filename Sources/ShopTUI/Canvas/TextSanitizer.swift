/// Makes text from data safe to draw: escape sequences (CSI, OSC, DCS...), C0 and C1 control
/// characters and bidirectional overrides never reach the terminal. Each is replaced by `�`
/// (a whole escape sequence by one `�`), line breaks and tabs by a space, and a combining mark
/// with nothing to combine with gets a dotted circle so it cannot eat the previous column.
public enum TextSanitizer {
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Whether `text` can be drawn as it is (the common case, checked without allocating).
    public static func isClean(_ text: some StringProtocol) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F { return text.unicodeScalars.allSatisfy(isSafe) && !startsWithMark(text) }
        return true
    }

    public static func clean(_ text: some StringProtocol) -> String {
        if isClean(text) { return String(text) }
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x1B:
                skipEscapeSequence(&scalars)
                out.append(replacement)
            case 0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F:  // C1 CSI, OSC, DCS, SOS, PM, APC
                skipControlString(&scalars, csi: scalar.value == 0x9B)
                out.append(replacement)
            case 0x09, 0x0A, 0x0D:
                out.append(" ")
            default:
                if isSafe(scalar) {
                    if out.isEmpty || out.last == " ", DisplayWidth.isZeroWidth(scalar), scalar.properties.generalCategory != .format {
                        out.append("\u{25CC}")
                    }
                    out.append(scalar)
                } else {
                    out.append(replacement)
                }
            }
        }
        return String(out)
    }

    static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return false  // bidi controls
        case 0xFFF9...0xFFFB: return false  // interlinear annotation controls
        default: return true
        }
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
