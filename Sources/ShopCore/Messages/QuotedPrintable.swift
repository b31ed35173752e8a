/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text bodies.
public enum QuotedPrintable {
    /// The longest encoded line, soft-break `=` included.
    public static let maximumLineLength = 76

    /// Encodes `text` (line breaks `\n`, `\r\n` or `\r`) as quoted-printable lines joined by CRLF,
    /// each at most 76 characters: printable ASCII stays as it is except `=`; other bytes become
    /// `=XX`; a space or tab ending a line is encoded so transports cannot strip it; longer lines
    /// get soft breaks (`=` at the end) that never split an `=XX`; the first byte of a line
    /// starting `From ` or made of a single `.` is encoded too. The result ends with CRLF unless
    /// `text` is empty.
    public static func encode(_ text: String) -> String {
        let lines = normalisedLines(text)
        var output = ""
        for line in lines {
            let bytes = Array(line.utf8)
            var current = ""
            // A line starting "From " would be mangled by mbox tools, and a lone "." ends an
            // SMTP message: their first byte is encoded.
            let guardFirstByte = line.hasPrefix("From ") || line == "."
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let token = index == 0 && guardFirstByte
                    ? "=" + hexByte(byte) : token(for: byte, endsLine: isLast)
                let limit = isLast ? maximumLineLength : maximumLineLength - 1
                if current.utf8.count + token.utf8.count > limit {
                    output += current + "=\r\n"
                    current = ""
                }
                current += token
            }
            output += current + "\r\n"
        }
        return output
    }

    /// Decodes quoted-printable text: soft breaks are removed, `=XX` becomes the byte, line
    /// breaks become `\n`, and whitespace a transport added at line ends is dropped. A malformed
    /// `=` sequence is kept as it is.
    public static func decode(_ encoded: String) -> String {
        var bytes: [UInt8] = []
        var lines = Array(encoded.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines {
            var lineBytes = Array(line)
            while let last = lineBytes.last,
                  last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
                lineBytes.removeLast()
            }
            let softBreak = lineBytes.last == UInt8(ascii: "=")
            if softBreak { lineBytes.removeLast() }
            var index = 0
            while index < lineBytes.count {
                let byte = lineBytes[index]
                if byte == UInt8(ascii: "="), index + 2 < lineBytes.count,
                   let high = hexValue(lineBytes[index + 1]), let low = hexValue(lineBytes[index + 2]) {
                    bytes.append(high << 4 | low)
                    index += 3
                } else {
                    bytes.append(byte)
                    index += 1
                }
            }
            if !softBreak { bytes.append(UInt8(ascii: "\n")) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` split into lines at `\r\n`, `\n` or a lone `\r`; a final line break does not start
    /// a line. (Swift sees `\r\n` as one `Character`, so this works on scalars.)
    public static func normalisedLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    private static func token(for byte: UInt8, endsLine: Bool) -> String {
        let isWhitespace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        let isPlain = (33...126).contains(byte) && byte != UInt8(ascii: "=")
        if isPlain || (isWhitespace && !endsLine) {
            return String(UnicodeScalar(byte))
        }
        return "=" + hexByte(byte)
    }

    static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
