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
