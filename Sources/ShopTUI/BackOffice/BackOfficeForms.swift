import ShopCore

/// The small forms of the back office: each opens over the pane with what it needs, reads what was
/// typed into a `MerchantAction` and sends it; the shop decides (a refusal comes back on the form).
enum BackOfficeForms {
    static func openShip(_ state: inout BackOfficeState) -> [BackOfficeEffect] {
        guard let order = state.selectedOrder else { return [] }
        let options = [ChoiceOption("\(order.delivery.carrier.name)", detail: "the delivery method's")]
            + Carrier.allCases.filter { $0 != order.delivery.carrier }.map { ChoiceOption($0.name) }
        state.screens.open(.form(ActionForm(.ship(orderNumber: order.number), form: Form([
            .choice("carrier", "Carrier", options), .button("ship", "Ship"),
        ]))))
        return []
    }

    static func receiveReturn(_ state: inout BackOfficeState) -> [BackOfficeEffect] {
        guard let order = state.selectedOrder else { return [] }
        return [.act(.receiveReturn(orderNumber: order.number), note: "Return of \(order.number) received and refunded", from: nil)]
    }

    static func openRefund(_ state: inout BackOfficeState) -> [BackOfficeEffect] {
        guard let order = state.selectedOrder else { return [] }
        var form = Form([.text("amount", "Amount", maxLength: 20), .text("reason", "Reason", maxLength: 200), .button("refund", "Refund")])
        form.setHint("amount", "at most \(state.money.format(order.refundable)), VAT included")
        state.screens.open(.form(ActionForm(.refund(orderNumber: order.number), form: form)))
        return []
    }

    static func openStock(_ state: inout BackOfficeState) -> [BackOfficeEffect] {
        guard let product = state.selectedProduct else { return [] }
        var form = Form([.text("stock", "On hand", String(product.stockOnHand), format: .digits, maxLength: 9), .button("save", "Save")])
        form.setHint("stock", "\(product.reservedStock) reserved by placed orders")
        state.screens.open(.form(ActionForm(.stock(sku: product.sku), form: form)))
        return []
    }

    static func openPrice(_ state: inout BackOfficeState) -> [BackOfficeEffect] {
        guard let product = state.selectedProduct else { return [] }
        var form = Form([.text("price", "Price", plain(product.price), maxLength: 20), .button("save", "Save")])
        form.setHint("price", "VAT included; placed orders keep their price")
        state.screens.open(.form(ActionForm(.price(sku: product.sku), form: form)))
        return []
    }

    static func openPromotion(_ state: inout BackOfficeState) -> [BackOfficeEffect] {
        var form = Form([
            .text("code", "Code", maxLength: 20), .text("percent", "Percent off", maxLength: 6, optional: true),
            .text("amount", "Amount off", maxLength: 20, optional: true), .text("minimum", "Minimum basket", maxLength: 20, optional: true),
            .text("until", "Last day", maxLength: 10, optional: true), .checkbox("once", "Once per customer"), .button("add", "Add"),
        ])
        form.setHint("until", "YYYY-MM-DD; empty: no end")
        state.screens.open(.form(ActionForm(.promotion, form: form)))
        return []
    }

    /// A key for the form; nil when the form has no use for it (`q` on a button), so it reaches
    /// the global keys (`q` then asks before losing what was typed).
    static func edit(_ state: inout BackOfficeState, _ key: Key) -> [BackOfficeEffect]? {
        guard case var .form(action)? = state.screens.screen(on: .form), !action.isWaiting else { return [] }
        let outcome = action.form.handle(key)
        state.screens.open(.form(action))
        return outcome == .ignored ? nil : []
    }

    /// What the status line says once the shop did what the form asked: the tracking number of a
    /// shipped order, else the form's note.
    static func done(_ purpose: ActionForm.Purpose, note: String, state: BackOfficeState) -> String {
        guard case let .ship(number) = purpose, let shipment = state.shop.commerce.order(numbered: number)?.shipment else { return note }
        return "Order \(number) shipped with \(shipment.carrier.name): tracking number \(shipment.trackingNumber)"
    }

    /// Enter: the form's action, or the error of what was typed, next to the field.
    static func submit(_ state: inout BackOfficeState) -> [BackOfficeEffect] {
        guard case var .form(action)? = state.screens.screen(on: .form), !action.isWaiting else { return [] }
        action.form.clearErrors()
        let result = self.action(for: action, state: state)
        switch result {
        case let .success((merchantAction, note)):
            action.isWaiting = true
            state.screens.open(.form(action))
            return [.act(merchantAction, note: note, from: .form)]
        case let .failure(problem):
            action.form.setError(problem.field, problem.message)
            action.form.focus(on: problem.field)
            state.screens.open(.form(action))
            return []
        }
    }

