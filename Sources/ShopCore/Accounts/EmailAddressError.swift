/// Why a text is not an email address the shop accepts. Each message quotes the text, says what is
/// wrong and shows the right shape.
public enum EmailAddressError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case containsSpace(String)
    case tooLong(String, length: Int, maximum: Int)
    case missingAt(String)
    case moreThanOneAt(String)
    case missingLocalPart(String)
    case missingDomain(String)
    case localPartTooLong(String, length: Int, maximum: Int)
    case invalidLocalCharacter(String, Character)
    case misplacedDotInLocalPart(String)
    case domainWithoutDot(String)
    case emptyDomainLabel(String)
    case domainLabelTooLong(String, label: String, maximum: Int)
    case invalidDomainCharacter(String, Character)
    case hyphenAtLabelEdge(String, label: String)
    case invalidTopLevelDomain(String, topLevel: String)

    public var description: String {
        let example = "write it like name@example.com"
        switch self {
        case .empty:
            return "no email address given: \(example)"
        case let .containsSpace(text):
            return "\(Quote.value(text)) contains a space: an email address has none, \(example)"
        case let .tooLong(_, length, maximum):
            return "the email address has \(length) characters: at most \(maximum) are allowed"
        case let .missingAt(text):
            return "\(Quote.value(text)) has no '@': \(example)"
        case let .moreThanOneAt(text):
            return "\(Quote.value(text)) has more than one '@': \(example)"
        case let .missingLocalPart(text):
            return "\(Quote.value(text)) has no name before '@': \(example)"
        case let .missingDomain(text):
            return "\(Quote.value(text)) has no domain after '@': \(example)"
        case let .localPartTooLong(text, length, maximum):
            return "\(Quote.value(text)) has \(length) characters before '@': at most \(maximum) are allowed"
        case let .invalidLocalCharacter(text, character):
            return "\(Quote.value(text)) contains \(Quote.value(character)) before '@': use letters, digits and symbols such as . _ - +"
        case let .misplacedDotInLocalPart(text):
            return "\(Quote.value(text)) has a dot at the start or end of the name, or two dots in a row: \(example)"
        case let .domainWithoutDot(text):
            return "\(Quote.value(text)) has a domain without a dot: \(example)"
        case let .emptyDomainLabel(text):
            return "\(Quote.value(text)) has an empty part in its domain (two dots in a row, or a dot at an end): \(example)"
        case let .domainLabelTooLong(text, label, maximum):
            return "\(Quote.value(text)): the domain part \(Quote.value(label)) is longer than \(maximum) characters"
        case let .invalidDomainCharacter(text, character):
            return "\(Quote.value(text)) contains \(Quote.value(character)) in its domain: use letters, digits, hyphens and dots only"
        case let .hyphenAtLabelEdge(text, label):
            return "\(Quote.value(text)): the domain part \(Quote.value(label)) starts or ends with a hyphen, which domains never do"
        case let .invalidTopLevelDomain(text, topLevel):
            return "\(Quote.value(text)) ends in '.\(topLevel)', which is not a top-level domain: \(example)"
        }
    }
}
