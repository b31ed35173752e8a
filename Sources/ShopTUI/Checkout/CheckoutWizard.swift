import ShopCore

/// The checkout as a wizard: address, delivery, review, payment, confirmation, each step a form
/// kept while the customer moves back and forth. It holds what was typed, never a card number or
/// security code once they were sent (only `submittedCard`, brand and last four).
public struct CheckoutWizard: Hashable, Sendable {
    public enum Step: Int, CaseIterable, Hashable, Sendable {
        case address, delivery, review, payment, confirmation

        public var title: String {
            switch self {
            case .address: return "Address"
            case .delivery: return "Delivery"
            case .review: return "Review"
            case .payment: return "Payment"
            case .confirmation: return "Confirmation"
            }
        }
    }

    /// What the Payment step shows: the choice of method, or the action the chosen one awaits.
    public enum PaymentScreen: Hashable, Sendable {
        case choose
        case threeDSecure
        case wallet
        case cash
    }

    /// The trade command sent and not yet answered.
    public enum Pending: Hashable, Sendable {
        case placing
        case paying
        case confirmingCode
        case approvingWallet
    }

    public static let methods = [ChoiceOption("Card"), ChoiceOption("Wallet"), ChoiceOption("Cash at an agent")]
    public static let termsRefusal = "Tick 'I accept the terms of sale' to order (t reads them)"
    /// The key that opens the terms of sale while their box is focused.
    public static let termsKey = Key.character("t")

    public var step: Step = .address
    public var paymentScreen: PaymentScreen = .choose
    public var address: Form
    public var delivery: Form
    public var review: Form
    public var payment: Form
    /// The 3-D Secure code and its answers; the wallet's and the cash screen's errors too.
    public var action: Form
    /// The address the Address step accepted.
    public var deliveryAddress: PostalAddress?
    /// The relay points offered on the Delivery step, nearest the address first.
    public var relayPoints: [LocalPlace] = []
    /// The promotion code accepted on the Review step.
    public var appliedPromo: String?
    /// The order once placed: later attempts pay it again instead of placing another.
    public var orderNumber: String?
    public var pending: Pending?
    /// `Visa •••• 4242` of the last card sent: all that stays of it.
    public var submittedCard: String?
    /// The terms of sale shown over the Review step, scrolled this many rows; nil when closed.
    public var termsScroll: Int?
    /// Shown over the panes; false keeps the input for when `c` reopens it.
    public var isOpen = true

    /// `money` formats the extras' prices as every amount of the screen (one format per locale).
    public init(account: Account, money: MoneyFormatter = MoneyFormatter(locale: .enUS)) {
        let address = account.address
        self.address = Form([
            .text("name", "Name", address.name, maxLength: PostalAddress.maximumNameLength),
            .text("line1", "Address line 1", address.line1, maxLength: PostalAddress.maximumLineLength),
            .text("line2", "Address line 2", address.line2 ?? "", maxLength: PostalAddress.maximumLineLength, optional: true),
            .text("postalCode", "Postal code", address.postalCode, maxLength: 12),
            .text("city", "City", address.city, maxLength: PostalAddress.maximumCityLength),
            .text("country", "Country", address.country.code, maxLength: 2),
        ])
        delivery = Form([
            .choice("method", "", DeliveryMethod.allCases.map { ChoiceOption($0.label) }),
            .choice("relayPoint", "Relay point", []),
        ])
        delivery.setHidden("relayPoint", true)
        review = Form([
            .text("promo", "Promo code", maxLength: 20, optional: true),
            .checkbox("giftWrap", "Gift wrap (+\(money.format(Money(minorUnits: CheckoutExtra.giftWrap.price, currency: .eur))))"),
            .checkbox("insurance", "Parcel insurance (+\(money.format(Money(minorUnits: CheckoutExtra.insurance.price, currency: .eur))))"),
            .checkbox("terms", "I accept the terms of sale (t reads them)"),
            .button("order", "Order with obligation to pay"),
        ])
        payment = Form([
            .choice("method", "Pay with", Self.methods),
            .text("cardNumber", "Card number", format: .cardNumber, maxLength: 19),
            .text("expiry", "Expiry MM/YY", format: .expiry, maxLength: 5),
            .text("cvc", "CVC", format: .secretDigits, maxLength: 4),
            .text("cardName", "Name on card", account.name, maxLength: 60),
            .text("payer", "Wallet email", account.email.value, maxLength: 254),
        ])
        action = Self.codeForm()
        if let index = payment.index(of: "cardNumber") { payment.items[index].hintBeside = true }
        showFieldsOfChosenMethod()
    }

