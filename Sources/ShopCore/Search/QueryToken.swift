/// One whitespace-separated piece of a query, with its quoting kept so that `brand:"de buyer",illy`
/// splits on the comma outside the quotes only.
struct QueryToken {
    /// The characters of the token without quote marks, each with whether it was inside quotes.
    var characters: [(character: Character, quoted: Bool)] = []
    var endsQuoted = false
    var followedBySpace = false

    var text: String { String(characters.map(\.character)) }

    /// Splits a query at whitespace outside quotes.
    static func split(_ text: String) throws(QueryError) -> [QueryToken] {
        var tokens: [QueryToken] = []
        var current = QueryToken()
        var started = false
        var inQuotes = false
        for character in text {
            if character == "\"" {
                inQuotes.toggle()
                started = true
                current.endsQuoted = !inQuotes
                continue
            }
            if character.isWhitespace && !inQuotes {
                if started {
                    current.followedBySpace = true
                    tokens.append(current)
                    current = QueryToken()
                    started = false
                }
                continue
            }
            current.characters.append((character, inQuotes))
            current.endsQuoted = false
            started = true
        }
        guard !inQuotes else { throw .unbalancedQuote }
        if started { tokens.append(current) }
        return tokens
    }

    /// The lowercased key and the value of a `key:value` token; nil for free text. A key is a run of
    /// ASCII letters before the first colon outside quotes.
    func keyAndValue() -> (String, QueryToken)? {
        guard let colon = characters.firstIndex(where: { $0.character == ":" && !$0.quoted }), colon > 0 else {
            return nil
        }
        let keyCharacters = characters[..<colon]
        guard keyCharacters.allSatisfy({ !$0.quoted && $0.character.isASCII && $0.character.isLetter }) else {
            return nil
        }
        var value = QueryToken()
        value.characters = Array(characters[(colon + 1)...])
        value.endsQuoted = endsQuoted
        return (String(keyCharacters.map(\.character)).lowercased(), value)
    }

    /// The value's items separated by commas outside quotes.
    func splitOnUnquotedCommas() -> [String] {
        var items: [String] = []
        var current = ""
        for (character, quoted) in characters {
            if character == "," && !quoted {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        return items
    }
}
