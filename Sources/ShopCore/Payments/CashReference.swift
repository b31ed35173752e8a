/// The reference a customer quotes to pay an order in cash at an agent: `CMP-7K4Q-9XW2-A`.
///
/// Eight random characters and a check character, drawn from 29 characters that cannot be
/// mistaken for one another (no 0/O, 1/I/L, U/V, Z/2). The check makes the weighted sum
/// 1·c₁ + 2·c₂ + … + 9·c₉ a multiple of 29; as 29 is prime and the weights 1 to 9 are distinct,
/// any single wrong character and any swap of two different characters is detected.
public struct CashReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The nine characters without prefix or dashes.
    public let characters: String

    public static let prefix = "CMP"
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTVWXY")
    static let randomLength = 8

    private init(characters: String) { self.characters = characters }

    /// Parses a reference as typed: any case, with or without `CMP`, spaces and dashes.
    public init(_ text: String) throws(PaymentError) {
        var compact = text.uppercased().filter { $0 != " " && $0 != "-" }
        if compact.count == Self.randomLength + 1 + Self.prefix.count && compact.hasPrefix(Self.prefix) {
            compact.removeFirst(Self.prefix.count)
        }
        if let stray = compact.first(where: { !Self.alphabet.contains($0) }) {
            throw .malformedReference(text, offending: stray)
        }
        guard compact.count == Self.randomLength + 1 else { throw .malformedReference(text, offending: nil) }
        guard Self.weightedSum(compact) % Self.alphabet.count == 0 else { throw .referenceCheckFailed(text) }
        self.characters = compact
    }

    /// A fresh reference from `random`.
    public static func generate<R: RandomNumberGenerator>(using random: inout R) -> CashReference {
        var body = ""
        for _ in 0..<randomLength {
            body.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)])
        }
        let modulus = alphabet.count
        // Solve 9·check ≡ −sum (mod 29); 13 is the inverse of 9 modulo 29.
        let check = ((modulus - weightedSum(body) % modulus) * 13) % modulus
        return CashReference(characters: body + String(alphabet[check]))
    }

    /// Σ position × value, positions counted from 1.
    private static func weightedSum(_ text: String) -> Int {
        var sum = 0
        for (offset, character) in text.enumerated() {
            sum += (offset + 1) * (alphabet.firstIndex(of: character) ?? 0)
        }
        return sum
    }

    /// Encoded as its printed form and decoded through the same checks as typed input.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `CMP-7K4Q-9XW2-A`.
    public var description: String {
        let chars = Array(characters)
        return "\(Self.prefix)-\(String(chars[0..<4]))-\(String(chars[4..<8]))-\(String(chars[8...]))"
    }
}
