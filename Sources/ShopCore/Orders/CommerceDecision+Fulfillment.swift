extension CommerceDecision {
    /// Hours from payment to the parcel leaving the warehouse.
    static let preparationHours = 2
    /// An order without a payment under way is canceled this long after it was placed.
    static let unpaidOrderHours = 72
    /// Where parcels leave from and returns go back to.
    static let warehouse = TrackingPlace(city: "Lyon", countryCode: "FR")

    /// Records everything shop time has made due, order by order (the settled ones can have
    /// nothing due, so only the orders in progress are visited).
    mutating func catchUp() {
        for number in commerce.ordersInProgress.map(\.number) {
            guard let order = commerce.orders[number] else { continue }
            expirePayment(order)
            guard let current = commerce.orders[number] else { continue }
            ship(current)
            guard let shipped = commerce.orders[number] else { continue }
            advanceParcel(shipped)
            guard let latest = commerce.orders[number] else { continue }
            advanceReturns(latest)
        }
    }

    private mutating func expirePayment(_ order: Order) {
        guard order.state == .placed, !order.isPaid else { return }
        switch order.currentPayment {
        case var .card(payment)?:
            if payment.expireChallenge(at: now) {
                emit(.paymentUpdated(orderNumber: order.number, .card(payment)))
                paymentFailed(order.number, .codeExpired)
                return
            }
        case var .cash(payment)?:
            if payment.expire(at: now) {
                emit(.paymentUpdated(orderNumber: order.number, .cash(payment)))
                emit(.orderCanceled(orderNumber: order.number, .cashReferenceExpired))
                if let canceled = commerce.orders[order.number] {
                    // Canceled when the reference expired, however late shop time is caught up.
                    send(.orderCanceled, about: canceled, subject: "Order \(order.number) canceled: cash reference expired",
                         body: OrderMessages.canceled(canceled, refund: nil, at: payment.expiresAt), date: payment.expiresAt)
                }
                return
            }
            if payment.status == .awaitingPayment { return }
        case var .wallet(payment)? where payment.status == .created:
            // A wallet payment never approved does not hold the order past its 72 hours.
            if now > order.placedAt.adding(hours: Self.unpaidOrderHours), (try? payment.cancel()) != nil {
                emit(.paymentUpdated(orderNumber: order.number, .wallet(payment)))
            }
        default:
            break
        }
        let current = commerce.orders[order.number]?.currentPayment
        let pending = current.map { !$0.allowsAnotherAttempt } ?? false
        if !pending, now > order.placedAt.adding(hours: Self.unpaidOrderHours) {
            emit(.orderCanceled(orderNumber: order.number, .unpaid))
            if let canceled = commerce.orders[order.number] {
                let deadline = order.paymentDeadline
                send(.orderCanceled, about: canceled, subject: "Order \(order.number) canceled: not paid",
                     body: OrderMessages.canceled(canceled, refund: nil, at: deadline), date: deadline)
            }
        }
    }

    /// The simulated warehouse ships a paid order once it is ready (automatic fulfilment only).
    private mutating func ship(_ order: Order) {
        guard commerce.backOffice.fulfilment == .automatic, let shippedAt = Self.plannedShipping(of: order), now >= shippedAt else { return }
        handToCourier(order, at: shippedAt, carrier: order.delivery.carrier)
    }

    /// When the warehouse hands a paid order to the courier by itself; nil unless it is being prepared.
    static func plannedShipping(of order: Order) -> ShopInstant? {
        guard order.state == .placed, order.fulfillment == .preparing, let since = order.preparingSince else { return nil }
        // Backordered goods ship once the supplier's lead time has passed: the first day from
        // which the promise's first day is the transit's working days away.
        let placedDay = ShopTimeZone.paris.day(of: order.placedAt)
        let transit = order.delivery.speed.transitDays.lowerBound
        var readyDay = placedDay
        for wait in 0...Self.longestPromiseDays where placedDay.adding(days: wait).addingWorkingDays(transit) >= order.promise.lowerBound {
            readyDay = placedDay.adding(days: wait)
            break
        }
        return max(since.adding(hours: Self.preparationHours),
                   readyDay > placedDay ? ShopTimeZone.paris.instant(on: readyDay, hour: 8) : since)
    }

    /// The parcel of `order` leaves the warehouse with `carrier` at `shippedAt`, and the customer
    /// is told its tracking number.
    mutating func handToCourier(_ order: Order, at shippedAt: ShopInstant, carrier: Carrier) {
        var dice = SplitMix64(seed: Self.seed(Self.serial(of: order.number), order.customer.rawValue, "parcel"))
        Self.skipFormerNumberDraws(order.delivery.carrier, &dice)
        let shipment = Shipment(
            trackingNumber: freshTrackingNumber(for: carrier),
            origin: Self.warehouse,
            // A relay parcel travels to the relay point chosen, which may be in another town.
            destination: TrackingPlace(city: order.relayPoint?.city ?? order.address.city, countryCode: order.address.country.code),
            shippedAt: shippedAt, speed: order.delivery.speed, seed: dice.next())
        emit(.orderShipped(orderNumber: order.number, shipment))
        if let shipped = commerce.orders[order.number] {
            send(.shipped, about: shipped, subject: "Order \(order.number) has shipped: \(shipment.trackingNumber)",
                 body: OrderMessages.shipped(shipped, shipment: shipment, now: shippedAt), date: shippedAt)
        }
    }

    private mutating func advanceParcel(_ order: Order) {
        guard order.fulfillment == .shipped, let shipment = order.shipment else { return }
        let after = order.scans.last?.time ?? shipment.shippedAt.adding(seconds: -1)
        let scans = CourierSimulator(shipment: shipment, relayPoint: order.relayPoint).scans(after: after, upTo: now)
        guard !scans.isEmpty else { return }
        emit(.scansRecorded(orderNumber: order.number, returnIndex: nil, scans))
        // Told however late time is caught up (dated when it happened), so the mails never depend
        // on how often shop time is caught up.
        if let waiting = scans.first(where: { $0.status == .availableForPickup }),
           !order.scans.contains(where: { $0.status == .availableForPickup }), let current = commerce.orders[order.number] {
            send(.readyForPickup, about: current, subject: "Order \(order.number) is ready to collect",
                 body: OrderMessages.readyForPickup(current, scan: waiting), date: waiting.time)
        }
        if let delivered = scans.first(where: { $0.status == .delivered }) {
            emit(.orderDelivered(orderNumber: order.number, at: delivered.time))
            if let done = commerce.orders[order.number] {
                send(.delivered, about: done, subject: "Order \(order.number) was delivered",
                     body: OrderMessages.delivered(done, scan: delivered), date: delivered.time)
            }
        } else if let back = scans.first(where: { $0.status == .returnToSender }) {
            emit(.orderReturnedToSender(orderNumber: order.number, at: back.time))
            let refund = refundRemaining(order.number)
            if let returned = commerce.orders[order.number] {
                send(.orderCanceled, about: returned, subject: "Order \(order.number) could not be delivered",
                     body: OrderMessages.canceled(returned, refund: refund, at: back.time), date: back.time)
            }
        }
    }

    private mutating func advanceReturns(_ order: Order) {
        for (index, request) in order.returns.enumerated() where request.receivedAt == nil {
            let after = request.scans.last?.time ?? request.shipment.shippedAt.adding(seconds: -1)
            let scans = CourierSimulator(shipment: request.shipment).scans(after: after, upTo: now)
            guard !scans.isEmpty else { continue }
            emit(.scansRecorded(orderNumber: order.number, returnIndex: index, scans))
            // With manual fulfilment the parcel waits for staff to record it received.
            guard commerce.backOffice.fulfilment == .automatic,
                  let arrived = scans.first(where: { $0.status == .delivered }) else { continue }
            receiveReturn(order.number, index: index, at: arrived.time)
        }
    }

    /// The return parcel `index` of the order is back in the warehouse: its items return to stock
    /// and are refunded (what is left of the payment once everything came back).
    mutating func receiveReturn(_ number: String, index: Int, at arrived: ShopInstant) {
        guard let order = commerce.orders[number], order.returns.indices.contains(index) else { return }
        let request = order.returns[index]
        emit(.returnReceived(orderNumber: number, returnIndex: index, at: arrived))
        guard let current = commerce.orders[number] else { return }
        let everything = current.lines.allSatisfy { current.receivedReturnQuantity(of: $0.sku) >= $0.quantity }
        let amount = everything ? nil : current.refundValue(of: request.lines)
        // Dated when the parcel arrived, like the return's receipt: the order screen tells
        // each return's refund by that date (`Order.refund(ofReturnAt:)`).
        let granted = amount.map { self.refund($0, on: current.number, at: arrived) } ?? refundRemaining(current.number, at: arrived)
        if let refund = granted, let refunded = commerce.orders[number] {
            send(.refund, about: refunded, subject: "Refund of \(refund.amount) for order \(number)",
                 body: OrderMessages.refund(refunded, refund: refund, reason: "your return has reached our warehouse"),
                 date: arrived)
        }
    }

    /// Records a refund of `amount` (at most what is left) to the original method.
    mutating func refund(_ amount: Money, on number: String, at time: ShopInstant? = nil) -> Refund? {
        guard let order = commerce.orders[number], let payment = order.currentPayment, var ledger = payment.refundLedger else { return nil }
        for refund in order.refunds { _ = try? ledger.refund(refund.amount, at: refund.at) }
        let granted = Money(minorUnits: min(amount.minorUnits, ledger.remaining.minorUnits), currency: amount.currency)
        guard granted.minorUnits > 0 else { return nil }
        let at = time ?? now
        emit(.refundRecorded(orderNumber: number, amount: granted, at: at))
        return Refund(amount: granted, at: at, method: payment.method)
    }

    mutating func refundRemaining(_ number: String, at time: ShopInstant? = nil) -> Refund? {
        guard let order = commerce.orders[number] else { return nil }
        return refund(order.totals.total, on: number, at: time)
    }

    /// A tracking number no parcel of the shop has had, its serial drawn from the shop's entropy
    /// (never from the order's serial, so numbers cannot be guessed from each other). One in
    /// 10^8 draws collides; after 32 tries in a row (a shop holding most of the serials) the
    /// last draw is kept.
    mutating func freshTrackingNumber(for carrier: Carrier) -> TrackingNumber {
        var number = TrackingNumber.generate(for: carrier, using: &random)
        var tries = 1
        while tries < 32, commerce.usesTrackingNumber(number) {
            number = TrackingNumber.generate(for: carrier, using: &random)
            tries += 1
        }
        return number
    }

    /// Parcel routes are seeded by the order's serial after the draws its tracking number once
    /// took from the same seed, so routes stay what they were (demos and walk-throughs).
    static func skipFormerNumberDraws(_ carrier: Carrier, _ dice: inout SplitMix64) {
        for _ in 0..<(carrier == .colisRapide ? 8 : 11) { _ = dice.next() }
    }

    /// The order number without its year (`C-2026-000042` -> `000042`): parcels are seeded by it,
    /// so the n-th order of a customer travels the same way whatever the year it is placed in
    /// (demos and the documented walk-throughs stay true).
    static func serial(of number: String) -> String {
        number.split(separator: "-").last.map(String.init) ?? number
    }

    /// A fixed seed per order and purpose, so tracking numbers and routes are the same whenever
    /// (and however often) they are decided. FNV-1a.
    static func seed(_ parts: String...) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "|").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