    /// The 3-D Secure code field, empty.
    static func codeForm() -> Form { Form([.text("code", "Code", format: .digits, maxLength: 6)]) }

    public var breadcrumb: FormScreen.Breadcrumb {
        FormScreen.Breadcrumb(Step.allCases.map(\.title), current: step.rawValue)
    }

    public var deliveryMethod: DeliveryMethod { DeliveryMethod.allCases[delivery.selected("method")] }

    /// The relay point chosen on the Delivery step; nil for home delivery.
    public var relayPoint: LocalPlace? {
        let index = delivery.selected("relayPoint")
        return deliveryMethod == .relay && relayPoints.indices.contains(index) ? relayPoints[index] : nil
    }

    /// Offers `points` (nearest first) on the Delivery step, each with its rank, address and
    /// opening hours; the choice goes back to the nearest when the list changes.
    mutating func offer(relayPoints points: [LocalPlace], near postalCode: String) {
        guard let index = delivery.index(of: "relayPoint") else { return }
        let options = points.enumerated().map { rank, point in
            ChoiceOption("\(rank + 1). \(point.name), \(point.street)", detail: point.openingHours)
        }
        let selected = points.map(\.id) == relayPoints.map(\.id) ? delivery.selected("relayPoint") : 0
        delivery.items[index].kind = .choice(options: options, selected: min(selected, max(0, options.count - 1)))
        delivery.items[index].label = "Relay points near \(postalCode), nearest first (↓ to choose)"
        relayPoints = points
        showRelayPoints()
    }

    /// Shows the relay points while relay delivery is chosen.
    mutating func showRelayPoints() {
        delivery.setHidden("relayPoint", deliveryMethod != .relay || relayPoints.isEmpty)
    }

    public var extras: Set<CheckoutExtra> {
        var chosen: Set<CheckoutExtra> = []
        if review.isChecked("giftWrap") { chosen.insert(.giftWrap) }
        if review.isChecked("insurance") { chosen.insert(.insurance) }
        return chosen
    }

    /// 0 card, 1 wallet, 2 cash.
    public var methodIndex: Int { payment.selected("method") }

    /// The request for the choices so far, with `payment`; terms as ticked unless told.
    func request(payment: PaymentRequest?, promo: String?? = nil, acceptsTerms: Bool? = nil) -> CheckoutRequest {
        CheckoutRequest(address: deliveryAddress, delivery: deliveryMethod, relayPointID: relayPoint?.id, extras: extras,
                        promoCode: promo ?? appliedPromo, acceptsTerms: acceptsTerms ?? review.isChecked("terms"),
                        payment: payment)
    }

    /// Hides the fields of the methods not chosen.
    mutating func showFieldsOfChosenMethod() {
        let card = methodIndex == 0
        for id in ["cardNumber", "expiry", "cvc", "cardName"] { payment.setHidden(id, !card) }
        payment.setHidden("payer", methodIndex != 1)
    }

    /// Forgets the card number and security code (sent, declined or abandoned).
    mutating func clearCardSecrets() {
        payment.setText("cardNumber", "")
        payment.setText("cvc", "")
        payment.setHint("cardNumber", nil)
    }

    /// The form of the step on screen, for the keys.
    var currentForm: Form {
        get {
            switch step {
            case .address: return address
            case .delivery: return delivery
            case .review: return review
            case .payment: return paymentScreen == .choose ? payment : action
            case .confirmation: return action
            }
        }
        set {
            switch step {
            case .address: address = newValue
            case .delivery: delivery = newValue
            case .review: review = newValue
            case .payment: if paymentScreen == .choose { payment = newValue } else { action = newValue }
            case .confirmation: action = newValue
            }
        }
    }
}

extension AppState {
    /// Whether the customer is going through checkout, before its confirmation: the demo's fast
    /// shop time runs at the wall's pace meanwhile (`AcceleratedClock.holdForCheckout`).
    public var isAtCheckout: Bool {
        guard let checkout, checkout.isOpen else { return false }
        return checkout.step != .confirmation
    }
}
