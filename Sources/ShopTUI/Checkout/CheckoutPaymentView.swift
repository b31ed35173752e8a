import ShopCore
import ShopStore

/// The Payment step (choice of method, 3-D Secure, wallet, cash reference) and the confirmation.
enum CheckoutPaymentView {
    static func draw(_ state: AppState, _ wizard: CheckoutWizard, in content: Rect, into canvas: inout Canvas) {
        let styles = state.styles
        let order = wizard.orderNumber.flatMap { state.shop.commerce.orders[$0] }
        let total = order?.totals.total ?? CheckoutUpdate.quote(state, wizard)?.totals.total
        var rest = content
        if let total {
            let label = order.map { "Order \($0.number) · to pay" } ?? "To pay"
            rest = FormScreen.write(label, style: styles.heading, right: (state.money.format(total), styles.price.adding(.bold)),
                                    in: rest, into: &canvas)
        }
        switch wizard.paymentScreen {
        case .choose:
            if let order {
                rest = FormScreen.write("Order \(order.number) is placed and not paid yet: choose a method.", style: styles.muted,
                                        in: rest, into: &canvas)
            }
            FormView.draw(wizard.payment, state: state, in: FormScreen.skip(1, rest), into: &canvas)
        case .threeDSecure:
            drawThreeDSecure(state, wizard, order: order, in: rest, into: &canvas)
        case .wallet:
            let payer = wizard.payment.text("payer")
            rest = FormScreen.skip(1, rest)
            rest = FormScreen.write("Approve the payment in your wallet", style: styles.heading, in: rest, into: &canvas)
            rest = FormScreen.write("Wallet account: \(payer)", style: styles.base, in: rest, into: &canvas)
            rest = FormScreen.skip(1, rest)
            rest = FormScreen.write("Enter approves the payment, Esc chooses another method.", style: styles.muted, in: rest, into: &canvas)
            if let error = wizard.action.error {
                FormScreen.write(error, style: styles.error, in: FormScreen.skip(1, rest), into: &canvas)
            }
        case .cash:
            guard case let .cash(cash)? = order?.currentPayment else { return }
            rest = FormScreen.skip(1, rest)
            rest = FormScreen.write("Reference", style: styles.base, right: (cash.reference.description, styles.heading.adding(.bold)),
                                    in: rest, into: &canvas)
            rest = FormScreen.write("Amount", style: styles.base, right: (state.money.format(cash.amount), styles.price), in: rest, into: &canvas)
            rest = FormScreen.write("Pay before", style: styles.base, right: (DayFormat.dayAndTime(cash.expiresAt, in: state.timeZone), styles.base),
                                    in: rest, into: &canvas)
            rest = FormScreen.skip(1, rest)
            rest = FormScreen.write("Pay at any agent with reference \(cash.reference); the order ships once paid.", style: styles.heading,
                                    in: rest, into: &canvas)
            if let order {
                rest = FormScreen.write("Agents near \(order.address.postalCode):", style: styles.base, in: rest, into: &canvas)
                for agent in CashAgent.nearest(to: order.address.postalCode) where rest.height > 3 {
                    rest = FormScreen.write("  \(agent.name) · \(agent.openingHours)", style: styles.base, in: rest, into: &canvas)
                    rest = FormScreen.write("    \(agent.address)", style: styles.muted, in: rest, into: &canvas)
                }
            }
            rest = FormScreen.skip(1, rest)
            FormScreen.write("Enter continues; Esc withdraws the reference to pay another way.", style: styles.muted, in: rest, into: &canvas)
        }
    }

