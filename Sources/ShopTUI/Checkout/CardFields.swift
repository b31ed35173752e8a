import ShopCore

/// The card fields of the Payment step checked one by one, each problem under its field, before
/// anything is sent: the number (digits, brand, length, Luhn), the expiry, the security code.
enum CardFields {
    /// The card when every field passed; else nil with the errors set on `form`.
    static func validate(_ form: inout Form, now: ShopInstant) -> CardDetails? {
        var number: CardNumber?
        var expiry: CardExpiry?
        var code: CardSecurityCode?
        do throws(PaymentError) {
            number = try CardNumber(form.text("cardNumber"))
        } catch {
            form.setError("cardNumber", AccountForm.sentence(error.description))
        }
        do throws(PaymentError) {
            let parsed = try CardExpiry(form.text("expiry"))
            try parsed.check(at: now)
            expiry = parsed
        } catch {
            form.setError("expiry", AccountForm.sentence(form.text("expiry").isEmpty ? "type the expiry date as on the card, MM/YY" : error.description))
        }
        do throws(PaymentError) {
            let parsed = try CardSecurityCode(form.text("cvc"))
            if let number { try parsed.check(for: number.brand) }
            code = parsed
        } catch {
            form.setError("cvc", AccountForm.sentence(error.description))
        }
        if let first = form.items.first(where: { $0.error != nil && !$0.isHidden }) { form.focus(on: first.id) }
        guard let number, let expiry, let code else { return nil }
        do throws(PaymentError) {
            return try CardDetails(number: number, expiry: expiry, securityCode: code, now: now)
        } catch {
            form.error = AccountForm.sentence(error.description)
            return nil
        }
    }
}

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
