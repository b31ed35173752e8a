/// Case-, accent- and punctuation-insensitive text, as the search engine compares it.
///
/// Folding lowercases, strips diacritics (`Café` → `cafe`) and expands ligatures
/// (`œ` → `oe`, `ß` → `ss`). Words are runs of letters and digits; a run joined to the next by a
/// single connector (`'`, `’`, `-`, `.`) forms a compound such as `t-shirt` or `L'Or`. Documents index
/// a compound under each part and under the parts joined (`t`, `shirt`, `tshirt`), while a query
/// searches a compound by its joined form, so `t-shirt`, `tshirt` and `t shirt` find one another.
public enum TextFolding {
    /// The text with every letter folded; other characters are kept as they are.
    public static func fold(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch classify(scalar) {
            case let .letter(folded): output.append(contentsOf: folded.unicodeScalars)
            case .mark: continue
            case .connector, .separator: output.append(scalar)
            }
        }
        return String(output)
    }

    /// The words a query searches for: each compound by its joined form.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        scan(text) { parts in words.append(parts.joined()) }
        return words
    }

    /// The terms a document is indexed under: each part of a compound and the joined compound.
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        scan(text) { parts in
            terms.append(contentsOf: parts)
            if parts.count > 1 { terms.append(parts.joined()) }
        }
        return terms
    }

    /// The comparison key of a brand or category: its parts separated by single spaces
    /// (`De Buyer` → `de buyer`, `home-decoration` → `home decoration`).
    public static func key(_ text: String) -> String {
        var parts: [String] = []
        scan(text) { parts.append(contentsOf: $0) }
        return parts.joined(separator: " ")
    }

    /// Calls `body` with the parts of each compound of `text`, in order.
    static func scan(_ text: String, _ body: ([String]) -> Void) {
        var parts: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var pendingConnector = false
        func endPart() {
            if !current.isEmpty {
                parts.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        func endCompound() {
            endPart()
            if !parts.isEmpty { body(parts); parts.removeAll(keepingCapacity: true) }
            pendingConnector = false
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case 0x30...0x39, 0x61...0x7A:
                    if pendingConnector { endPart(); pendingConnector = false }
                    current.append(byte)
                case 0x41...0x5A:
                    if pendingConnector { endPart(); pendingConnector = false }
                    current.append(byte + 0x20)
                case 0x27, 0x2D, 0x2E:
                    if current.isEmpty || pendingConnector { endCompound() } else { pendingConnector = true }
                default:
                    endCompound()
                }
                continue
            }
            switch classify(scalar) {
            case let .letter(folded):
                if pendingConnector { endPart(); pendingConnector = false }
                current.append(contentsOf: folded.utf8)
            case .mark:
                continue
            case .connector:
                if current.isEmpty || pendingConnector { endCompound() } else { pendingConnector = true }
            case .separator:
                endCompound()
            }
        }
        endCompound()
    }

    enum ScalarClass {
        case letter(String)
        case mark
        case connector
        case separator
    }

    static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x61...0x7A: return .letter(String(scalar))
            case 0x41...0x5A: return .letter(String(Unicode.Scalar(UInt8(value + 0x20))))
            case 0x27, 0x2D, 0x2E: return .connector
            default: return .separator
            }
        }
        if let folded = latinFolds[value] { return .letter(folded) }
        switch value {
        case 0x2019, 0x02BC, 0x2010, 0x2011: return .connector
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: return .mark
        default: break
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil {
            return .letter(properties.lowercaseMapping)
        }
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark {
            return .mark
        }
        return .separator
    }

    /// Latin letters with diacritics and ligatures, mapped to their plain lowercase spelling.
    static let latinFolds: [UInt32: String] = {
        let groups: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ", "a"),
            ("ÇçĆćĈĉĊċČč", "c"), ("ĎďĐđÐð", "d"),
            ("ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩẸẹẺẻẼẽẾếỀềỂểỄễỆệ", "e"),
            ("ĜĝĞğĠġĢģǦǧǴǵ", "g"), ("ĤĥĦħ", "h"),
            ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐȈȉȊȋỈỉỊị", "i"), ("Ĵĵ", "j"), ("Ķķĸ", "k"),
            ("ĹĺĻļĽľĿŀŁł", "l"), ("ÑñŃńŅņŇňŉǸǹ", "n"),
            ("ÒÓÔÕÖØòóôõöøŌōŎŏŐőƠơǑǒǾǿȌȍȎȏȪȫȬȭȮȯȰȱỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ", "o"),
            ("ŔŕŖŗŘřȐȑȒȓ", "r"), ("ŚśŜŝŞşŠšȘș", "s"), ("ŢţŤťŦŧȚț", "t"),
            ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗỤụỦủỨứỪừỬửỮữỰự", "u"),
            ("Ŵŵ", "w"), ("ÝýÿŶŷŸỲỳỴỵỶỷỸỹ", "y"), ("ŹźŻżŽž", "z"),
            ("Ææ", "ae"), ("Œœ", "oe"), ("ßẞ", "ss"), ("Þþ", "th"), ("Ĳĳ", "ij"),
            ("ﬀ", "ff"), ("ﬁ", "fi"), ("ﬂ", "fl"), ("ﬃ", "ffi"), ("ﬄ", "ffl"), ("ﬅﬆ", "st"),
        ]
        var table: [UInt32: String] = [:]
        for (letters, folded) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = folded }
        }
        return table
    }()
}
