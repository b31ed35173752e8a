/// The locales the shop displays amounts in.
public enum ShopLocale: String, CaseIterable, Sendable {
    case frFR = "fr_FR"
    case enUS = "en_US"
    case enGB = "en_GB"
    case deDE = "de_DE"

    /// Picks the closest supported locale from a POSIX locale name such as `fr_FR.UTF-8`.
    public static func from(posix name: String?) -> ShopLocale {
        guard let name, !name.isEmpty else { return .enUS }
        let base = name.split(separator: ".").first.map(String.init) ?? name
        if let exact = ShopLocale(rawValue: base) { return exact }
        if base.hasPrefix("fr") { return .frFR }
        if base.hasPrefix("de") { return .deDE }
        if base.hasPrefix("en_GB") { return .enGB }
        return .enUS
    }
}

/// Formats money for display: `12,50 €` in French, `€12.50` in English.
public struct MoneyFormatter: Sendable {
    public let locale: ShopLocale

    public init(locale: ShopLocale) { self.locale = locale }

    public func format(_ money: Money) -> String {
        let currency = money.currency
        let negative = money.minorUnits < 0
        let absolute = money.minorUnits.magnitude
        let perMajor = UInt64(currency.minorPerMajor)
        let major = absolute / perMajor
        let minor = absolute % perMajor
        let (groupSeparator, decimalSeparator, symbolAfter) = conventions
        var text = group(major, separator: groupSeparator)
        if currency.minorUnitDigits > 0 {
            var minorText = String(minor)
            while minorText.count < currency.minorUnitDigits { minorText = "0" + minorText }
            text += decimalSeparator + minorText
        }
        let sign = negative ? "-" : ""
        if symbolAfter { return sign + text + " " + currency.symbol }
        return sign + currency.symbol + text
    }

    /// A count with the locale's thousands separator: `1,000,000` in English, `1 000 000` in French.
    public func formatCount(_ count: Int) -> String {
        (count < 0 ? "-" : "") + group(UInt64(count.magnitude), separator: conventions.group)
    }

    private var conventions: (group: String, decimal: String, symbolAfter: Bool) {
        switch locale {
        case .frFR: return (" ", ",", true)
        case .deDE: return (".", ",", true)
        case .enUS, .enGB: return (",", ".", false)
        }
    }

    private func group(_ value: UInt64, separator: String) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }
}

extension Money {
    /// `10000000.00`: the amount in major units with the currency's decimals, no grouping.
    var plainAmount: String {
        let places = currency.minorUnitDigits
        guard places > 0 else { return "\(minorUnits)" }
        let factor = currency.minorPerMajor
        let fraction = String(minorUnits.magnitude % UInt64(factor))
        return "\(minorUnits / factor).\(String(repeating: "0", count: max(0, places - fraction.count)))\(fraction)"
    }
}
