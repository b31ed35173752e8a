import ShopCore
import Testing

/// Email addresses, postal addresses and tracking numbers are checked byte by byte when they are
/// ASCII (every recorded one is checked again when a snapshot is read). Those checks must answer
/// exactly as the character by character ones: compared here on many generated texts.
@Suite("ASCII checks answer as the Unicode ones")
struct ASCIIChecksTests {
    static func texts(from alphabet: [String], count: Int, maxLength: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = Int(generator.next() % UInt64(maxLength + 1))
            return (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
        }
    }

    static func outcome<T, E: Error>(_ body: () throws(E) -> T) -> Result<T, E> {
        do { return .success(try body()) } catch { return .failure(error) }
    }

    /// An ideographic space in front is trimmed, and sends the text the Unicode way.
    @Test func emailAddressesAreJudgedAlikeBothWays() {
        let alphabet = ["a", "b", "Z", "0", "9", "@", ".", ".", "-", "_", "+", "!", "~", " ", "\t", "\"", "(", ",", "\u{7F}", "\u{01}", "MAIL"]
        let locals = Self.texts(from: ["a", "Z", "0", "+", "_", ".", "~", "!", "a", "b", "MAIL", "x", " ", "\"", "\u{7F}", "@"],
                                count: 3_000, maxLength: 4, seed: 11)
        let labels = ["example", "b", "-c", "1", "fr", "x-y", "ÿ", "", "COM", "de-", "a b"]
        let domains = (0..<3_000).map { index in
            let picks = [index % 7, index / 7 % 11, index / 77 % 11]
            return picks.prefix(1 + index % 3).map { labels[$0 % labels.count] }.joined(separator: ".")
        }
        var checked = 0
        for text in zip(locals, domains).map({ $0 + "@" + $1 }) + Self.texts(from: alphabet, count: 1_000, maxLength: 9, seed: 13) + [
            String(repeating: "a", count: 64) + "@example.com", String(repeating: "a", count: 65) + "@example.com",
            "a@" + String(repeating: "b", count: 63) + ".fr", "a@" + String(repeating: "b", count: 64) + ".fr",
            "a@b." + String(repeating: "c", count: 250), "Zoë@example.fr", "a@b.c1", "a@b.1c", "a..b@c.de", ".a@b.cd",
        ] {
            let direct = Self.outcome { () throws(EmailAddressError) in try EmailAddress(text) }
            let unicode = Self.outcome { () throws(EmailAddressError) in try EmailAddress("\u{3000}" + text) }
            #expect(direct == unicode, "\(text.debugDescription)")
            if case .success = direct { checked += 1 }
        }
        #expect(checked > 100, "too few good addresses generated to compare: \(checked)")
    }

    /// The reference: how a field was collapsed and checked before the byte by byte check.
    static func referenceField(_ raw: String, maximum: Int) -> (value: String, problem: String?) {
        let value = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        if value.isEmpty { return (value, "missing") }
        if value.unicodeScalars.contains(where: { [.control, .format].contains($0.properties.generalCategory) }) { return (value, "control") }
        if value.count > maximum { return (value, "long") }
        return (value, nil)
    }

    @Test func addressFieldsAreCollapsedAndCheckedAsBefore() {
        let alphabet = ["a", "B", " ", " ", "\t", "\u{01}", "\u{7F}", "\n", "é", "\u{200B}", "rue", "7"]
        for text in Self.texts(from: alphabet, count: 3_000, maxLength: 8, seed: 5) + [String(repeating: "x", count: 61), String(repeating: "x", count: 60)] {
            let reference = Self.referenceField(text, maximum: PostalAddress.maximumCityLength)
            let address = Self.outcome { () throws(PostalAddressError) in
                try PostalAddress(name: "Zoë", line1: "1 rue", postalCode: "75011", city: text, countryCode: "FR")
            }
            switch address {
            case let .success(made):
                #expect(reference.problem == nil && made.city == reference.value, "\(text.debugDescription)")
            case let .failure(error):
                let problems = error.problems.map { problem -> String in
                    switch problem {
                    case .missing: return "missing"
                    case .controlCharacter: return "control"
                    case .tooLong: return "long"
                    default: return "\(problem)"
                    }
                }
                #expect(problems == [reference.problem].compactMap { $0 }, "\(text.debugDescription): \(error)")
            }
        }
    }

    /// The reference: the character by character reading of a tracking number before the byte one.
    static func referenceTrackingNumber(_ text: String) -> String? {
        let cleaned = String(text.uppercased().filter { $0 != " " && $0 != "-" })
        guard let carrier = Carrier.allCases.first(where: { cleaned.hasPrefix($0.prefix) }) else { return nil }
        let s10 = cleaned.count == carrier.trackingNumberLength && cleaned.hasSuffix(carrier.suffix)
        let legacy = cleaned.count == carrier.prefix.count + 12 && carrier != .colisRapide
        guard s10 || legacy else { return nil }
        let digitText = cleaned.dropFirst(carrier.prefix.count).dropLast(s10 ? carrier.suffix.count : 0)
        let digits = digitText.compactMap { $0.wholeNumberValue }
        guard digits.count == digitText.count, digitText.allSatisfy(\.isASCII) else { return nil }
        let payload = Array(digits.dropLast())
        let expected = s10 ? carrier.checkDigit(for: payload) : carrier.legacyCheckDigit(for: payload)
        return digits.last == expected ? cleaned : nil
    }

    @Test func trackingNumbersAreReadAsBefore() {
        var generator = SplitMix64(seed: 3)
        var texts: [String] = []
        for carrier in Carrier.allCases {
            for _ in 0..<300 {
                var number = TrackingNumber.generate(for: carrier, using: &generator).value
                // Damage some: a digit changed, a letter lowered, spaces and dashes, a character dropped.
                let index = number.index(number.startIndex, offsetBy: Int(generator.next() % UInt64(number.count)))
                switch generator.next() % 6 {
                case 0: number.replaceSubrange(index...index, with: String(generator.next() % 10))
                case 1: number = number.lowercased()
                case 2: number.insert(contentsOf: generator.next() % 2 == 0 ? " " : "-", at: index)
                case 3: number.remove(at: index)
                case 4: number.replaceSubrange(index...index, with: "٣")
                default: break
                }
                texts.append(number)
            }
        }
        var good = 0
        for text in texts + ["", "CR", "cr 123 456 785 fr", "ZZ123", "CR12345FR"] {
            let read = try? TrackingNumber(text)
            #expect(read?.value == Self.referenceTrackingNumber(text), "\(text.debugDescription)")
            if read != nil { good += 1 }
        }
        #expect(good > 300 && good < texts.count, "\(good) of \(texts.count)")
    }
}
