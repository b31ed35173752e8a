/// Why a text is not a telephone number the shop can use.
public enum PhoneNumberError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case invalidCharacter(String, Character)
    case noDigits(String)
    case missingTrunkZero(String, country: Country)
    case wrongLength(String, country: Country, digits: Int)
    case tooShort(String)
    case tooLong(String)

    public var description: String {
        let example = "write it like 06 12 34 56 78 or +33 6 12 34 56 78"
        switch self {
        case .empty:
            return "no phone number given: \(example)"
        case let .invalidCharacter(text, character):
            return "\(Quote.value(text)) contains \(Quote.value(character)): a phone number has digits, spaces and an optional leading +"
        case let .noDigits(text):
            return "\(Quote.value(text)) has no digits: \(example)"
        case let .missingTrunkZero(text, country):
            return "\(Quote.value(text)) does not start with 0 as numbers in \(country.name) do: start with 0, or with +\(country.callingCode)"
        case let .wrongLength(text, country, digits):
            let expected = country.nationalNumberLengths.count == 1
                ? "\(country.nationalNumberLengths.lowerBound)"
                : "\(country.nationalNumberLengths.lowerBound) to \(country.nationalNumberLengths.upperBound)"
            let trunk = country.hasTrunkZero ? ", not counting a leading 0" : ""
            return "\(Quote.value(text)) has \(digits) digits for \(country.name) (+\(country.callingCode))\(trunk): expected \(expected)"
        case let .tooShort(text):
            return "\(Quote.value(text)) is too short for a phone number: give the full number with its area code"
        case let .tooLong(text):
            return "\(Quote.value(text)) is too long for a phone number: at most 15 digits after the +"
        }
    }
}
