import ShopCore

/// Breaks text into lines of at most `width` columns, at spaces when it can; a word longer than
/// a line is cut. Text is sanitized first, so line breaks in data become spaces.
public enum TextWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in TextSanitizer.clean(text).split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            var wordWidth = DisplayWidth.of(word)
            if lineWidth > 0, lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while wordWidth > width {
                var head = ""
                var headWidth = 0
                while let next = word.first, headWidth + DisplayWidth.of(next) <= width {
                    head.append(next)
                    headWidth += DisplayWidth.of(next)
                    word = word.dropFirst()
                }
                if headWidth == 0 { word = word.dropFirst(); continue }
                if lineWidth > 0 { lines.append(line) }
                lines.append(head)
                line = ""
                lineWidth = 0
                wordWidth = DisplayWidth.of(word)
            }
            guard !word.isEmpty else { continue }
            if lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
        }
        if lineWidth > 0 { lines.append(line) }
        return lines
    }
}
