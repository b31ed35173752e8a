import ArgumentParser
import ShopCore
import ShopStore

/// The card, wallet or cash choice shared by `checkout` and `pay`.
struct PaymentOptions: ParsableArguments {
    @Option(name: .customLong("card-number"), help: ArgumentHelp(
        "Card number (test cards such as 4242 4242 4242 4242; never stored).", valueName: "DIGITS"))
    var cardNumber: String?
    @Option(help: ArgumentHelp("Card expiry as printed on the card, MM/YY (required with --card-number).", valueName: "MM/YY")) var expiry: String?
    @Option(help: ArgumentHelp("Card security code, 3 or 4 digits (required with --card-number; never stored).", valueName: "CODE")) var cvc: String?
    @Option(help: ArgumentHelp("Pay with the wallet of this email address.", valueName: "EMAIL")) var wallet: String?
    @Flag(help: "Pay in cash at an agent with a payment reference (valid 72 hours).") var cash = false

    func request(now: ShopInstant) throws -> PaymentRequest {
        let chosen = [cardNumber != nil, wallet != nil, cash].filter { $0 }.count
        guard chosen == 1 else {
            throw CommandFailure("choose one way to pay: --card-number DIGITS, --wallet EMAIL or --cash", status: .usage)
        }
        if let cardNumber {
            do {
                return .card(CardEntry(try CardDetails.given(number: cardNumber, expiry: expiry, securityCode: cvc, now: now)))
            } catch {
                throw CommandFailure(String(describing: error), status: .refused)
            }
        }
        if expiry != nil || cvc != nil {
            throw CommandFailure("--expiry and --cvc belong to a card payment: give them with --card-number", status: .usage)
        }
        if let wallet { return .wallet(payer: wallet) }
        return .cash
    }
}

struct CheckoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout",
        abstract: "Order the cart with obligation to pay: address, delivery, extras, promo code, terms, payment.",
        discussion: """
            Delivery: standard (€4.90, free from €50), express (€9.90), relay (€3.50) to the relay \
            point --relay-point ID, else the one nearest the address ('comptoir relay-points \
            POSTAL_CODE' lists them with their IDs). Extras are \
            off unless asked for: --gift-wrap (€3.50), --insurance (€2.90). The address defaults to \
            the account's. Exit status 2 means the order was placed but its payment failed: pay it \
            again with 'comptoir pay ORDER ...'.
            """
    )

    @Option(help: "standard, express or relay.") var delivery = "standard"
    @Option(name: .customLong("relay-point"), help: ArgumentHelp(
        "With --delivery relay: the relay point to collect the parcel at (IDs: 'comptoir relay-points POSTAL_CODE'); default the nearest.",
        valueName: "ID"))
    var relayPoint: String?
    @Flag(name: .customLong("gift-wrap"), help: "Add gift wrap.") var giftWrap = false
    @Flag(help: "Add parcel insurance.") var insurance = false
    @Option(help: ArgumentHelp("A promotion code.", valueName: "CODE")) var promo: String?
    @Flag(name: .customLong("accept-terms"), help: "Accept the terms of sale (required).") var acceptTerms = false
    @Option(help: "Deliver to this name instead of the account's address (with --line1, --postal-code, --city).") var name: String?
    @Option var line1: String?
    @Option(name: .customLong("postal-code")) var postalCode: String?
    @Option var city: String?
    @Option var country = "FR"
    @OptionGroup var payment: PaymentOptions
    @Flag(help: "Print the order as JSON.") var json = false
    @OptionGroup var customer: CustomerOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingFailures {
            guard let method = DeliveryMethod(rawValue: delivery) else {
                throw CommandFailure("'\(delivery)' is not a delivery method: choose standard, express or relay", status: .usage)
            }
            if relayPoint != nil, method != .relay {
                throw CommandFailure("--relay-point chooses where a relay parcel waits: give it with --delivery relay", status: .usage)
            }
            let (session, shopper, account) = try ShopSession.forCustomer(customer, data: data)
            var address: PostalAddress?
            if let line1 {
                do {
                    address = try PostalAddress(name: name ?? account.name, line1: line1, postalCode: postalCode ?? "",
                                                city: city ?? "", countryCode: country)
                } catch {
                    throw CommandFailure(String(describing: error), status: .refused)
                }
            }
            var extras: Set<CheckoutExtra> = []
            if giftWrap { extras.insert(.giftWrap) }
            if insurance { extras.insert(.insurance) }
            let request = CheckoutRequest(
                address: address, delivery: method, relayPointID: relayPoint, extras: extras, promoCode: promo, acceptsTerms: acceptTerms,
                payment: try payment.request(now: session.now))
            // Said before the order is placed, at the price the order will take.
            let changes = session.state.priceChanges(in: shopper)
            if !json { for line in CartView.notices(changes, locale: data.locale) { printText(line) } }
            guard let order = try session.placeOrder(request, by: shopper) else { return }
            if !json { printText("Order with obligation to pay: \(order.number) placed.") }
            try OrderOutput.report(order, json: json, locale: data.locale, zone: data.timeZone, now: session.now)
        }
    }
}
