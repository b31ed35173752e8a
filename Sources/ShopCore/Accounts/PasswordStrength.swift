/// A rough estimate of how hard a password is to guess, on zxcvbn's scale of 0 (guessed at once)
/// to 4 (strong), with a one-line hint to improve it.
///
/// The estimate counts bits: each character is worth log2 of the alphabet the password draws from
/// (lower case, upper case, digits, symbols, other scripts), except characters that repeat the
/// previous one or continue a sequence in runs of three or more (`aaa`, `abc`, `321`), which are
/// worth nothing. A common password or the customer's own name inside it is worth a few bits as
/// a whole, since attackers try those first. Scores: under 30 bits 0, under 45 1, under 60 2, under 75 3, else 4.
public struct PasswordStrength: Hashable, Sendable, CustomStringConvertible {
    public let score: Int
    public let hint: String

    public static let maximumScore = 4

    public var label: String {
        ["very weak", "weak", "fair", "good", "strong"][score]
    }

    public var description: String { "\(label) (\(score)/\(Self.maximumScore)): \(hint)" }

    static let scoreThresholds: [Double] = [30, 45, 60, 75]
    /// What a listed common password is worth: about log2 of the list's size.
    static let commonFragmentBits = 8.0
    /// What the customer's own name or email name is worth: attackers try it among the very first.
    static let personalFragmentBits = 4.0

    static func estimate(_ password: String, personalWords: [String]) -> PasswordStrength {
        var rest = password
        var bits = 0.0
        var containsCommon = false
        var containsPersonal = false
        // Cut out guessable fragments, longest first, and count each as a few bits.
        for _ in 0..<3 {
            let lowered = rest.lowercased()
            let personal = personalWords.filter { lowered.contains($0) }.max { $0.count < $1.count }
            let common = CommonPasswords.longestContained(in: rest)
            guard let fragment = [personal, common].compactMap({ $0 }).max(by: { $0.count < $1.count }) else { break }
            if fragment == personal {
                containsPersonal = true
                bits += personalFragmentBits
            } else {
                containsCommon = true
                bits += commonFragmentBits
            }
            rest = removingFirst(fragment, from: rest)
        }
        let characters = Array(rest)
        let surprising = surprisingCharacterCount(characters)
        bits += Double(surprising) * log2(Double(alphabetSize(of: password)))
        let score = scoreThresholds.firstIndex { bits < $0 } ?? maximumScore
        let predictable = characters.count >= 4 && surprising * 4 < characters.count * 3
        return PasswordStrength(score: score, hint: hint(
            score: score, containsCommon: containsCommon, containsPersonal: containsPersonal, predictable: predictable))
    }

    private static func hint(score: Int, containsCommon: Bool, containsPersonal: Bool, predictable: Bool) -> String {
        if score >= maximumScore { return "strong: nothing to add" }
        if containsPersonal { return "it contains your name or email address: leave those out" }
        if containsCommon { return "it contains a very common password: replace that part with words of your own" }
        if predictable { return "avoid repeated characters and sequences like aaa or 1234" }
        if score == maximumScore - 1 { return "good: one more word would make it strong" }
        return "add another word or two: long passphrases are strongest"
    }

    /// Characters left once runs of three or more repeated or consecutive code points (`aaa`,
    /// `abcd`, `9876`) count as their first character only.
    static func surprisingCharacterCount(_ characters: [Character]) -> Int {
        let values = characters.map { Int($0.unicodeScalars.first!.value) }
        var count = 0
        var start = 0
        while start < values.count {
            var end = start
            if start + 1 < values.count, abs(values[start + 1] - values[start]) <= 1 {
                let step = values[start + 1] - values[start]
                end = start + 1
                while end + 1 < values.count, values[end + 1] - values[end] == step { end += 1 }
            }
            let runLength = end - start + 1
            count += runLength >= 3 ? 1 : runLength
            start = end + 1
        }
        return count
    }

    /// How many different characters an attacker must try for each position.
    static func alphabetSize(of password: String) -> Int {
        var lower = false, upper = false, digit = false, symbol = false, other = false
        for character in password {
            if !character.isASCII { other = true }
            else if character.isLowercase { lower = true }
            else if character.isUppercase { upper = true }
            else if character.isNumber { digit = true }
            else { symbol = true }
        }
        return (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 100 : 0)
    }

    private static func removingFirst(_ fragment: String, from text: String) -> String {
        let lowered = Array(text.lowercased())
        let target = Array(fragment)
        let original = Array(text)
        guard lowered.count == original.count, target.count <= lowered.count else { return text }
        for start in 0...(lowered.count - target.count) where Array(lowered[start..<(start + target.count)]) == target {
            return String(original[..<start] + original[(start + target.count)...])
        }
        return text
    }

    /// log2 without Foundation: the exponent by halving, then the mantissa bit by bit by squaring.
    static func log2(_ value: Double) -> Double {
        guard value > 1 else { return 0 }
        var mantissa = value
        var result = 0.0
        while mantissa >= 2 {
            mantissa /= 2
            result += 1
        }
        var bit = 0.5
        for _ in 0..<24 {
            mantissa *= mantissa
            if mantissa >= 2 {
                mantissa /= 2
                result += bit
            }
            bit /= 2
        }
        return result
    }
}