    struct Problem: Error {
        let field: String
        let message: String
    }

    /// What the form asks of the shop, or what was typed wrong.
    static func action(for action: ActionForm, state: BackOfficeState) -> Result<(MerchantAction, String), Problem> {
        let form = action.form
        let currency = state.shopCurrency
        switch action.purpose {
        case let .ship(number):
            let carrier: Carrier?
            if form.selected("carrier") == 0 {
                carrier = nil
            } else {
                let order = state.shop.commerce.order(numbered: number)
                let others = Carrier.allCases.filter { $0 != order?.delivery.carrier }
                carrier = others.indices.contains(form.selected("carrier") - 1) ? others[form.selected("carrier") - 1] : nil
            }
            return .success((.ship(orderNumber: number, carrier: carrier), "Order \(number) handed to the courier"))
        case let .refund(number):
            let amount: Money
            switch parseAmount(form.text("amount"), field: "amount", currency: currency) {
            case let .success(parsed): amount = parsed
            case let .failure(problem): return .failure(problem)
            }
            let reason = form.text("reason").trimmedForField
            guard !reason.isEmpty else { return .failure(Problem(field: "reason", message: "Say why: the customer is told")) }
            return .success((.refund(orderNumber: number, amount: amount, reason: reason),
                             "\(state.money.format(amount)) refunded on order \(number)"))
        case let .stock(sku):
            guard let onHand = Int(form.text("stock").trimmedForField), onHand >= 0 else {
                return .failure(Problem(field: "stock", message: "Type the units on hand, a whole number like 12"))
            }
            return .success((.setStock(sku: sku, onHand: onHand), "\(sku): \(onHand) on hand"))
        case let .price(sku):
            switch parseAmount(form.text("price"), field: "price", currency: currency) {
            case let .success(price): return .success((.setPrice(sku: sku, price: price), "\(sku) now costs \(state.money.format(price))"))
            case let .failure(problem): return .failure(problem)
            }
        case .promotion:
            return promotion(form, currency: currency)
        }
    }

    private static func promotion(_ form: Form, currency: Currency) -> Result<(MerchantAction, String), Problem> {
        let code = form.text("code").trimmedForField
        guard !code.isEmpty else { return .failure(Problem(field: "code", message: "Type the code customers will enter, like WINTER10")) }
        let percent = form.text("percent").trimmedForField, amount = form.text("amount").trimmedForField
        guard percent.isEmpty != amount.isEmpty else {
            return .failure(Problem(field: "percent", message: "Give either a percentage or an amount off, not both"))
        }
        let benefit: PromoCode.Benefit
        if !percent.isEmpty {
            guard let basisPoints = try? Money.parse(percent, currency: .eur).minorUnits else {
                return .failure(Problem(field: "percent", message: "Type a percentage like 10 or 12.5"))
            }
            benefit = .percent(basisPoints: basisPoints)
        } else {
            switch parseAmount(amount, field: "amount", currency: currency) {
            case let .success(money): benefit = .fixed(minorUnits: money.minorUnits)
            case let .failure(problem): return .failure(problem)
            }
        }
        var minimum: Int64 = 0
        let minimumText = form.text("minimum").trimmedForField
        if !minimumText.isEmpty {
            switch parseAmount(minimumText, field: "minimum", currency: currency) {
            case let .success(money): minimum = money.minorUnits
            case let .failure(problem): return .failure(problem)
            }
        }
        var lastDay = PromoCode.latestLastDay
        let until = form.text("until").trimmedForField
        if !until.isEmpty {
            guard let day = CalendarDay(iso8601: until) else {
                return .failure(Problem(field: "until", message: "Type the last day as YYYY-MM-DD, like 2026-12-31"))
            }
            lastDay = day
        }
        let promotion = PromoCode(code: code, benefit: benefit, minimumBasket: minimum, lastDay: lastDay, oncePerCustomer: form.isChecked("once"))
        return .success((.addPromotion(promotion), "The code \(promotion.code) is on"))
    }

    private static func parseAmount(_ text: String, field: String, currency: Currency) -> Result<Money, Problem> {
        guard let money = try? Money.parse(text.trimmedForField, currency: currency) else {
            return .failure(Problem(field: field, message: "Type an amount like 12.90"))
        }
        return .success(money)
    }

    /// `12.90`: an amount as typed back into a field.
    static func plain(_ money: Money) -> String {
        let digits = money.currency.minorUnitDigits
        guard digits > 0 else { return String(money.minorUnits) }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let units = money.minorUnits / scale, minor = abs(money.minorUnits % scale)
        let fraction = String(minor)
        return "\(units).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
    }
}
