/// A query word that matched nothing as typed, and the word of the catalogue searched instead
/// ("Showing results for coffee" when `cofee` was typed).
public struct WordCorrection: Hashable, Sendable {
    /// The folded word as typed.
    public var typed: String
    /// The catalogue's term searched in its place.
    public var searched: String

    public init(typed: String, searched: String) {
        self.typed = typed
        self.searched = searched
    }

    /// How many edits a typed word of `length` characters may be away from the word searched
    /// instead: none under four letters (too many short words are one edit apart), one up to seven,
    /// two from eight.
    public static func allowedEdits(forLength length: Int) -> Int {
        switch length {
        case ..<4: return 0
        case 4...7: return 1
        default: return 2
        }
    }

    /// What the front ends say above corrected results: "Showing results for coffee grinder", the
    /// query's words with each corrected one replaced; nil when nothing was corrected.
    public static func notice(words: [String], corrections: [WordCorrection]) -> String? {
        guard !corrections.isEmpty else { return nil }
        var pending = corrections[...]
        let searched = words.map { word -> String in
            guard let next = pending.first, next.typed == word else { return word }
            pending.removeFirst()
            return next.searched
        }
        return "Showing results for " + searched.joined(separator: " ")
    }
}
