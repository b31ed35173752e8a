/// A country the shop delivers to and takes phone numbers from: its ISO 3166-1 alpha-2 code,
/// its postal code formats and its telephone calling code.
public struct Country: Hashable, Sendable, CustomStringConvertible {
    /// ISO 3166-1 alpha-2, upper case: `FR`.
    public let code: String
    public let name: String
    /// Accepted postal code shapes, where `9` is a digit, `A` a letter, `X` either, and any other
    /// character stands for itself (`9999 AA` for the Netherlands).
    public let postalCodeFormats: [String]
    /// Country calling code without the `+`: `33` for France.
    public let callingCode: String
    /// Whether national numbers are dialled with a leading 0 that E.164 drops (`06…` → `+336…`).
    public let hasTrunkZero: Bool
    /// Digits of a national number after the calling code (and without the trunk 0).
    public let nationalNumberLengths: ClosedRange<Int>

    public var description: String { code }

    /// The countries the shop knows, by code. A small list: the shop ships within Europe and to
    /// North America.
    public static let known: [String: Country] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.code, $0) })

    public static let all: [Country] = [
        Country(code: "FR", name: "France", postalCodeFormats: ["99999"], callingCode: "33",
                hasTrunkZero: true, nationalNumberLengths: 9...9),
        Country(code: "MC", name: "Monaco", postalCodeFormats: ["99999"], callingCode: "377",
                hasTrunkZero: false, nationalNumberLengths: 8...9),
        Country(code: "BE", name: "Belgium", postalCodeFormats: ["9999"], callingCode: "32",
                hasTrunkZero: true, nationalNumberLengths: 8...9),
        Country(code: "LU", name: "Luxembourg", postalCodeFormats: ["9999", "L-9999"], callingCode: "352",
                hasTrunkZero: false, nationalNumberLengths: 6...11),
        Country(code: "CH", name: "Switzerland", postalCodeFormats: ["9999"], callingCode: "41",
                hasTrunkZero: true, nationalNumberLengths: 9...9),
        Country(code: "DE", name: "Germany", postalCodeFormats: ["99999"], callingCode: "49",
                hasTrunkZero: true, nationalNumberLengths: 6...13),
        Country(code: "AT", name: "Austria", postalCodeFormats: ["9999"], callingCode: "43",
                hasTrunkZero: true, nationalNumberLengths: 7...13),
        Country(code: "NL", name: "Netherlands", postalCodeFormats: ["9999 AA", "9999AA"], callingCode: "31",
                hasTrunkZero: true, nationalNumberLengths: 9...9),
        Country(code: "ES", name: "Spain", postalCodeFormats: ["99999"], callingCode: "34",
                hasTrunkZero: false, nationalNumberLengths: 9...9),
        Country(code: "PT", name: "Portugal", postalCodeFormats: ["9999-999"], callingCode: "351",
                hasTrunkZero: false, nationalNumberLengths: 9...9),
        Country(code: "IT", name: "Italy", postalCodeFormats: ["99999"], callingCode: "39",
                hasTrunkZero: false, nationalNumberLengths: 6...11),
        Country(code: "IE", name: "Ireland", postalCodeFormats: ["A9X XXXX", "A9XXXXX"], callingCode: "353",
                hasTrunkZero: true, nationalNumberLengths: 7...9),
        Country(code: "GB", name: "United Kingdom",
                postalCodeFormats: ["A9 9AA", "A99 9AA", "AA9 9AA", "AA99 9AA", "A9A 9AA", "AA9A 9AA"],
                callingCode: "44", hasTrunkZero: true, nationalNumberLengths: 9...10),
        Country(code: "US", name: "United States", postalCodeFormats: ["99999", "99999-9999"], callingCode: "1",
                hasTrunkZero: false, nationalNumberLengths: 10...10),
        Country(code: "CA", name: "Canada", postalCodeFormats: ["A9A 9A9"], callingCode: "1",
                hasTrunkZero: false, nationalNumberLengths: 10...10),
    ]

    public static let france = known["FR"]!

    /// The country with this alpha-2 code, in any letter case, or nil when the shop does not know it.
    public static func named(code: String) -> Country? {
        known[code.trimmingSpaces().uppercased()]
    }

    /// Whether `postalCode` (already trimmed and upper-cased) has one of this country's shapes.
    public func acceptsPostalCode(_ postalCode: String) -> Bool {
        postalCodeFormats.contains { format in
            format.count == postalCode.count
                && zip(format, postalCode).allSatisfy { pattern, character in
                    switch pattern {
                    case "9": return character.isASCII && character.isNumber
                    case "A": return character.isASCII && character.isLetter
                    case "X": return character.isASCII && (character.isLetter || character.isNumber)
                    default: return pattern == character
                    }
                }
        }
    }
}
