/// One record of a CSV file with the 1-based line it starts on.
public struct CSVRow: Equatable, Sendable {
    public var line: Int
    public var fields: [String]
}

/// RFC 4180 CSV: comma-separated fields, optionally in double quotes; inside quotes a doubled
/// quote is one quote and commas and line breaks are data. Lines end in CRLF, LF or CR; a UTF-8
/// byte order mark is skipped; blank lines are ignored. A stray quote inside an unquoted field is
/// kept as data, as spreadsheet programs do.
public enum CSVReader {
    public static func rows(_ text: String) throws(ImportError) -> [CSVRow] {
        try rows(Array(text.utf8))
    }

    public static func rows(_ bytes: [UInt8]) throws(ImportError) -> [CSVRow] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var rows: [CSVRow] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var rowLine = 1
        var rowHasQuotes = false

        /// Consumes a line break at `index` if there is one and counts it.
        func consumeLineBreak() -> Bool {
            guard index < bytes.count else { return false }
            if bytes[index] == cr {
                index += index + 1 < bytes.count && bytes[index + 1] == lf ? 2 : 1
            } else if bytes[index] == lf {
                index += 1
            } else {
                return false
            }
            line += 1
            return true
        }
        func endRow() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            let blank = fields.count == 1 && fields[0].isEmpty && !rowHasQuotes
            if !blank { rows.append(CSVRow(line: rowLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
            rowHasQuotes = false
        }

        while index < bytes.count {
            if field.isEmpty && bytes[index] == quote && isFieldStart(bytes, index, comma: comma, cr: cr, lf: lf) {
                rowHasQuotes = true
                let openingLine = line
                index += 1
                while true {
                    guard index < bytes.count else { throw .unterminatedQuote(line: openingLine) }
                    if bytes[index] == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    if bytes[index] == cr || bytes[index] == lf {
                        let start = index
                        _ = consumeLineBreak()
                        field.append(contentsOf: bytes[start..<index])
                        continue
                    }
                    field.append(bytes[index])
                    index += 1
                }
                guard index == bytes.count || bytes[index] == comma || bytes[index] == cr || bytes[index] == lf else {
                    throw .malformedCSV(
                        line: line,
                        reason: "unexpected \(Quote.value(String(decoding: [bytes[index]], as: UTF8.self))) after the closing quote "
                            + "of a field: expected a comma or the end of the line (write a quote inside quotes as \"\")")
                }
                continue
            }
            if bytes[index] == comma {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                index += 1
                continue
            }
            if consumeLineBreak() {
                endRow()
                rowLine = line
                continue
            }
            field.append(bytes[index])
            index += 1
        }
        if !field.isEmpty || !fields.isEmpty || rowHasQuotes { endRow() }
        return rows
    }

    /// A quote opens a quoted field only at the start of a field.
    private static func isFieldStart(_ bytes: [UInt8], _ index: Int, comma: UInt8, cr: UInt8, lf: UInt8) -> Bool {
        index == 0 || bytes[index - 1] == comma || bytes[index - 1] == cr || bytes[index - 1] == lf
            || (index == 3 && bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    }
}
