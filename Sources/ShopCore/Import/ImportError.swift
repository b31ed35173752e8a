/// Where in an imported file a product came from: a JSON record or a CSV line.
public enum ImportLocation: Hashable, Sendable, CustomStringConvertible {
    /// 1-based position in the JSON product array, with the record's `id` when it has one.
    case record(Int, id: String?)
    /// 1-based line of the file where the CSV row starts.
    case line(Int)

    public var description: String {
        switch self {
        case let .record(index, id?): return "record \(index) (id \(Quote.text(id)))"
        case let .record(index, nil): return "record \(index)"
        case let .line(number): return "line \(number)"
        }
    }

    /// What this format calls a named value: a JSON field or a CSV column.
    var fieldWord: String {
        switch self {
        case .record: return "field"
        case .line: return "column"
        }
    }
}

/// Why a catalogue import was refused. An import returns every product or throws one of
/// these; the message names the record or line and the field, and says what was expected.
public enum ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    case emptyFile
    case noProducts
    case unrecognizedFormat
    case unknownCurrency(String)
    case malformedJSON(line: Int, column: Int, offset: Int, reason: String)
    /// The JSON document is valid but is neither an array of products nor `{"products": [...]}`.
    case unexpectedJSONShape(found: String)
    case recordNotAnObject(record: Int, found: String)
    case missingField(ImportLocation, field: String)
    case invalidField(ImportLocation, field: String, value: String, expected: String)
    case unterminatedQuote(line: Int)
    case malformedCSV(line: Int, reason: String)
    case wrongFieldCount(line: Int, found: Int, expected: Int)
    case missingHeaders(missing: [String], required: [String])
    case duplicateHeader(String)
    case missingCell(line: Int, column: String)
    case invalidCell(line: Int, column: String, value: String, problem: String, expected: String)
    /// Rows of one Shopify product must follow each other; this handle came back later.
    case handleNotConsecutive(handle: String, line: Int, firstLine: Int)
    case duplicateSKU(String, first: ImportLocation, second: ImportLocation)
    /// A value that breaks one of the shop's rules or limits (`ShopLimits`): `problem` says what
    /// the value is without quoting it whole (`has 100000 digits`), `expected` what would do.
    case refusedValue(ImportLocation, field: String, problem: String, expected: String)

    public var description: String {
        switch self {
        case .emptyFile:
            return "the file is empty: expected a JSON product list or a Shopify product CSV export"
        case .noProducts:
            return "the file holds no products: expected at least one product to import"
        case .unrecognizedFormat:
            return "cannot tell the format of the file: expected JSON (starting with '[' or '{') "
                + "or a Shopify product CSV export whose header names \(ShopifyCSVImporter.requiredColumns.joined(separator: ", "))"
        case let .unknownCurrency(code):
            return "unknown currency \(Quote.value(code)): expected one of \(Currency.known.keys.sorted().joined(separator: ", "))"
        case let .malformedJSON(line, column, offset, reason):
            return "malformed JSON at line \(line), column \(column) (byte \(offset)): \(reason)"
        case let .unexpectedJSONShape(found):
            return "the JSON document is \(found): expected an array of products or an object "
                + "with a \"products\" array"
        case let .recordNotAnObject(record, found):
            return "record \(record) is \(found): expected an object describing one product"
        case let .missingField(location, field):
            return "\(location): field \(Quote.value(field)) is missing: every product needs one"
        case let .invalidField(location, field, value, expected):
            return "\(location): field \(Quote.value(field)) is \(Quote.value(value, in: "\"")): expected \(expected)"
        case let .unterminatedQuote(line):
            return "line \(line): a quoted field starts here and is never closed: expected a closing '\"'"
        case let .malformedCSV(line, reason):
            return "line \(line): \(reason)"
        case let .wrongFieldCount(line, found, expected):
            return "line \(line) has \(found) fields: expected \(expected), one per header column"
        case let .missingHeaders(missing, required):
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            return "the CSV header lacks \(names): the required columns are \(required.joined(separator: ", "))"
        case let .duplicateHeader(name):
            return "the CSV header names \(Quote.value(name)) more than once: expected each column once"
        case let .missingCell(line, column):
            return "line \(line), column \(Quote.value(column)) is empty: a value is required"
        case let .invalidCell(line, column, value, problem, expected):
            return "line \(line), column \(Quote.value(column)): \(Quote.value(value, in: "\"")) \(problem): expected \(expected)"
        case let .handleNotConsecutive(handle, line, firstLine):
            return "line \(line): handle \(Quote.value(handle)) already ended (it started on line \(firstLine)): "
                + "expected the rows of one product to follow each other"
        case let .duplicateSKU(sku, first, second):
            return "SKU \(Quote.value(sku)) appears twice, in \(first) and \(second): expected each SKU once per file"
        case let .refusedValue(location, field, problem, expected):
            return "\(location): \(location.fieldWord) '\(field)' \(problem): expected \(expected)"
        }
    }
}
