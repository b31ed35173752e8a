/// The shop's automatic first answer to a support question, written from the order as it stands
/// (a delivered parcel says when it was delivered, a canceled order that nothing will come), and
/// the promise of a person's answer for what no rule answers.
struct SupportAnswer {
    let order: Order
    let now: ShopInstant

    /// Support is staffed Monday to Friday; a question no rule answers is answered by the end
    /// (18:00) of the next working day.
    static let closingHour = 18

    func answer(_ topic: SupportTopic) -> String? {
        switch topic {
        case .delivery: return "Thank you for your question about the delivery of order \(order.number). \(delivery)"
        case .returns: return returns
        case .refund: return refund
        case .payment: return payment
        case .other: return nil
        }
    }

    private var delivery: String {
        let follow = " Follow it with 'comptoir track \(order.number)'."
        let tracking = order.shipment.map { " Tracking number: \($0.trackingNumber) (\($0.carrier.name))." } ?? ""
        if order.fulfillment == .returned {
            let back = order.scans.last.map { " on \(Self.short($0.time))" } ?? ""
            return "The parcel came back to our warehouse\(back); \(refundSentence)"
        }
        if order.state == .canceled {
            return "The order was \(order.cancelReason?.label ?? "canceled"): nothing will be delivered. \(refundSentence)"
        }
        if let deliveredAt = order.deliveredAt {
            return "It was delivered on \(Self.short(deliveredAt)).\(tracking)"
        }
        if order.fulfillment == .shipped {
            var text = "It is on its way."
            if let scan = order.scans.last {
                text += " Latest news from the courier (\(Self.short(scan.time)), \(scan.place)): \(scan.message)."
            }
            if let estimate = order.estimatedDelivery(now: now) { text += " The courier expects it on \(estimate)." }
            return text + relay + tracking + follow
        }
        if !order.isPaid {
            return "It is waiting for its payment (\(order.paymentState.label)); it leaves the warehouse once paid, and was promised between \(order.promise.lowerBound) and \(order.promise.upperBound) (see 'comptoir pay').\(relay)"
        }
        return "It has not left the warehouse yet; it was promised between \(order.promise.lowerBound) and \(order.promise.upperBound).\(relay)"
    }

    /// Where a relay parcel will wait, for an answer about one not yet collected.
    private var relay: String {
        order.relayPoint.map { " It will wait for you at \($0.relayPointLine)." } ?? ""
    }

    private var returns: String? {
        if order.state == .canceled && order.deliveredAt == nil {
            return "Order \(order.number) was \(order.cancelReason?.label ?? "canceled") and never delivered: there is nothing to return. \(refundSentence)"
        }
        if let pending = order.returns.last(where: { $0.receivedAt == nil }) {
            return "Your return of order \(order.number) is on its way back to us (\(pending.shipment.carrier.name) \(pending.shipment.trackingNumber)); the refund follows when the parcel reaches us."
        }
        guard let lastDay = order.withdrawalLastDay else {
            return "Order \(order.number) has not been delivered yet: a return starts after delivery (while it has not shipped you may cancel it with 'comptoir cancel \(order.number)')."
        }
        // Past the 14 days a person decides.
        if MessageTime.zone.day(of: now) > lastDay { return nil }
        if let received = order.returns.last?.receivedAt {
            let more = order.lines.contains { !$0.perishable && order.returnedQuantity(of: $0.sku) < $0.quantity }
                ? " You may return other items until \(lastDay) with 'comptoir return \(order.number)'." : ""
            return "Your return of order \(order.number) reached us on \(Self.short(received)). \(refundSentence)\(more)"
        }
        return "You may return items of order \(order.number) without giving a reason until \(lastDay) (perishable groceries excepted): run 'comptoir return \(order.number)' to get a prepaid label. The refund goes back to your original payment method once the parcel reaches us."
    }

    private var refund: String {
        var text = "Order \(order.number): "
        if let last = order.refunds.last {
            text += "\(order.refunded) has been refunded to your \(last.method) (last on \(Self.short(last.at)))."
        } else if order.isPaid {
            text += "nothing has been refunded; you paid \(order.totals.total)."
        } else {
            text += "no payment was taken, so there is nothing to refund."
        }
        let travelling = order.returns.indices.filter { order.returns[$0].receivedAt == nil }
        for index in travelling {
            let request = order.returns[index]
            text += " Your return (\(request.shipment.carrier.name) \(request.shipment.trackingNumber)) is on its way back to us: about \(order.shownRefund(ofReturnAt: index)) is refunded when it reaches us."
        }
        if travelling.isEmpty, order.refunds.isEmpty, order.isPaid {
            if order.fulfillment == .unfulfilled || order.fulfillment == .preparing {
                text += " Canceling it before it ships refunds it in full: 'comptoir cancel \(order.number)'."
            } else if let lastDay = order.withdrawalLastDay, MessageTime.zone.day(of: now) <= lastDay {
                text += " Items returned by \(lastDay) are refunded when they reach us: 'comptoir return \(order.number)'."
            }
        }
        return text
    }

    private var payment: String {
        let refunded = order.refunded.isZero ? "" : " \(order.refunded) has been refunded to your original payment method."
        let again = order.isPaid || order.state == .canceled ? "" : " If a payment failed you may pay again by another card, the wallet or cash at an agent with 'comptoir pay'."
        return "Order \(order.number) is \(order.paymentState.label) (\(order.totals.total)).\(refunded)\(again)"
    }

    private var refundSentence: String {
        order.refunded.isZero ? "No payment was taken." : "\(order.refunded) has been refunded to your original payment method."
    }

    /// When a person will have answered a question asked at `now`: 18:00 on the next working day,
    /// in the shop's zone (`MessageTime.zone`).
    static func personalAnswerDeadline(after now: ShopInstant) -> ShopInstant {
        let zone = MessageTime.zone
        var day = zone.day(of: now).adding(days: 1)
        while day.weekday == 0 || day.weekday == 6 { day = day.adding(days: 1) }
        return zone.instant(on: day, hour: closingHour)
    }

    /// What the customer is told when no rule answers.
    static func personWillAnswer(order: Order, now: ShopInstant) -> String {
        "Thank you for your message about order \(order.number). A person from our team will answer by \(short(personalAnswerDeadline(after: now), weekday: true)) Paris time (support works Monday to Friday); you will get the answer here and by e-mail."
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// `8 Dec at 12:12` (`Monday 8 Dec at 18:00` with the weekday), Paris time like every time in
    /// the shop's messages (`MessageTime`).
    static func short(_ instant: ShopInstant, weekday: Bool = false) -> String {
        let local = MessageTime.zone.local(instant)
        let day = local.calendarDay
        let seconds = local.seconds(since: day.start)
        let prefix = weekday ? weekdays[day.weekday] + " " : ""
        return "\(prefix)\(day.day) \(months[day.month - 1]) at \(twoDigits(seconds / 3_600)):\(twoDigits(seconds / 60 % 60))"
    }
}
