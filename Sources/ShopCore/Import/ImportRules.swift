/// Decisions shared by every importer: the currency, the VAT class a category implies, the lead
/// time a shipping text promises, and the one-SKU-per-file rule.
public enum ImportRules {
    /// The currency named by `code` (case-insensitive), or `unknownCurrency`.
    public static func currency(code: String) throws(ImportError) -> Currency {
        guard let currency = Currency.known[code.trimmingSpaces().uppercased()] else {
            throw .unknownCurrency(code)
        }
        return currency
    }

    /// French VAT from a category name: food and books take the reduced 5.5 % rate, everything
    /// else the standard 20 %. Whole words are compared, so "notebooks" stays standard.
    public static func vatClass(forCategory category: String) -> VATClass {
        let words = category.lowercased().split(whereSeparator: { !$0.isLetter })
        let reduced: Set<Substring> = ["groceries", "grocery", "food", "foods", "foodstuff", "books", "book"]
        return words.contains(where: reduced.contains) ? .reduced : .standard
    }

    /// The lead time promised by a text such as "Ships in 3-5 business days" or "ships in 1–2 weeks";
    /// nil when the text gives no range ("Ships overnight", "Ships in 1 month").
    ///
    /// Business days become calendar days on the safe side: the shop never promises sooner than
    /// the supplier, so "3-5 business days" reads as 3–7 days (a weekend may fall in between).
    public static func leadTime(fromShippingText text: String) -> LeadTime? {
        let words = text.lowercased()
            .replacingDashes()
            .split(whereSeparator: { $0 == " " })
            .map(String.init)
        guard let rangeIndex = words.firstIndex(where: { $0.contains("-") }), rangeIndex + 1 < words.count else {
            return nil
        }
        let bounds = words[rangeIndex].split(separator: "-").compactMap { Int($0) }
        guard bounds.count == 2, bounds[0] >= 0, bounds[0] <= bounds[1], bounds[1] <= 365 else { return nil }
        let unit = words[rangeIndex + 1]
        switch unit {
        case "day", "days":
            return LeadTime(minDays: bounds[0], maxDays: bounds[1])
        case "business", "working":
            return LeadTime(minDays: bounds[0], maxDays: bounds[1] + 2 * ((bounds[1] + 4) / 5))
        case "week", "weeks":
            return LeadTime(minDays: bounds[0] * 7, maxDays: bounds[1] * 7)
        default:
            return nil
        }
    }
}

/// Refuses a second product with a SKU already seen in the same file.
struct SKURegister {
    private var seen: [String: ImportLocation] = [:]

    mutating func register(_ sku: String, at location: ImportLocation) throws(ImportError) {
        if let first = seen[sku] { throw .duplicateSKU(sku, first: first, second: location) }
        seen[sku] = location
    }
}

extension String {
    /// En and em dashes, and the minus sign, as ASCII hyphens.
    func replacingDashes() -> String {
        String(map { $0 == "–" || $0 == "—" || $0 == "−" ? "-" : $0 })
    }
}
