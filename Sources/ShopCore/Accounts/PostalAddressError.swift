/// A field of a postal address, named as a form labels it.
public enum PostalAddressField: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case name, line1, line2, postalCode, city, countryCode

    public var description: String {
        switch self {
        case .name: return "name"
        case .line1: return "address line 1"
        case .line2: return "address line 2"
        case .postalCode: return "postal code"
        case .city: return "city"
        case .countryCode: return "country"
        }
    }
}

/// One thing wrong with one field of a postal address.
public enum PostalAddressProblem: Hashable, Sendable, CustomStringConvertible {
    case missing(PostalAddressField)
    case tooLong(PostalAddressField, length: Int, maximum: Int)
    case controlCharacter(PostalAddressField)
    case unknownCountry(String)
    case invalidPostalCode(String, country: Country)

    public var field: PostalAddressField {
        switch self {
        case let .missing(field), let .tooLong(field, _, _), let .controlCharacter(field): return field
        case .unknownCountry: return .countryCode
        case .invalidPostalCode: return .postalCode
        }
    }

    public var description: String {
        switch self {
        case .missing(.countryCode):
            return "the country is missing: give its two-letter code, such as FR"
        case let .missing(field):
            return "the \(field) is missing"
        case let .tooLong(field, length, maximum):
            return "the \(field) has \(length) characters: at most \(maximum) fit on a label"
        case let .controlCharacter(field):
            return "the \(field) contains an invisible control character: type it again as plain text"
        case let .unknownCountry(code):
            let codes = Country.all.map(\.code).joined(separator: ", ")
            return "\(Quote.value(code)) is not a country the shop delivers to: use one of \(codes)"
        case let .invalidPostalCode(code, country) where country.code == "FR":
            return "\(Quote.value(code)) is not a French postal code: it has exactly 5 digits, like 75001"
        case let .invalidPostalCode(code, country):
            let shapes = country.postalCodeFormats.joined(separator: " or ")
            return "\(Quote.value(code)) is not a postal code of \(country.name): expected \(shapes) (9 a digit, A a letter, X either)"
        }
    }
}

/// Why a postal address was refused: every problem found, in field order.
public struct PostalAddressError: Error, Hashable, Sendable, CustomStringConvertible {
    public let problems: [PostalAddressProblem]

    public init(problems: [PostalAddressProblem]) {
        self.problems = problems
    }

    /// The problems with one field, for a form that shows them next to it.
    public func problems(for field: PostalAddressField) -> [PostalAddressProblem] {
        problems.filter { $0.field == field }
    }

    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
