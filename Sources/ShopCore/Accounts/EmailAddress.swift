/// An email address whose syntax is good enough for a shop: one `@`, a local part of the
/// characters RFC 5322 allows unquoted, a domain of at least two dot-separated labels of letters,
/// digits and hyphens. Quoted local parts, comments and IP-literal domains are refused: no
/// customer needs them. Stored in lower case, so `Bob@Example.com` and `bob@example.com` are
/// the same account.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The normalized address, lower case.
    public let value: String

    public static let maximumLength = 254
    public static let maximumLocalPartLength = 64
    public static let maximumLabelLength = 63
    /// Characters allowed in the local part besides ASCII letters and digits (RFC 5322 atext, and dots).
    static let localPartSymbols: Set<Character> = Set("!#$%&'*+-/=?^_`{|}~.")

    /// Checks and normalizes `text`; spaces around the address are ignored.
    public init(_ text: String) throws(EmailAddressError) {
        if let value = Self.checkedASCII(text) {
            self.value = value
            return
        }
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { throw .empty }
        guard !trimmed.contains(where: { $0.isWhitespace }) else { throw .containsSpace(trimmed) }
        guard trimmed.count <= Self.maximumLength else {
            throw .tooLong(trimmed, length: trimmed.count, maximum: Self.maximumLength)
        }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { throw .missingAt(trimmed) }
        guard parts.count == 2 else { throw .moreThanOneAt(trimmed) }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty else { throw .missingLocalPart(trimmed) }
        guard !domain.isEmpty else { throw .missingDomain(trimmed) }
        try Self.checkLocalPart(local, in: trimmed)
        try Self.checkDomain(domain, in: trimmed)
        value = trimmed.lowercased()
    }

    /// The part before the `@`, lower case.
    public var localPart: String { String(value[..<value.firstIndex(of: "@")!]) }
    /// The part after the `@`, lower case.
    public var domain: String { String(value[value.index(after: value.firstIndex(of: "@")!)...]) }

    public var description: String { value }

    /// The address in lower case when `text` is a good address of ASCII characters without spaces
    /// around it, checked byte by byte by the rules below (as every recorded address is again when a
    /// snapshot is read); nil otherwise, and the checks below say what is wrong.
    private static func checkedASCII(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumLength, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
              let at = bytes.firstIndex(of: UInt8(ascii: "@")), !bytes[(at + 1)...].contains(UInt8(ascii: "@")) else { return nil }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        let symbols = Array("!#$%&'*+-/=?^_`{|}~.".utf8)
        guard !local.isEmpty, local.count <= maximumLocalPartLength,
              local.allSatisfy({ isLetterOrDigit($0) || symbols.contains($0) }),
              local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
              !zip(local, local.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") }) else { return nil }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return nil }
        for label in labels {
            guard !label.isEmpty, label.count <= maximumLabelLength,
                  label.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }),
                  label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { return nil }
        }
        let topLevel = labels[labels.count - 1]
        guard topLevel.count >= 2, topLevel.contains(where: { isLetterOrDigit($0) && $0 > 0x39 }) else { return nil }
        return String(decoding: bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    private static func checkLocalPart(_ local: Substring, in address: String) throws(EmailAddressError) {
        guard local.count <= maximumLocalPartLength else {
            throw .localPartTooLong(address, length: local.count, maximum: maximumLocalPartLength)
        }
        let allowed = { (c: Character) in (c.isASCII && (c.isLetter || c.isNumber)) || localPartSymbols.contains(c) }
        if let bad = local.first(where: { !allowed($0) }) {
            throw .invalidLocalCharacter(address, bad)
        }
        guard local.first != ".", local.last != ".", !local.contains("..") else {
            throw .misplacedDotInLocalPart(address)
        }
    }

    private static func checkDomain(_ domain: Substring, in address: String) throws(EmailAddressError) {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { throw .domainWithoutDot(address) }
        for label in labels {
            guard !label.isEmpty else { throw .emptyDomainLabel(address) }
            guard label.count <= maximumLabelLength else {
                throw .domainLabelTooLong(address, label: String(label), maximum: maximumLabelLength)
            }
            if let bad = label.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
                throw .invalidDomainCharacter(address, bad)
            }
            guard label.first != "-", label.last != "-" else {
                throw .hyphenAtLabelEdge(address, label: String(label))
            }
        }
        let topLevel = labels[labels.count - 1]
        guard topLevel.count >= 2, topLevel.contains(where: { $0.isLetter }) else {
            throw .invalidTopLevelDomain(address, topLevel: String(topLevel))
        }
    }
}
