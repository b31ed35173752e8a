/// Where a shop's events live on PostgreSQL: `postgres://USER[:PASSWORD]@HOST[:PORT]/DB`, with
/// `?sslmode=require` for TLS (`disable`, the default, or `require`). The password is kept only to
/// connect: `description` (used in every message) leaves it out.
public struct PostgresStoreURL: Equatable, Sendable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var requiresTLS: Bool

    public init(user: String, password: String?, host: String, port: Int = 5432, database: String, requiresTLS: Bool = false) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.requiresTLS = requiresTLS
    }

    /// Whether `text` names a PostgreSQL store (rather than a data folder).
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses a store URL; the error names what was wrong, never the password.
    public init(parsing text: String) throws(PostgresStoreURLError) {
        guard let schemeEnd = text.range(of: "://"), Self.isPostgres(text) else {
            throw .notPostgres
        }
        // The credentials end at the last '@' (a password may hold '?' or '/'), the query starts after it.
        let rest = Substring(text[schemeEnd.upperBound...])
        guard let at = rest.lastIndex(of: "@") else { throw .missing("the user (postgres://USER@HOST:PORT/DB)") }
        let credentials = rest[..<at]
        var location = rest[rest.index(after: at)...]
        var query: Substring = ""
        if let mark = location.firstIndex(of: "?") {
            query = location[location.index(after: mark)...]
            location = location[..<mark]
        }
        if let colon = credentials.firstIndex(of: ":") {
            user = try Self.decoded(credentials[..<colon], part: "user")
            password = try Self.decoded(credentials[credentials.index(after: colon)...], part: "password")
        } else {
            user = try Self.decoded(credentials, part: "user")
            password = nil
        }
        guard !user.isEmpty else { throw .missing("the user (postgres://USER@HOST:PORT/DB)") }
        guard let slash = location.firstIndex(of: "/") else { throw .missing("the database (postgres://USER@HOST:PORT/DB)") }
        database = try Self.decoded(location[location.index(after: slash)...], part: "database")
        guard !database.isEmpty else { throw .missing("the database (postgres://USER@HOST:PORT/DB)") }
        var hostPort = location[..<slash]
        port = 5432
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw .badHost }
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { port = try Self.port(after.dropFirst()) } else if !after.isEmpty { throw .badHost }
            hostPort = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
        } else if let colon = hostPort.lastIndex(of: ":") {
            port = try Self.port(hostPort[hostPort.index(after: colon)...])
            hostPort = hostPort[..<colon]
        }
        host = String(hostPort)
        guard !host.isEmpty else { throw .missing("the host (postgres://USER@HOST:PORT/DB)") }
        requiresTLS = false
        for parameter in query.split(separator: "&") where !parameter.isEmpty {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0] == "sslmode" else { throw .unknownParameter(String(pair[0])) }
            switch pair[1] {
            case "disable": requiresTLS = false
            case "require": requiresTLS = true
            default: throw .badSSLMode(String(pair[1]))
            }
        }
    }

    /// The URL without its password: what messages, logs and `--help` show.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(Self.encoded(user))@\(shownHost):\(port)/\(Self.encoded(database))" + (requiresTLS ? "?sslmode=require" : "")
    }

    private static func port(_ text: Substring) throws(PostgresStoreURLError) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else { throw .badPort(String(text)) }
        return port
    }

    /// Percent-decoding of one part (a password may hold `@`, `:` or `/` written as `%40`, `%3A`, `%2F`).
    private static func decoded(_ text: Substring, part: String) throws(PostgresStoreURLError) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let first = utf8.index(after: index)
                guard first < utf8.endIndex, utf8.index(after: first) < utf8.endIndex,
                      let high = hexValue(utf8[first]), let low = hexValue(utf8[utf8.index(after: first)]) else {
                    throw .badEscape(part)
                }
                bytes.append(high << 4 | low)
                index = utf8.index(first, offsetBy: 2)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .badEscape(part) }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func encoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) || "-._~".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// Why a store URL was refused: each names what would be right, and none repeats the password.
public enum PostgresStoreURLError: Error, Equatable, Sendable, CustomStringConvertible {
    case notPostgres
    case missing(String)
    case badHost
    case badPort(String)
    case badEscape(String)
    case unknownParameter(String)
    case badSSLMode(String)

    public var description: String {
        switch self {
        case .notPostgres: return "a store URL starts with postgres:// (postgres://USER[:PASSWORD]@HOST:PORT/DB)"
        case let .missing(part): return "the store URL lacks \(part)"
        case .badHost: return "the store URL's host is malformed (an IPv6 address is written [::1])"
        case let .badPort(port): return "the store URL's port '\(port.count > 8 ? String(port.prefix(8)) + "…" : port)' is not a number from 1 to 65535"
        case let .badEscape(part): return "the store URL's \(part) has a malformed %-escape (write %40 for @, %3A for :, %2F for /)"
        case let .unknownParameter(name): return "the store URL's parameter '\(name)' is unknown (only sslmode=disable|require)"
        case let .badSSLMode(mode): return "sslmode '\(mode)' is unknown: use sslmode=disable or sslmode=require"
        }
    }
}
