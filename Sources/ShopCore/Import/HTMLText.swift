/// Turns a product description written in HTML (Shopify's `Body (HTML)`) into plain text:
/// tags removed (the content of `script` and `style` too), common entities decoded, whitespace
/// collapsed to single spaces. Block tags (`p`, `br`, `li`, headings...) separate words.
public enum HTMLText {
    public static func plainText(_ html: String) -> String {
        var output = ""
        var rest = Substring(html)
        while let next = rest.firstIndex(where: { $0 == "<" || $0 == "&" }) {
            output += rest[..<next]
            rest = rest[next...]
            if rest.first == "<" {
                guard let close = rest.firstIndex(of: ">") else { output += rest; rest = ""; break }
                let tag = rest[rest.index(after: rest.startIndex)..<close]
                let name = tagName(tag)
                rest = rest[rest.index(after: close)...]
                if (name == "script" || name == "style") && !tag.hasPrefix("/") {
                    rest = skipping(pastClosing: name, in: rest)
                }
                if !inlineTags.contains(name) { output += " " }
            } else {
                let (decoded, length) = entity(at: rest)
                output += decoded
                rest = rest.dropFirst(length)
            }
        }
        output += rest
        return collapsingWhitespace(output)
    }

    /// The text after the closing tag `</name>`, or nothing when it never closes.
    private static func skipping(pastClosing name: String, in text: Substring) -> Substring {
        var rest = text
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("/"), tagName(after.prefix(while: { $0 != ">" })) == name {
                guard let close = after.firstIndex(of: ">") else { return "" }
                return after[after.index(after: close)...]
            }
            rest = after
        }
        return ""
    }

    /// Tags that sit inside a word or sentence and must not add a space.
    private static let inlineTags: Set<String> = ["b", "strong", "i", "em", "u", "span", "a", "small", "sup", "sub", "mark", "code"]

    private static func tagName(_ tag: Substring) -> String {
        let body = tag.drop(while: { $0 == "/" || $0 == "!" })
        return String(body.prefix(while: { $0.isLetter || $0.isNumber })).lowercased()
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "agrave": "à", "acirc": "â", "auml": "ä",
        "ccedil": "ç", "icirc": "î", "iuml": "ï", "ocirc": "ô", "ouml": "ö", "ugrave": "ù", "ucirc": "û",
        "uuml": "ü", "ntilde": "ñ", "Eacute": "É", "Agrave": "À", "Ccedil": "Ç", "oelig": "œ", "szlig": "ß",
        "euro": "€", "pound": "£", "yen": "¥", "copy": "©", "reg": "®", "trade": "™", "deg": "°",
        "times": "×", "middot": "·", "bull": "•", "hellip": "…", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
    ]

    /// The text an entity at the start of `text` stands for and how many characters it spans;
    /// an unknown or unterminated entity is kept as a literal `&`.
    private static func entity(at text: Substring) -> (String, Int) {
        let body = text.dropFirst().prefix(12)
        guard let semicolon = body.firstIndex(of: ";") else { return ("&", 1) }
        let name = body[..<semicolon]
        let length = name.count + 2
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let code = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            if let code, let scalar = Unicode.Scalar(code), code >= 0x20 || code == 0x0A || code == 0x09 {
                return (String(Character(scalar)), length)
            }
            return ("&", 1)
        }
        if let decoded = named[String(name)] { return (decoded, length) }
        return ("&", 1)
    }

    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
