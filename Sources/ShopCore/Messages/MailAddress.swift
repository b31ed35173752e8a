/// A mailbox: a display name and an address (`Zoë Müller <zoe@example.fr>`).
///
/// The address must be plain ASCII `local@domain` (RFC 5322 dot-atom local part, domain of
/// letter-digit-hyphen labels with at least one dot); the name may be any text and is encoded
/// as needed when the message is written. Control characters and runs of spaces in the name
/// become single spaces, as mail readers show names anyway.
public struct MailAddress: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public let address: String

    public init(name: String, address: String) throws(MailAddressError) {
        let trimmed = address.trimmingSpaces()
        guard trimmed.unicodeScalars.allSatisfy({ $0.isASCII }) else { throw .notASCII(address) }
        guard trimmed.utf8.count <= 254 else { throw .tooLong(address) }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .notOneAtSign(address) }
        let local = parts[0], domain = parts[1]
        let localAtoms = local.split(separator: ".", omittingEmptySubsequences: false)
        guard local.utf8.count <= 64,
              localAtoms.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(EncodedWords.isAtext) })
        else { throw .invalidLocalPart(address) }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy(Self.isDomainLabel) else { throw .invalidDomain(address) }
        self.name = MessageHeader.sanitised(name).split(separator: " ").joined(separator: " ")
        self.address = trimmed
    }

    /// `Zoë Müller <zoe@example.fr>`, or the bare address when there is no name.
    public var description: String {
        name.isEmpty ? address : "\(name) <\(address)>"
    }

    private static func isDomainLabel(_ label: Substring) -> Bool {
        guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-" else { return false }
        return label.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-": return true
            default: return false
            }
        }
    }
}

/// Why a text is not a usable mail address.
public enum MailAddressError: Error, Equatable, Sendable, CustomStringConvertible {
    case notASCII(String)
    case tooLong(String)
    case notOneAtSign(String)
    case invalidLocalPart(String)
    case invalidDomain(String)

    public var description: String {
        switch self {
        case let .notASCII(address):
            return "\(Quote.value(address)) has characters outside ASCII: use an address like name@example.fr"
        case let .tooLong(address):
            return "\(Quote.value(address)) is longer than 254 characters, the longest address mail can carry"
        case let .notOneAtSign(address):
            return "\(Quote.value(address)) is not an address: it needs exactly one '@', as in name@example.fr"
        case let .invalidLocalPart(address):
            return "\(Quote.value(address)) has an invalid part before '@': use letters, digits and . _ - + without leading, trailing or double dots (64 at most)"
        case let .invalidDomain(address):
            return "\(Quote.value(address)) has an invalid domain after '@': use a name like example.fr (letters, digits, hyphens, at least one dot)"
        }
    }
}
