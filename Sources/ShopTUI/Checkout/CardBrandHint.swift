import ShopCore

/// The brand a card number announces as it is typed, shown next to the field.
enum CardBrandHint {
    static func hint(for digits: String) -> String? {
        guard !digits.isEmpty else { return nil }
        if let number = try? CardNumber(digits) {
            return number.coBadge.map { "\(number.brand.displayName)/\($0.displayName)" } ?? number.brand.displayName
        }
        let two = Int(digits.prefix(2)) ?? -1
        let four = Int(digits.prefix(4)) ?? -1
        switch digits.first {
        case "4": return CardBrand.visa.displayName
        case "5" where (51...55).contains(two), "2" where (2221...2720).contains(four): return CardBrand.mastercard.displayName
        case "3" where two == 34 || two == 37: return CardBrand.americanExpress.displayName
        default: return nil
        }
    }
}
