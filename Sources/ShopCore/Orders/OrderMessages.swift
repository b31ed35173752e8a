/// The texts of the messages the shop sends about accounts and orders.
enum OrderMessages {
    /// The welcome, naming the SSH key registered with the account (if any) and the seller.
    static func welcome(_ account: Account, key: AccountKey?, seller: SellerIdentity) -> String {
        var text = """
        Hello \(account.name),

        Your Comptoir account is ready: you log in with \(account.email).
        Delivery address on file:
        \(account.address.lines.joined(separator: "\n"))

        """
        if let key { text += AccountNotices.registeredKey(key) + "\n\n" }
        text += """
        If you did not create this account, tell us at \(seller.contactEmail).

        Happy shopping,
        \(seller.block)
        """
        return text
    }

    static func threeDSecure(_ order: Order, card: CardSummary, challenge: ThreeDSecureChallenge) -> String {
        """
        Your bank asks you to confirm a payment of \(order.totals.total) to Comptoir with \(card.masked).

        Your code: \(challenge.oneTimeCode)

        It is valid until \(MessageTime.text(challenge.expiresAt)) and for \(ThreeDSecureChallenge.allowedAttempts) attempts.
        Type it with: comptoir pay confirm \(order.number) --code \(challenge.oneTimeCode)
        """
    }

    static func paymentFailed(_ order: Order, failure: PaymentFailure) -> String {
        """
        The payment for order \(order.number) did not go through: \(failure.customerMessage).
        Your order is kept: pay it another way, for example
          comptoir pay \(order.number) --wallet YOUR@EMAIL
          comptoir pay \(order.number) --cash
        """
    }

    static func cashReference(_ order: Order, payment: CashPayment) -> String {
        """
        Pay order \(order.number) in cash at any agent, quoting this reference:

        Reference: \(payment.reference)
        Amount: \(payment.amount)
        Valid until: \(MessageTime.text(payment.expiresAt))

        Unpaid by then, the order is canceled and its items released.

        Agents near \(order.address.postalCode):
        \(CashAgent.nearest(to: order.address.postalCode).map { "- \($0.name), \($0.address) (\($0.openingHours))" }.joined(separator: "\n"))
        """
    }

    static func canceled(_ order: Order, refund: Refund?, at time: ShopInstant) -> String {
        var text = "Order \(order.number) was canceled on \(MessageTime.text(time)) (\(order.cancelReason?.label ?? "returned to us by the carrier")).\n"
        if let refund { text += "We refund \(refund.amount) to your \(refund.method).\n" }
        return text
    }

    static func shipped(_ order: Order, shipment: Shipment, now: ShopInstant) -> String {
        let estimate = CourierSimulator(shipment: shipment).estimatedDelivery(now: now).map { "Estimated delivery: \($0)." } ?? ""
        let relay = order.relayPoint.map { "It will wait for you at \($0.relayPointLine).\n" } ?? ""
        return """
        Order \(order.number) has left our warehouse with \(shipment.carrier.name).
        Tracking number: \(shipment.trackingNumber)
        \(relay)\(estimate)
        Follow it with: comptoir track \(order.number)
        """
    }

    /// The parcel waits to be collected: where (the relay point with its hours, or the carrier's
    /// depot after a missed delivery), until when, and what happens if no one comes.
    static func readyForPickup(_ order: Order, scan: ScanEvent) -> String {
        let lastDay = MessageTime.zone.day(of: scan.time).adding(days: CourierSimulator.daysKeptForPickup)
        let place = order.relayPoint.map { "\($0.relayPointLine)\n" } ?? ""
        return """
        Your parcel for order \(order.number) is ready to collect since \(MessageTime.text(scan.time)):
        \(scan.message).
        \(place)Collect it with an ID in the name of \(order.address.name) by \(lastDay).
        Not collected by then, it goes back to us: the order is canceled and refunded.
        Tracking number: \(order.shipment.map { "\($0.trackingNumber)" } ?? ""). Follow it with: comptoir track \(order.number)
        """
    }

    static func delivered(_ order: Order, scan: ScanEvent) -> String {
        """
        Order \(order.number) was delivered on \(MessageTime.text(scan.time)): \(scan.message).
        You may return items within 14 days (until \(order.withdrawalLastDay.map(\.description) ?? "")) with 'comptoir return \(order.number)'.
        """
    }

    static func returnLabel(_ order: Order, request: ReturnRequest, value: Money) -> String {
        var text = "Your return label for order \(order.number):\n\nCarrier: \(request.shipment.carrier.name)\nTracking number: \(request.shipment.trackingNumber)\n\nItems:\n"
        for line in request.lines {
            let title = order.lines.first { $0.sku == line.sku }?.title ?? line.sku
            text += "\(line.quantity) × \(title) (\(line.sku))\n"
        }
        text += "\nDrop the parcel at any \(request.shipment.carrier.name) point. Once it reaches us we refund about \(value) to your original payment method.\n"
        return text
    }

    static func refund(_ order: Order, refund: Refund, reason: String) -> String {
        """
        We refunded \(refund.amount) for order \(order.number) to your \(refund.method), as \(reason).
        Payment status: \(order.paymentState.label). Refunded so far: \(order.refunded) of \(order.totals.total).
        """
    }
}
