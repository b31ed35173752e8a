/// RFC 2047 encoded words (`=?UTF-8?B?...?=`) for header text that is not plain ASCII, and
/// the folding of header fields so that no line exceeds 78 characters.
public enum EncodedWords {
    /// RFC 5322's recommended line length, CRLF excluded.
    public static let maximumLineLength = 78
    /// RFC 2047's limit for one encoded word.
    public static let maximumWordLength = 75

    /// Header field `name: text` for unstructured text (a subject, an extra header), folded into
    /// lines of at most 78 characters. Text that is printable ASCII with single spaces between
    /// words is written as it is; anything else is written as UTF-8 Base64 encoded words. Empty
    /// text gives an empty field.
    public static func unstructuredField(name: String, text: String) -> [String] {
        if text.isEmpty { return [name + ":"] }
        if let words = plainWords(text, firstLineRoom: maximumLineLength - name.count - 2) {
            return fold(name: name, tokens: words)
        }
        return fold(name: name, tokens: encode(text, firstWordRoom: maximumLineLength - name.count - 2))
    }

    /// The tokens of a display name in an address header. Words made only of atom characters
    /// stay plain; each run of other words becomes encoded words, the spaces inside the run
    /// included. A run too long for one encoded word is cut after a space, which stays at the end
    /// of the earlier word, so RFC 2047 readers keep it. (Python's `email` package joins adjacent
    /// encoded words in a name with one more space; it only shows for such long runs.)
    public static func phraseTokens(_ name: String, firstWordRoom: Int) -> [String] {
        var tokens: [String] = []
        var run: [Substring] = []
        func flushRun() {
            guard !run.isEmpty else { return }
            let room = tokens.isEmpty ? firstWordRoom : maximumWordLength
            tokens += encode(run.joined(separator: " "), firstWordRoom: room, breakAfterSpaces: true)
            run = []
        }
        for word in name.split(separator: " ") {
            let room = tokens.isEmpty && run.isEmpty ? firstWordRoom : maximumLineLength - 1
            let isAtom = word.count <= room && !word.contains("=?")
                && word.unicodeScalars.allSatisfy(isAtext)
            if isAtom {
                flushRun()
                tokens.append(String(word))
            } else {
                run.append(word)
            }
        }
        flushRun()
        return tokens
    }

    /// Joins `tokens` with single spaces after `name:`, starting a new line (CRLF + space)
    /// whenever the next token would pass 78 characters.
    public static func fold(name: String, tokens: [String]) -> [String] {
        var lines: [String] = []
        var current = name + ":"
        var currentIsFresh = true
        for token in tokens {
            if !currentIsFresh && current.utf8.count + 1 + token.utf8.count > maximumLineLength {
                lines.append(current)
                current = " " + token
            } else {
                current += " " + token
            }
            currentIsFresh = false
        }
        lines.append(current)
        return lines
    }

    /// `text` as UTF-8 Base64 encoded words, each holding whole Unicode scalars; the first at
    /// most `firstWordRoom` characters long, the others at most 75 (one per continuation line).
    /// With `breakAfterSpaces`, a word that must be cut ends after its last space when it has one.
    public static func encode(_ text: String, firstWordRoom: Int, breakAfterSpaces: Bool = false) -> [String] {
        let scalars = Array(text.unicodeScalars)
        func wordLength(_ byteCount: Int) -> Int { 12 + (byteCount + 2) / 3 * 4 }
        var words: [String] = []
        var room = min(firstWordRoom, maximumWordLength)
        var start = 0
        repeat {
            var end = start
            var byteCount = 0
            while end < scalars.count {
                let size = String(scalars[end]).utf8.count
                if end > start && wordLength(byteCount + size) > room { break }
                byteCount += size
                end += 1
            }
            if breakAfterSpaces, end < scalars.count,
               let space = scalars[start..<end].lastIndex(of: " "), space > start {
                end = space + 1
            }
            let bytes = scalars[start..<end].flatMap { Array(String($0).utf8) }
            words.append("=?UTF-8?B?" + Base64.encode(bytes) + "?=")
            start = end
            room = maximumWordLength
        } while start < scalars.count
        return words
    }

    /// Decodes the encoded words in an (unfolded) header value. Whitespace between two encoded
    /// words is dropped, as RFC 2047 §6.2 says; B and Q encodings of UTF-8, US-ASCII and
    /// ISO-8859-1 are understood, other words are left as they are.
    public static func decode(_ value: String) -> String {
        var output = ""
        var pendingBytes: [UInt8] = []
        var pendingLatin1 = false
        var whitespaceAfterWord = ""
        var rest = Substring(value)

        func flush() {
            guard !pendingBytes.isEmpty else { return }
            output += pendingLatin1
                ? String(String.UnicodeScalarView(pendingBytes.map { UnicodeScalar($0) }))
                : String(decoding: pendingBytes, as: UTF8.self)
            pendingBytes = []
        }

        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (bytes, isLatin1, length) = decodeWord(rest) {
                if isLatin1 != pendingLatin1 { flush() }
                pendingLatin1 = isLatin1
                pendingBytes += bytes
                whitespaceAfterWord = ""
                rest = rest.dropFirst(length)
                continue
            }
            let character = rest.removeFirst()
            if character == " " || character == "\t", !pendingBytes.isEmpty {
                whitespaceAfterWord.append(character)
                continue
            }
            flush()
            output += whitespaceAfterWord
            whitespaceAfterWord = ""
            output.append(character)
        }
        flush()
        return output + whitespaceAfterWord
    }

    /// The bytes of the encoded word at the start of `text`, whether they are Latin-1, and the
    /// word's length in characters; nil when `text` does not start with a decodable word.
    private static func decodeWord(_ text: Substring) -> ([UInt8], Bool, Int)? {
        let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("="), !parts[2].contains(" ") else { return nil }
        let charset = parts[0].lowercased().split(separator: "*").first.map(String.init) ?? ""
        guard ["utf-8", "us-ascii", "iso-8859-1", "latin1"].contains(charset) else { return nil }
        let payload = parts[2]
        let bytes: [UInt8]?
        switch parts[1].uppercased() {
        case "B": bytes = Base64.decode(payload)
        case "Q": bytes = decodeQ(payload)
        default: bytes = nil
        }
        guard let bytes else { return nil }
        let length = 2 + parts[0].count + 1 + parts[1].count + 1 + payload.count + 2
        return (bytes, charset == "iso-8859-1" || charset == "latin1", length)
    }

    private static func decodeQ(_ payload: Substring) -> [UInt8]? {
        let source = Array(payload.utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "_") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "=") {
                guard index + 2 < source.count,
                      let high = QuotedPrintable.hexValue(source[index + 1]),
                      let low = QuotedPrintable.hexValue(source[index + 2]) else { return nil }
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return bytes
    }

    /// `text` split into words when it can be written as it is: printable ASCII, single spaces,
    /// no `=?`, and every word fits its line.
    private static func plainWords(_ text: String, firstLineRoom: Int) -> [String]? {
        guard !text.isEmpty, !text.contains("=?"),
              text.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) || $0 == " " }) else { return nil }
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard words.allSatisfy({ !$0.isEmpty && $0.count <= maximumLineLength - 1 }),
              words[0].count <= firstLineRoom else { return nil }
        return words
    }

    /// RFC 5322 `atext`: the characters an atom may hold.
    static func isAtext(_ scalar: UnicodeScalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
        }
    }
}
