/// A delivery address, checked field by field. Text fields are trimmed; the postal code is
/// upper-cased and must have one of its country's shapes (five digits in France).
public struct PostalAddress: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public let line1: String
    public let line2: String?
    public let postalCode: String
    public let city: String
    public let country: Country

    public static let maximumNameLength = 100
    public static let maximumLineLength = 100
    public static let maximumCityLength = 60

    /// Checks every field and reports every problem at once, so a form can mark each field.
    /// An empty `line2` counts as none.
    public init(
        name: String, line1: String, line2: String? = nil, postalCode: String, city: String, countryCode: String
    ) throws(PostalAddressError) {
        var problems: [PostalAddressProblem] = []
        let name = Self.text(name, .name, maximum: Self.maximumNameLength, required: true, &problems)
        let line1 = Self.text(line1, .line1, maximum: Self.maximumLineLength, required: true, &problems)
        let line2 = Self.text(line2 ?? "", .line2, maximum: Self.maximumLineLength, required: false, &problems)
        let city = Self.text(city, .city, maximum: Self.maximumCityLength, required: true, &problems)
        let postalCode = Self.collapsingSpaces(postalCode).uppercased()
        let country = Country.named(code: countryCode)
        if country == nil {
            let code = countryCode.trimmingSpaces()
            problems.append(code.isEmpty ? .missing(.countryCode) : .unknownCountry(code))
        }
        if postalCode.isEmpty {
            problems.append(.missing(.postalCode))
        } else if let country, !country.acceptsPostalCode(postalCode) {
            problems.append(.invalidPostalCode(postalCode, country: country))
        }
        guard problems.isEmpty, let country else {
            let order = PostalAddressField.allCases
            throw PostalAddressError(problems: problems.sorted {
                order.firstIndex(of: $0.field)! < order.firstIndex(of: $1.field)!
            })
        }
        self.name = name
        self.line1 = line1
        self.line2 = line2.isEmpty ? nil : line2
        self.postalCode = postalCode
        self.city = city
        self.country = country
    }

    /// The lines as printed on a parcel label.
    public var lines: [String] {
        [name, line1] + (line2.map { [$0] } ?? []) + ["\(postalCode) \(city)", country.name]
    }

    public var description: String { lines.joined(separator: ", ") }

    private static func text(
        _ raw: String, _ field: PostalAddressField, maximum: Int, required: Bool,
        _ problems: inout [PostalAddressProblem]
    ) -> String {
        let value = collapsingSpaces(raw)
        // ASCII has no format characters and one character a byte: checked byte by byte, as every
        // recorded address is again when a snapshot is read.
        let isASCII = value.utf8.allSatisfy { $0 < 0x80 }
        if value.isEmpty {
            if required { problems.append(.missing(field)) }
        } else if isASCII ? value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F })
                    : value.unicodeScalars.contains(where: { [.control, .format].contains($0.properties.generalCategory) }) {
            problems.append(.controlCharacter(field))
        } else if (isASCII ? value.utf8.count : value.count) > maximum {
            problems.append(.tooLong(field, length: value.count, maximum: maximum))
        }
        return value
    }

    /// Trims and turns every run of spaces into one space.
    private static func collapsingSpaces(_ raw: String) -> String {
        if isCollapsed(raw) { return raw }
        return raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Whether `raw` has no tab, no space at either end and no two spaces in a row, so that
    /// collapsing leaves it as it is (the usual case; kept, its storage is shared).
    private static func isCollapsed(_ raw: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in raw.utf8 {
            if byte == 0x09 || (byte == 0x20 && previous == 0x20) { return false }
            previous = byte
        }
        return previous != 0x20 || raw.isEmpty
    }
}
