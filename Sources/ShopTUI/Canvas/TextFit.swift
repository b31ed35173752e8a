import ShopCore

/// How text is made to fit a number of columns: the one rule every view follows, so that what is
/// cut is what matters least. A title keeps its distinguishing end ("Café Huehue… 1 kg"), a line
/// with shorter forms takes the longest that fits, a message drops its asides before its end.
/// Text is sanitized first; widths are display columns.
public enum TextFit {
    /// `text` in at most `width` columns, cut at the end with `…`.
    public static func end(_ text: String, width: Int) -> String {
        let clean = TextSanitizer.clean(text)
        guard width > 0 else { return "" }
        guard DisplayWidth.of(clean) > width else { return clean }
        return prefix(clean, width: width - 1).trimmingTrailing { $0 == " " } + "…"
    }

    /// A product title in at most `width` columns. One that does not fit is cut in the middle so
    /// its distinguishing end stays: the variant after a dash (`… – Espresso`) or a closing
    /// quantity (`… 1 kg`, `… ×100`), when that end takes at most three fifths of the width; else
    /// at the end.
    public static func title(_ text: String, width: Int) -> String {
        let clean = TextSanitizer.clean(text)
        guard DisplayWidth.of(clean) > width else { return clean }
        guard let tail = distinguishingEnd(clean) else { return end(clean, width: width) }
        let tailWidth = DisplayWidth.of(tail)
        let headWidth = width - tailWidth - 2
        // The end is kept when it leaves the start most of the room: at most three fifths for the end.
        guard headWidth >= 4, tailWidth * 5 <= width * 3 else { return end(clean, width: width) }
        let head = String(clean.dropLast(tail.count)).trimmingTrailing { $0 == " " || "–—-".contains($0) }
        return prefix(head, width: headWidth).trimmingTrailing { $0 == " " } + "… " + tail
    }

    /// The first of `choices` (longest first) that fits `width`, else the last one cut at the end.
    public static func first(_ choices: [String], width: Int) -> String {
        for choice in choices where DisplayWidth.of(TextSanitizer.clean(choice)) <= width { return TextSanitizer.clean(choice) }
        return end(choices.last ?? "", width: width)
    }

    /// A message in at most `width` columns: whole, else without its asides in parentheses
    /// (examples, details), else cut at the end.
    public static func message(_ text: String, width: Int) -> String {
        let clean = TextSanitizer.clean(text)
        guard DisplayWidth.of(clean) > width else { return clean }
        return end(withoutAsides(clean), width: width)
    }

    /// `text` without ` (…)` groups.
    static func withoutAsides(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" {
                depth += 1
                if result.last == " " { result.removeLast() }
            } else if character == ")", depth > 0 {
                depth -= 1
            } else if depth == 0 {
                result.append(character)
            }
        }
        return result
    }

    /// The end that tells a title from its siblings: what follows the last ` – `/` — `/` - `, or
    /// a closing quantity (`1 kg`, `250 g`, `1.7 l`, `×100`, `set of six` is not one).
    static func distinguishingEnd(_ title: String) -> String? {
        for separator in [" – ", " — ", " - "] {
            if let range = title.ranges(of: separator).last {
                let tail = title[range.upperBound...]
                if !tail.isEmpty { return String(tail) }
            }
        }
        let words = title.split(separator: " ")
        guard words.count >= 2, let last = words.last else { return nil }
        if last.first == "×" || (last.first == "x" && last.dropFirst().allSatisfy(\.isNumber) && last.count > 1) { return String(last) }
        let units: Set<String> = ["g", "kg", "mg", "l", "cl", "ml", "cm", "mm", "m", "oz", "lb", "pcs", "pack"]
        if units.contains(last.lowercased()), let amount = words.dropLast().last, amount.first?.isNumber == true {
            return "\(amount) \(last)"
        }
        if let digits = last.firstIndex(where: { !$0.isNumber && $0 != "." && $0 != "," }), digits > last.startIndex,
           units.contains(last[digits...].lowercased()) {
            return String(last)
        }
        return nil
    }

    /// The longest start of `text` within `width` columns.
    static func prefix(_ text: String, width: Int) -> String {
        var result = ""
        var used = 0
        for grapheme in text {
            let columns = DisplayWidth.of(grapheme)
            if used + columns > width { break }
            result.append(grapheme)
            used += columns
        }
        return result
    }
}

extension String {
    func trimmingTrailing(while drop: (Character) -> Bool) -> String {
        var copy = self
        while let last = copy.last, drop(last) { copy.removeLast() }
        return copy
    }
}
