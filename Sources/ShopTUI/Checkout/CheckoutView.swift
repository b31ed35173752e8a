import ShopCore

/// The checkout wizard's screens: a box with the breadcrumb of steps and the current step's
/// form, prices from `ShopState.checkoutQuote` at shop time now.
enum CheckoutView {
    static func draw(_ state: AppState, _ wizard: CheckoutWizard, into canvas: inout Canvas) {
        if wizard.step == .review, let scroll = wizard.termsScroll {
            TermsOfSaleView.draw(state, scroll: scroll, into: &canvas)
            return
        }
        let title = wizard.step == .payment && wizard.paymentScreen == .threeDSecure ? "3-D Secure" : "Checkout · \(wizard.step.title)"
        let content = FormScreen.draw(state, title: title, breadcrumb: wizard.breadcrumb, into: &canvas)
        let styles = state.styles
        switch wizard.step {
        case .address:
            let rest = FormScreen.write("Where should the parcel go?", style: styles.heading, in: content, into: &canvas)
            FormView.draw(wizard.address, state: state, in: FormScreen.skip(1, rest), into: &canvas)
        case .delivery:
            var rest = FormScreen.write("How should it travel? Prices and promised days for this cart:", style: styles.heading,
                                        in: content, into: &canvas)
            rest = FormScreen.skip(1, rest)
            let formRows = FormView.height(wizard.delivery, width: rest.width)
            FormView.draw(wizard.delivery, state: state, in: Rect(x: rest.x, y: rest.y, width: rest.width, height: min(rest.height, formRows)),
                          into: &canvas)
            guard let address = wizard.deliveryAddress else { break }
            let below = FormScreen.skip(formRows + 1, rest)
            if let point = wizard.relayPoint {
                FormScreen.write("Collect at: \(point.relayPointLine), in the name of \(address.name)", style: styles.muted, in: below,
                                 into: &canvas)
            } else {
                FormScreen.write("To: " + address.description, style: styles.muted, in: below, into: &canvas)
            }
        case .review:
            drawReview(state, wizard, in: content, into: &canvas)
        case .payment:
            CheckoutPaymentView.draw(state, wizard, in: content, into: &canvas)
        case .confirmation:
            CheckoutPaymentView.drawConfirmation(state, wizard, in: content, into: &canvas)
        }
    }

    /// Lines, totals with VAT per rate, the promise, then the extras, terms and the order button.
    private static func drawReview(_ state: AppState, _ wizard: CheckoutWizard, in content: Rect, into canvas: inout Canvas) {
        let styles = state.styles
        let money = state.money
        let formRows = FormView.height(wizard.review, width: content.width)
        guard let order = CheckoutUpdate.quote(state, wizard) else {
            let rest = FormScreen.write(CheckoutUpdate.quoteProblem(state, wizard) ?? "The cart cannot be ordered now",
                                        style: styles.error, in: content, into: &canvas)
            FormView.draw(wizard.review, state: state, in: FormScreen.skip(1, rest), into: &canvas)
            return
        }
        let totals = order.totals
        var summary: [(String, String, TextStyle)] = []
        summary.append(("Subtotal", money.format(totals.goods), styles.base))
        if totals.discount.minorUnits > 0 {
            summary.append(("Discount \(order.promoCode ?? "")", "−" + money.format(totals.discount), styles.discount))
        }
        let shipping = totals.shipping.minorUnits == 0 ? "free" : money.format(totals.shipping)
        summary.append(("\(order.delivery.label), \(DayFormat.range(order.promise))", shipping, styles.base))
        if totals.extras.minorUnits > 0 {
            summary.append((order.extras.map(\.label).joined(separator: ", "), money.format(totals.extras), styles.base))
        }
        let vat = totals.vatBreakdown.map { "\($0.vatClass.label) \(money.format($0.vat))" }.joined(separator: " · ")
        summary.append(("VAT included: " + vat, "", styles.muted))
        let fixedRows = summary.count + 3  // rule, total, blank before the form
        let lineRows = max(1, min(order.lines.count, content.height - formRows - fixedRows))
        var rest = content
        for (index, line) in order.lines.enumerated() where index < lineRows {
            let more = order.lines.count - lineRows
            if index == lineRows - 1, more > 0 {
                rest = FormScreen.write("… and \(more + 1) more lines", style: styles.muted, in: rest, into: &canvas)
            } else {
                rest = FormScreen.write("\(line.quantity) × \(line.title)", style: styles.base,
                                        right: (money.format(line.gross), styles.price), in: rest, into: &canvas)
            }
        }
        if rest.height > 0 {
            canvas.rule(x: rest.x + FormScreen.textIndent, y: rest.y, width: rest.width - FormScreen.textIndent, style: styles.border)
            rest = FormScreen.skip(1, rest)
        }
        for (label, amount, style) in summary {
            rest = FormScreen.write(label, style: style == styles.muted ? styles.muted : styles.base,
                                    right: amount.isEmpty ? nil : (amount, style), in: rest, into: &canvas)
        }
        rest = FormScreen.write("Total", style: styles.heading.adding(.bold), right: (money.format(totals.total), styles.price.adding(.bold)),
                                in: rest, into: &canvas)
        FormView.draw(wizard.review, state: state, in: FormScreen.skip(rest.height > formRows ? 1 : 0, rest), into: &canvas)
    }
}
