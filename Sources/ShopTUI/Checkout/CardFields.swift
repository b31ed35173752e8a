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
            let empty = "Type the security code: 3 digits on the back of the card, 4 on the front of an American Express card"
            form.setError("cvc", form.text("cvc").isEmpty ? empty : AccountForm.sentence(error.description))
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
