/// An `exec` request (`ssh -p 2222 guest@host search coffee --json`): only the customer commands,
/// split into words like a shell would (quotes, no expansion), run for the connection's identity.
/// No shell: nothing else runs, and options that would pick another identity or folder are refused.
public struct ExecCommand: Sendable, Hashable {
    /// The subcommands a customer may run over SSH.
    public static let allowed: Set<String> = ["search", "product", "cart", "orders", "order", "track", "messages", "support"]
    /// The ones that act in a session (the others read the catalogue only).
    static let inSession: Set<String> = ["cart", "orders", "order", "track", "messages", "support"]
    /// Options chosen by the server, never by the customer.
    static let forbiddenOptions = ["--data", "--session", "--email", "--store"]

    public let arguments: [String]

    /// The command's words, or the one-line reason it is refused.
    public static func parse(_ line: String) -> Result<ExecCommand, ExecRefusal> {
        guard line.utf8.count <= 4_096 else { return .failure(.tooLong) }
        guard let words = split(line) else { return .failure(.unbalancedQuote) }
        guard let first = words.first else { return .failure(.empty) }
        guard allowed.contains(first) else { return .failure(.notAllowed(first)) }
        for word in words where forbiddenOptions.contains(where: { word == $0 || word.hasPrefix($0 + "=") }) {
            return .failure(.forbiddenOption(word))
        }
        return .success(ExecCommand(arguments: words))
    }

    /// Whether the command acts in the customer's session.
    public var actsInSession: Bool { Self.inSession.contains(arguments[0]) }

    /// Words separated by spaces or tabs; single quotes keep everything, double quotes keep all but
    /// `\"` and `\\`, a backslash outside quotes keeps the next character. Nil on an open quote.
    static func split(_ line: String) -> [String]? {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                word.append(character)
                escaped = false
                continue
            }
            switch (quote, character) {
            case ("'", "'"), ("\"", "\""): quote = nil
            case ("\"", "\\"): escaped = true
            case ("'", _), ("\"", _): word.append(character)
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case (nil, "\\"):
                escaped = true
                inWord = true
            case (nil, " "), (nil, "\t"), (nil, "\n"):
                if inWord { words.append(word) }
                word = ""
                inWord = false
            default:
                word.append(character)
                inWord = true
            }
        }
        guard quote == nil, !escaped else { return nil }
        if inWord { words.append(word) }
        return words
    }
}

/// Why an `exec` request was refused; said on the channel's stderr with exit status 64.
public enum ExecRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case tooLong
    case unbalancedQuote
    case notAllowed(String)
    case forbiddenOption(String)

    public var description: String {
        let list = ExecCommand.allowed.sorted().joined(separator: ", ")
        switch self {
        case .empty: return "no command: over SSH you may run \(list), or connect with a terminal for the shop"
        case .tooLong: return "the command is longer than 4096 bytes"
        case .unbalancedQuote: return "the command has an unclosed quote or a trailing backslash"
        case let .notAllowed(word):
            return "'\(ConnectionRecord.clean(String(word.prefix(40))))' is not a command you may run over SSH: \(list)"
        case let .forbiddenOption(word):
            return "\(ConnectionRecord.clean(String(word.prefix(40)))) is chosen by the server over SSH: leave it out"
        }
    }
}
