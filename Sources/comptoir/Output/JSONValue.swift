import ShopCore

/// A JSON document with keys in a fixed order and numbers written exactly (money in minor units,
/// ratings as decimal text), so that the `--json` shapes stay stable for scripts.
indirect enum JSONValue: Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int64)
    /// A number given as its exact decimal text, e.g. `4.35`.
    case number(String)
    case bool(Bool)
    case null

    static func int(_ value: Int) -> JSONValue { .int(Int64(value)) }

    static func optional<T>(_ value: T?, _ transform: (T) -> JSONValue) -> JSONValue {
        value.map(transform) ?? .null
    }

    static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }

    /// Pretty-printed with two-space indentation.
    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch self {
        case let .object(members):
            if members.isEmpty { return "{}" }
            let body = members.map { "\(pad)\(JSONValue.quote($0.0)): \($0.1.rendered(indent: indent + 1))" }
            return "{\n" + body.joined(separator: ",\n") + "\n\(closePad)}"
        case let .array(items):
            if items.isEmpty { return "[]" }
            let body = items.map { pad + $0.rendered(indent: indent + 1) }
            return "[\n" + body.joined(separator: ",\n") + "\n\(closePad)]"
        case let .string(text): return JSONValue.quote(text)
        case let .int(value): return String(value)
        case let .number(text): return text
        case let .bool(value): return value ? "true" : "false"
        case .null: return "null"
        }
    }

    /// A JSON string. Controls, bidirectional and other format controls are written as `\uXXXX`
    /// (a surrogate pair beyond the BMP), so the output cannot drive a terminal it is printed on.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where TextSanitizer.needsJSONEscape(scalar):
                if scalar.value > 0xFFFF {
                    let offset = scalar.value - 0x10000
                    out += escaped(0xD800 + (offset >> 10)) + escaped(0xDC00 + (offset & 0x3FF))
                } else {
                    out += escaped(scalar.value)
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func escaped(_ unit: UInt32) -> String {
        let hex = String(unit, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
