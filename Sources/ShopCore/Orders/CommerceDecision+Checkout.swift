extension CommerceDecision {
    /// Days the warehouse may take to hand an in-stock order to the carrier (it ships within
    /// hours, possibly the next day).
    static let preparationDays = 1
    /// Nothing may be promised further than this from the order day.
    static let longestPromiseDays = 30

    /// Checks the cart, prices it, promises a delivery range, reserves the stock, says the order
    /// was received (what is due, by when — or, for a card that pays at once, that the
    /// confirmation follows) and starts the payment if one came with the request; the voucher
    /// follows once paid.
    mutating func placeOrder(_ request: CheckoutRequest) throws(CommerceError) {
        let order = try quote(request)
        emit(.orderPlaced(order))
        let paidAtOnce = request.payment.map { paysAtOnce(order, $0) } ?? false
        let subject = paidAtOnce ? "Order \(order.number) received" : "Order \(order.number) received: \(order.totals.total) to pay"
        send(.orderReceived, about: order, subject: subject,
             body: OrderVoucher.received(order, deadline: order.paymentDeadline, paidAtOnce: paidAtOnce, seller: state.seller))
        if let payment = request.payment { try startPayment(order, payment) }
    }

    /// Whether `payment` would pay `order` in this very decision: a card the gateway accepts
    /// without a code (wallets and cash are paid later). Asked with a copy of the dice, so the
    /// real attempt that follows draws the same and ends the same; the state is not copied.
    private func paysAtOnce(_ order: Order, _ payment: PaymentRequest) -> Bool {
        guard case let .card(entry) = payment else { return false }
        var dice = random
        let attempt = try? SimulatedGateway().authorize(entry.details, amount: order.totals.total, at: now, using: &dice)
        return attempt?.status == .authorized
    }

    /// The order `request` would place now: lines, totals, promise and number, every rule checked.
    func quote(_ request: CheckoutRequest) throws(CommerceError) -> Order {
        let account = try customer()
        let cart = customerCart
        guard !cart.isEmpty else { throw .emptyCart }
        guard request.acceptsTerms else { throw .termsNotAccepted }
        do throws(CartError) {
            _ = try CartSummary(cart: cart, catalogue: state.catalogue)
        } catch {
            throw .cart(error)
        }
        let today = ShopTimeZone.paris.day(of: now)
        var lines: [OrderLine] = []
        var latestReady = 0
        var earliestReady = 0
        for cartLine in cart.lines {
            guard let product = state.catalogue.product(sku: cartLine.sku) else { continue }
            guard commerce.backOffice.isListed(product.sku) else { throw .unlisted(sku: product.sku, title: product.title) }
            if product.leadTime == nil, cartLine.quantity > product.availableStock {
                throw .notEnoughStock(sku: product.sku, title: product.title, requested: cartLine.quantity, available: product.availableStock)
            }
            var readyMin = 0, readyMax = Self.preparationDays
            if cartLine.quantity > product.availableStock, let lead = product.leadTime {
                readyMin = lead.minDays
                readyMax = lead.maxDays
            }
            let latest = today.adding(days: readyMax).addingWorkingDays(request.delivery.speed.transitDays.upperBound)
            if today.days(until: latest) > Self.longestPromiseDays {
                throw .promiseTooFar(title: product.title, latest: latest, limit: today.adding(days: Self.longestPromiseDays))
            }
            earliestReady = max(earliestReady, readyMin)
            latestReady = max(latestReady, readyMax)
            lines.append(OrderLine(sku: product.sku, title: product.title, quantity: cartLine.quantity,
                                   unitPrice: product.price, vatClass: product.vatClass,
                                   perishable: OrderLine.isPerishable(product)))
        }
        guard !lines.isEmpty else { throw .emptyCart }
        let currency = lines[0].unitPrice.currency
        let goods = Money(minorUnits: lines.reduce(0) { $0 + $1.gross.minorUnits }, currency: currency)
        var discount = Money.zero(currency)
        var promo: String?
        if let text = request.promoCode, !text.trimmingSpaces().isEmpty {
            guard let code = commerce.backOffice.promotion(named: text) else { throw .promo(.unknown(text)) }
            do throws(PromoCodeError) {
                discount = try code.discount(onGoods: goods, today: today,
                                             alreadyUsed: commerce.hasUsed(promoCode: code.code, customer: account.id))
            } catch {
                throw .promo(error)
            }
            promo = code.code
        }
        let transit = request.delivery.speed.transitDays
        // Delivery days count working days (Monday to Saturday), like the carrier's.
        let firstDay = today.adding(days: earliestReady).addingWorkingDays(transit.lowerBound)
        let promise = firstDay...today.adding(days: latestReady).addingWorkingDays(transit.upperBound)
        let number = "C-\(today.year)-\(zeroPadded(commerce.orderNumbers.count + 1, width: 6))"
        let address = request.address ?? account.address
        return Order(
            number: number, customer: account.id, placedAt: now, lines: lines, delivery: request.delivery,
            address: address, relayPoint: try relayPoint(request, address: address), extras: request.extras.sorted(),
            promoCode: promo, discount: discount, promise: promise)
    }

    /// The relay point `request` chose, the nearest to `address` when it chose none; nil for home
    /// delivery. An ID that names no relay point is refused with the points near the address.
    private func relayPoint(_ request: CheckoutRequest, address: PostalAddress) throws(CommerceError) -> LocalPlace? {
        guard request.delivery == .relay else { return nil }
        let nearby = RelayPoint.nearest(to: address.postalCode, count: RelayPoint.choices)
        guard let id = request.relayPointID, !id.trimmingSpaces().isEmpty else { return nearby.first }
        guard let point = RelayPoint.place(id: id) else { throw .unknownRelayPoint(id, nearby: nearby) }
        return point
    }

    /// An order may be paid while it is open, unpaid, and its last attempt (if any) is over.
    func checkPayable(_ order: Order) throws(CommerceError) {
        guard order.state != .canceled else { throw .orderCanceled(order.number) }
        guard !order.isPaid else { throw .alreadyPaid(order.number) }
        if let current = order.currentPayment, !current.allowsAnotherAttempt {
            throw .paymentInProgress(orderNumber: order.number, state: current.paymentState)
        }
    }
}

extension ShopState {
    /// The review step of checkout: the order `request` would place for `shopper` at `now` (lines,
    /// net, VAT per rate, shipping, discount, extras, total, promised range), or why it would be
    /// refused. The payment is not tried and nothing changes.
    public func checkoutQuote(_ request: CheckoutRequest, by shopper: Shopper, at now: ShopInstant) throws(ShopError) -> Order {
        var decision = CommerceDecision(state: self, now: now, entropy: 0)
        decision.shopper = shopper
        decision.catchUp()
        do throws(CommerceError) {
            return try decision.quote(request)
        } catch {
            throw .commerce(error)
        }
    }
}
