/// A telephone number in E.164 form (`+33612345678`), normalized from what people type:
/// spaces, dots, hyphens, slashes and parentheses are ignored; `00` means `+`; a national number
/// takes the calling code of the given country, dropping its trunk `0` (`06 12 34 56 78` in France
/// → `+33612345678`); in those countries a `0` or `(0)` written after the calling code
/// (`+33 (0)6 …`) is dropped too.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// `+` then 8 to 15 digits.
    public let e164: String

    /// E.164 allows at most 15 digits; fewer than 8 is no reachable number in the shop's countries.
    public static let digitCountRange = 8...15

    public init(_ text: String, country: Country) throws(PhoneNumberError) {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { throw .empty }
        var rest = Substring(trimmed)
        var international = false
        if rest.hasPrefix("+") {
            international = true
            rest = rest.dropFirst()
        }
        var digits = ""
        for character in rest {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else if !" .-/()\u{00A0}".contains(character) {
                throw .invalidCharacter(trimmed, character)
            }
        }
        guard !digits.isEmpty else { throw .noDigits(trimmed) }
        if !international && digits.hasPrefix("00") {
            international = true
            digits.removeFirst(2)
        }
        if international {
            try self.init(internationalDigits: digits, text: trimmed)
        } else {
            try self.init(nationalDigits: digits, country: country, text: trimmed)
        }
    }

    private init(internationalDigits digits: String, text: String) throws(PhoneNumberError) {
        try Self.checkTotalLength(digits, text: text)
        // Longest calling code first: +352 is Luxembourg, not +35.
        let candidates = Country.all.filter { digits.hasPrefix($0.callingCode) }
            .sorted { $0.callingCode.count > $1.callingCode.count }
        guard let country = candidates.first else {
            e164 = "+" + digits
            return
        }
        var national = digits.dropFirst(country.callingCode.count)
        // `+33 06…`: the trunk 0 never follows a calling code in E.164.
        if country.hasTrunkZero && national.first == "0" { national = national.dropFirst() }
        guard country.nationalNumberLengths.contains(national.count) else {
            throw .wrongLength(text, country: country, digits: national.count)
        }
        e164 = "+" + country.callingCode + national
    }

    private init(nationalDigits digits: String, country: Country, text: String) throws(PhoneNumberError) {
        var national = Substring(digits)
        if country.hasTrunkZero {
            guard national.first == "0" else { throw .missingTrunkZero(text, country: country) }
            national = national.dropFirst()
        } else if country.callingCode == "1", national.count == 11, national.first == "1" {
            national = national.dropFirst()
        }
        guard country.nationalNumberLengths.contains(national.count) else {
            throw .wrongLength(text, country: country, digits: national.count)
        }
        let full = country.callingCode + national
        try Self.checkTotalLength(full, text: text)
        e164 = "+" + full
    }

    private static func checkTotalLength(_ digits: String, text: String) throws(PhoneNumberError) {
        guard digitCountRange.contains(digits.count) else {
            throw digits.count < digitCountRange.lowerBound ? .tooShort(text) : .tooLong(text)
        }
    }

    public var description: String { e164 }
}
