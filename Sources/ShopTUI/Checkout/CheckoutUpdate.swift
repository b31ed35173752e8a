import ShopCore
import ShopService

/// Keys of the checkout wizard, `c`, and the outcome of placing and paying an order. Called from
/// `update`; pure like it: prices come from `ShopState.checkoutQuote`, time from `state.now`.
enum CheckoutUpdate {
    /// `c` outside a form.
    static func start(_ state: inout AppState) -> [Effect] {
        if payUnpaidOrder(&state) { return [] }
        let unpaidOrder = state.checkout?.orderNumber != nil
        guard !state.cart.isEmpty || unpaidOrder else {
            state.status = StatusMessage("The cart is empty: add products with a first", isError: true)
            return []
        }
        guard state.customer != nil else {
            AccountUpdate.open(&state, note: AccountUpdate.checkoutNote, continuesToCheckout: true)
            return []
        }
        open(&state)
        return []
    }

    /// Opens the wizard: as it was left if it was closed unfinished, else a new one.
    static func open(_ state: inout AppState) {
        guard let account = state.customer else { return }
        state.search.isEditing = false
        if var wizard = state.checkout, wizard.step != .confirmation {
            wizard.isOpen = true
            state.checkout = wizard
            return
        }
        state.checkout = CheckoutWizard(account: account, money: state.money)
    }

    static let waitNote = "One moment: the shop is saving your order"