    /// The code field with its attempts and expiry on top; below, the latest message, where the
    /// bank's code can be read.
    private static func drawThreeDSecure(_ state: AppState, _ wizard: CheckoutWizard, order: Order?, in content: Rect,
                                         into canvas: inout Canvas) {
        let styles = state.styles
        var rest = FormScreen.write("Your bank sent a code to your phone", style: styles.heading, in: content, into: &canvas)
        var attempts = ""
        var expiry = ""
        if case let .card(card)? = order?.currentPayment, let challenge = card.challenge {
            attempts = "\(challenge.attemptsLeft) attempt\(challenge.attemptsLeft == 1 ? "" : "s") left"
            expiry = "The code expires at \(DayFormat.time(challenge.expiresAt, in: state.timeZone))"
            rest = FormScreen.write("\(card.card.masked) · \(attempts) · \(expiry)", style: styles.muted, in: rest, into: &canvas)
        }
        let formRows = FormView.height(wizard.action, width: rest.width)
        let formRect = Rect(x: rest.x, y: rest.y + 1, width: rest.width, height: min(formRows, max(0, rest.height - 1)))
        FormView.draw(wizard.action, state: state, in: formRect, into: &canvas)
        rest = FormScreen.skip(formRows + 2, rest)
        guard rest.height >= 4 else { return }
        let box = Rect(x: rest.x + 1, y: rest.y, width: rest.width - 1, height: rest.height)
        let inner = ShopView.frame(box, title: "5 Messages · latest", focused: false, state: state, into: &canvas)
        let messages = state.customerMessages
        let shown = messages.last { $0.kind == "3ds-code" && $0.orderNumber == order?.number } ?? messages.last
        guard let message = shown else {
            canvas.put("No messages yet.", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, style: styles.muted)
            return
        }
        var y = inner.y
        let date = message.date.map { DayFormat.dayAndTime($0, in: state.timeZone) } ?? ""
        canvas.put(message.subject, x: inner.x + 1, y: y, maxWidth: inner.width - 3 - DisplayWidth.of(date), style: styles.heading)
        canvas.putRight(date, rightEdge: inner.maxX - 1, y: y, maxWidth: DisplayWidth.of(date), style: styles.muted)
        y += 1
        let body = message.body.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { $0.isEmpty ? [""] : TextWrap.lines(String($0), width: inner.width - 2) }
        for line in body.drop(while: { $0.isEmpty }) where y < inner.maxY {
            canvas.put(line, x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: styles.base)
            y += 1
        }
    }

    static func drawConfirmation(_ state: AppState, _ wizard: CheckoutWizard, in content: Rect, into canvas: inout Canvas) {
        let styles = state.styles
        guard let number = wizard.orderNumber, let order = state.shop.commerce.orders[number] else { return }
        let awaitingCash = order.paymentState == .awaitingPayment
        var rest = FormScreen.skip(1, content)
        let headline = awaitingCash ? "Thank you! Order \(number) is placed, awaiting cash payment"
                                    : "Thank you! Order \(number) is confirmed"
        rest = FormScreen.write(headline, style: styles.success.adding(.bold), in: rest, into: &canvas)
        rest = FormScreen.skip(1, rest)
        rest = FormScreen.write("Total", style: styles.base, right: (state.money.format(order.totals.total), styles.price), in: rest, into: &canvas)
        if let method = order.currentPayment?.method {
            rest = FormScreen.write(awaitingCash ? "To pay" : "Paid by", style: styles.base, right: (paymentWords(method), styles.base),
                                    in: rest, into: &canvas)
        }
        rest = FormScreen.write("\(order.delivery.label), promised", style: styles.base,
                                right: (DayFormat.range(order.promise), styles.heading), in: rest, into: &canvas)
        let destination = order.relayPoint.map { "Collect at \($0.relayPointLine)" } ?? "To " + order.address.description
        rest = FormScreen.write(destination, style: styles.muted, in: rest, into: &canvas)
        rest = FormScreen.skip(1, rest)
        let unread = state.customerMessages.filter { !$0.isRead }.count
        rest = FormScreen.write("The confirmation and your voucher are in Messages (5)" + (unread > 0 ? ": \(unread) unread" : ""),
                                style: styles.base, in: rest, into: &canvas)
        rest = FormScreen.write("Orders (4) shows its progress and tracking.", style: styles.muted, in: rest, into: &canvas)
        rest = FormScreen.skip(1, rest)
        FormScreen.write("Enter or Esc returns to the shop.", style: styles.muted, in: rest, into: &canvas)
    }

    private static func paymentWords(_ method: PaymentMethodSummary) -> String {
        switch method {
        case let .card(summary): return summary.masked
        case let .wallet(payer): return "wallet \(payer)"
        case let .cash(reference): return "cash, reference \(reference)"
        }
    }
}
