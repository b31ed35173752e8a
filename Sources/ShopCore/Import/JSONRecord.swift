/// One product object of a JSON import, with typed field readers whose errors name the record
/// and the field. A field set to `null` counts as missing.
struct JSONRecord {
    let location: ImportLocation
    let members: JSONValue

    func value(_ field: String) -> JSONValue? {
        guard let value = members[field], value != .null else { return nil }
        return value
    }

    func invalid(_ field: String, _ value: JSONValue, expected: String) -> ImportError {
        .invalidField(location, field: path(field), value: value.excerpt, expected: expected)
    }

    /// A text field; with `acceptsNumber`, a number is accepted as its text (a numeric id or
    /// SKU, a weight), otherwise only a JSON string is.
    func text(_ field: String, expected: String = "a text", acceptsNumber: Bool = false) throws(ImportError) -> String? {
        guard let value = value(field) else { return nil }
        switch value {
        case let .string(text): return text.trimmingSpaces()
        case let .number(text) where acceptsNumber: return text
        default: throw invalid(field, value, expected: expected)
        }
    }

    /// A text field that must be present and not blank.
    func requiredText(_ field: String) throws(ImportError) -> String {
        guard let text = try text(field) else { throw .missingField(location, field: path(field)) }
        guard !text.isEmpty else { throw invalid(field, value(field) ?? .string(text), expected: "a non-empty text") }
        return text
    }

    /// A number, written as a JSON number (a string holding one is refused: the format documents
    /// numbers) of at most `ShopLimits.maximumNumberDigits` digits.
    func decimal(_ field: String, expected: String) throws(ImportError) -> ExactDecimal? {
        guard let value = value(field) else { return nil }
        switch value {
        case let .number(text):
            if text.utf8.count > ShopLimits.maximumNumberDigits {
                let digits = text.utf8.count { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                throw ImportError.refusedValue(
                    location, field: path(field), problem: "has \(digits) digits",
                    expected: "\(expected), of at most \(ShopLimits.maximumNumberDigits) digits")
            }
            guard let decimal = ExactDecimal(text) else { throw invalid(field, value, expected: expected) }
            return decimal
        default:
            throw invalid(field, value, expected: expected)
        }
    }

    /// A whole number of at least `minimum`.
    func integer(_ field: String, minimum: Int, expected: String) throws(ImportError) -> Int? {
        guard let decimal = try decimal(field, expected: expected) else { return nil }
        guard decimal.isIntegral, let whole = decimal.rounded(toScale: 0), whole >= Int64(minimum), whole <= Int64(Int32.max) else {
            throw invalid(field, value(field) ?? .null, expected: expected)
        }
        return Int(whole)
    }

    /// An array of texts; an absent field is an empty list.
    func texts(_ field: String) throws(ImportError) -> [String] {
        guard let value = value(field) else { return [] }
        guard case let .array(elements) = value else { throw invalid(field, value, expected: "an array of texts") }
        var texts: [String] = []
        for element in elements {
            guard case let .string(text) = element else { throw invalid(field, element, expected: "an array of texts") }
            guard texts.count < ShopLimits.maximumListCount else {
                throw ImportError.refusedValue(
                    location, field: path(field), problem: "has \(elements.count) items", expected: "at most \(ShopLimits.maximumListCount)")
            }
            let trimmed = text.trimmingSpaces()
            if !trimmed.isEmpty { texts.append(trimmed) }
        }
        return texts
    }

    /// A nested object read with the same rules, its fields named `parent.child` in errors.
    func object(_ field: String) throws(ImportError) -> JSONRecord? {
        guard let value = value(field) else { return nil }
        guard case .object = value else { throw invalid(field, value, expected: "an object") }
        return JSONRecord(location: location, members: value, prefix: field)
    }

    private var prefix: String?

    init(location: ImportLocation, members: JSONValue, prefix: String? = nil) {
        self.location = location
        self.members = members
        self.prefix = prefix
    }

    /// The field's name as the user wrote it in the file, with its parent for nested objects.
    func path(_ field: String) -> String { prefix.map { "\($0).\(field)" } ?? field }
}