    static func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var wizard = state.checkout else { return [] }
        // The shop works on the order (off the UI thread): a second Enter must not order twice.
        if wizard.pending != nil {
            state.status = StatusMessage(waitNote)
            return []
        }
        defer { if state.checkout != nil { state.checkout = wizard } }
        switch wizard.step {
        case .address: return addressKey(&state, &wizard, key)
        case .delivery: return deliveryKey(&state, &wizard, key)
        case .review:
            if wizard.termsScroll != nil { return termsKey(&state, &wizard, key) }
            return reviewKey(&state, &wizard, key)
        case .payment:
            switch wizard.paymentScreen {
            case .choose: return paymentKey(&state, &wizard, key)
            case .threeDSecure: return codeKey(&state, &wizard, key)
            case .wallet: return walletKey(&state, &wizard, key)
            case .cash:
                if key == .enter { wizard.step = .confirmation }
                if key == .escape { return giveUpPayment(&state, &wizard) }
                return []
            }
        case .confirmation:
            if key == .enter || key == .escape {
                state.checkout = nil
                state.status = StatusMessage("Back to the shop: Orders (4) follows your order")
            }
            return []
        }
    }

    // MARK: Steps

    private static func addressKey(_ state: inout AppState, _ wizard: inout CheckoutWizard, _ key: Key) -> [Effect] {
        switch wizard.address.handle(key) {
        case .cancel:
            wizard.isOpen = false
            state.status = StatusMessage("Checkout closed: c opens it again where you left it")
        case .submit:
            wizard.address.clearErrors()
            let form = wizard.address
            do throws(PostalAddressError) {
                wizard.deliveryAddress = try PostalAddress(
                    name: form.text("name"), line1: form.text("line1"), line2: form.text("line2"),
                    postalCode: form.text("postalCode"), city: form.text("city"), countryCode: form.text("country"))
                wizard.step = .delivery
                refreshDeliveryOptions(state, &wizard)
            } catch {
                let fields: [PostalAddressField: String] = [
                    .name: "name", .line1: "line1", .line2: "line2", .postalCode: "postalCode", .city: "city", .countryCode: "country",
                ]
                for field in PostalAddressField.allCases {
                    let problems = error.problems(for: field)
                    guard !problems.isEmpty, let id = fields[field] else { continue }
                    wizard.address.setError(id, problems.map { AccountForm.sentence($0.description) }.joined(separator: " "))
                }
                if let first = wizard.address.items.first(where: { $0.error != nil }) { wizard.address.focus(on: first.id) }
            }
        case .handled, .ignored:
            break
        }
        return []
    }

    private static func deliveryKey(_ state: inout AppState, _ wizard: inout CheckoutWizard, _ key: Key) -> [Effect] {
        let outcome = wizard.delivery.handle(key)
        wizard.showRelayPoints()
        switch outcome {
        case .cancel:
            wizard.step = .address
        case .submit:
            if let problem = quoteProblem(state, wizard) {
                wizard.delivery.error = problem
            } else {
                wizard.delivery.error = nil
                wizard.step = .review
            }
        case .handled, .ignored:
            break
        }
        return []
    }

    /// The name under which the terms' scroll extent is recorded.
    static let termsExtent = "terms of sale"

    /// Keys while the terms of sale are read: the scroll keys move them, Esc (or Enter) goes back
    /// to the box.
    private static func termsKey(_ state: inout AppState, _ wizard: inout CheckoutWizard, _ key: Key) -> [Effect] {
        if let delta = scrollMovement(key, page: max(1, state.height - 8)) {
            wizard.termsScroll = state.scrollExtents.scroll(wizard.termsScroll ?? 0, by: delta, id: termsExtent)
        } else if key == .escape || key == .enter || key == .backspace || key == .left || key == CheckoutWizard.termsKey {
            wizard.termsScroll = nil
        }
        return []
    }

    /// Enter on "Order with obligation to pay" places the order (the legal act of ordering); the
    /// Payment step follows for it. `t` on the terms box opens the terms of sale.
    private static func reviewKey(_ state: inout AppState, _ wizard: inout CheckoutWizard, _ key: Key) -> [Effect] {
        if key == CheckoutWizard.termsKey, wizard.review.focusedID == "terms" {
            wizard.termsScroll = 0
            return []
        }
        let before = wizard.review.focusedID
        let outcome = wizard.review.handle(key)
        if before == "promo", wizard.review.focusedID != "promo" { _ = applyPromo(state, &wizard) }
        switch outcome {
        case .cancel:
            wizard.step = .delivery
        case .submit:
            wizard.review.error = nil
            guard applyPromo(state, &wizard) else {
                wizard.review.focus(on: "promo")
                return []
            }
            guard wizard.review.isChecked("terms") else {
                wizard.review.setError("terms", CheckoutWizard.termsRefusal)
                wizard.review.focus(on: "terms")
                return []
            }
            if let problem = quoteProblem(state, wizard) {
                wizard.review.error = problem
                return []
            }
            wizard.pending = .placing
            return [.trade(.placeOrder(wizard.request(payment: nil), by: state.shopper), note: "Order placed with obligation to pay")]
        case .handled, .ignored:
            break
        }
        return []
    }

    private static func paymentKey(_ state: inout AppState, _ wizard: inout CheckoutWizard, _ key: Key) -> [Effect] {
        let method = wizard.methodIndex
        let outcome = wizard.payment.handle(key)
        if wizard.methodIndex != method { wizard.showFieldsOfChosenMethod() }
        wizard.payment.setHint("cardNumber", CardBrandHint.hint(for: wizard.payment.text("cardNumber")))
        switch outcome {
        case .cancel:
            wizard.clearCardSecrets()
            if let number = wizard.orderNumber {
                wizard.isOpen = false
                state.status = StatusMessage("Order \(number) is placed and waits for its payment: c comes back to pay it")
            } else {
                wizard.step = .review
            }
            return []
        case .submit:
            return submitPayment(&state, &wizard)
        case .handled, .ignored:
            return []
        }
    }

    private static func codeKey(_ state: inout AppState, _ wizard: inout CheckoutWizard, _ key: Key) -> [Effect] {
        switch wizard.action.handle(key) {
        case .cancel:
            return giveUpPayment(&state, &wizard)
        case .submit:
            let code = wizard.action.text("code")
            guard let number = wizard.orderNumber else { return [] }
            guard code.count == 6 else {
                wizard.action.setError("code", "The code has 6 digits: type it as it appears in the message from your bank")
                return []
            }
            wizard.action.clearErrors()
            wizard.pending = .confirmingCode
            return [.trade(.confirmCode(orderNumber: number, code: code, by: state.shopper), note: "Code sent to the bank")]
        case .handled, .ignored:
            return []
        }
    }

    private static func walletKey(_ state: inout AppState, _ wizard: inout CheckoutWizard, _ key: Key) -> [Effect] {
        switch key {
        case .escape:
            return giveUpPayment(&state, &wizard)
        case .enter:
            guard let number = wizard.orderNumber else { return [] }
            wizard.action.error = nil
            wizard.pending = .approvingWallet
            return [.trade(.approveWallet(orderNumber: number, by: state.shopper), note: "Payment approved in the wallet")]
        default:
            break
        }
        return []
    }

    /// Esc on 3-D Secure, the wallet or the cash reference: back to the choice of method, and the
    /// payment under way is given up so the order can be paid another way at once.
    private static func giveUpPayment(_ state: inout AppState, _ wizard: inout CheckoutWizard) -> [Effect] {
        wizard.paymentScreen = .choose
        wizard.payment.focus(on: "method")
        wizard.action = CheckoutWizard.codeForm()
        guard let number = wizard.orderNumber, let payment = state.shop.commerce.orders[number]?.currentPayment,
              payment.paymentState == .requiresAction || payment.paymentState == .awaitingPayment
        else { return [] }
        return [.trade(.abandonPayment(orderNumber: number, by: state.shopper), note: "Payment given up: choose another way to pay order \(number)")]
    }

    // MARK: Payment

    /// Checks the chosen method's fields, then pays the placed order.
    private static func submitPayment(_ state: inout AppState, _ wizard: inout CheckoutWizard) -> [Effect] {
        wizard.payment.clearErrors()
        guard let number = wizard.orderNumber else {
            wizard.step = .review
            wizard.review.error = "Order first: the Payment step pays a placed order"
            return []
        }
        let request: PaymentRequest
        switch wizard.methodIndex {
        case 0:
            guard let card = CardFields.validate(&wizard.payment, now: state.now) else { return [] }
            request = .card(CardEntry(card))
            wizard.submittedCard = card.summary.masked
            wizard.clearCardSecrets()
        case 1:
            let payer = wizard.payment.text("payer").trimmedForField
            guard !payer.isEmpty else {
                wizard.payment.setError("payer", "Type the email address of your wallet")
                wizard.payment.focus(on: "payer")
                return []
            }
            request = .wallet(payer: payer)
        default:
            request = .cash
        }
        wizard.pending = .paying
        return [.trade(.pay(orderNumber: number, request, by: state.shopper), note: "Payment sent for order \(number)")]
    }

    /// A command was journaled while no request of the wizard waits: shop time moved on while a
    /// code or an approval was awaited, and the code may have expired.
    static func shopMoved(_ state: inout AppState) {
        guard var wizard = state.checkout, wizard.pending == nil else { return }
        let awaiting = wizard.step == .payment && (wizard.paymentScreen == .threeDSecure || wizard.paymentScreen == .wallet)
        if awaiting, let number = wizard.orderNumber,
           state.shop.commerce.orders[number]?.currentPayment?.paymentState != .requiresAction {
            route(&state, &wizard, after: .paying)
            state.checkout = wizard
        }
    }

    /// The wizard's trade command was journaled: route from the order's payment.
    static func commandSucceeded(_ state: inout AppState, events: [ShopEvent]) {
        guard var wizard = state.checkout, let pending = wizard.pending else { return }
        wizard.pending = nil
        for event in events {
            if case let .commerce(.orderPlaced(order)) = event { wizard.orderNumber = order.number }
        }
        route(&state, &wizard, after: pending)
        state.checkout = wizard
    }

    /// A trade command was refused: the reason shows where the customer acted.
    static func commandFailed(_ state: inout AppState, reason: String) {
        guard var wizard = state.checkout, let pending = wizard.pending else { return }
        wizard.pending = nil
        let message = AccountForm.sentence(reason)
        switch pending {
        case .placing:
            wizard.review.error = message
        case .paying:
            wizard.paymentScreen = .choose
            wizard.payment.error = message
        case .confirmingCode:
            wizard.action.setError("code", message)
        case .approvingWallet:
            wizard.action.error = message
        }
        state.checkout = wizard
    }

    /// Where the order's current payment sends the customer: 3-D Secure, the wallet, the cash
    /// reference, back to the choice of method with the decline, or the confirmation.
    static func route(_ state: inout AppState, _ wizard: inout CheckoutWizard, after pending: CheckoutWizard.Pending) {
        guard let number = wizard.orderNumber, let order = state.shop.commerce.orders[number] else {
            wizard.payment.error = "The order could not be found after placing it: see Orders (4)"
            return
        }
        wizard.step = .payment
        switch PaymentOutcome(order) {
        case .confirmed:
            wizard.step = .confirmation
            state.status = StatusMessage("Order \(number) is confirmed: payment received")
        case .awaitingCash:
            wizard.paymentScreen = .cash
            state.status = StatusMessage("Order \(number) is placed: pay it in cash at an agent")
        case let .awaitingCode(attemptsLeft):
            if wizard.paymentScreen != .threeDSecure { wizard.action = CheckoutWizard.codeForm() }
            wizard.paymentScreen = .threeDSecure
            if pending == .confirmingCode {
                wizard.action.setText("code", "")
                let attempts = "\(attemptsLeft) attempt\(attemptsLeft == 1 ? "" : "s") left"
                wizard.action.setError("code", "Wrong code: \(attempts)")
                state.status = StatusMessage("Wrong code: \(attempts)", isError: true)
            }
        case .awaitingWallet:
            wizard.action = CheckoutWizard.codeForm()
            wizard.paymentScreen = .wallet
        case let .declined(reason):
            wizard.paymentScreen = .choose
            wizard.clearCardSecrets()
            wizard.payment.error = "Declined: \(reason)"
            wizard.payment.focus(on: "method")
            state.status = StatusMessage("Declined: order \(number) is placed and waits for another payment", isError: true)
        case .none:
            wizard.paymentScreen = .choose
            wizard.payment.focus(on: "method")
            state.status = StatusMessage("Order \(number) is placed: choose how to pay it")
        }
    }

    // MARK: Quotes

    /// Why the order as chosen could not be placed (stock, promise...), ignoring the terms.
    static func quoteProblem(_ state: AppState, _ wizard: CheckoutWizard) -> String? {
        do throws(ShopError) {
            _ = try state.shop.checkoutQuote(wizard.request(payment: .cash, acceptsTerms: true), by: state.shopper, at: state.now)
            return nil
        } catch {
            return AccountForm.sentence(error.description)
        }
    }

    /// The order the choices would place now, for the Review and Payment screens.
    static func quote(_ state: AppState, _ wizard: CheckoutWizard) -> Order? {
        try? state.shop.checkoutQuote(wizard.request(payment: .cash, acceptsTerms: true), by: state.shopper, at: state.now)
    }

    /// Checks the typed promotion code against the cart: accepted, or its error under the field.
    private static func applyPromo(_ state: AppState, _ wizard: inout CheckoutWizard) -> Bool {
        let typed = wizard.review.text("promo").trimmedForField
        wizard.review.setError("promo", nil)
        guard !typed.isEmpty else {
            wizard.appliedPromo = nil
            return true
        }
        do throws(ShopError) {
            _ = try state.shop.checkoutQuote(wizard.request(payment: .cash, promo: .some(typed), acceptsTerms: true), by: state.shopper, at: state.now)
            wizard.appliedPromo = typed
            return true
        } catch {
            wizard.appliedPromo = nil
            wizard.review.setError("promo", AccountForm.sentence(error.description))
            return false
        }
    }

    /// Each delivery method with its price and promised days for this cart and address.
    static func refreshDeliveryOptions(_ state: AppState, _ wizard: inout CheckoutWizard) {
        let options = DeliveryMethod.allCases.map { method -> ChoiceOption in
            var request = wizard.request(payment: .cash, promo: .some(nil), acceptsTerms: true)
            request.delivery = method
            request.extras = []
            guard let order = try? state.shop.checkoutQuote(request, by: state.shopper, at: state.now) else { return ChoiceOption(method.label) }
            let price = order.totals.shipping.minorUnits == 0 ? "free" : state.money.format(order.totals.shipping)
            return ChoiceOption(method.label, detail: "\(price)  \(DayFormat.range(order.promise))")
        }
        wizard.delivery.setOptions("method", options)
        if let postalCode = wizard.deliveryAddress?.postalCode {
            wizard.offer(relayPoints: RelayPoint.nearest(to: postalCode, count: RelayPoint.choices), near: postalCode)
        }
        wizard.delivery.error = quoteProblem(state, wizard)
    }
}
