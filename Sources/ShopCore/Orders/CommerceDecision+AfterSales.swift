extension CommerceDecision {
    /// Cancels an order that has not shipped: a pending payment is abandoned, a taken one refunded
    /// in full, and the stock released.
    mutating func cancel(_ number: String) throws(CommerceError) {
        let order = try ownOrder(number)
        switch order.cancelRefusal {
        case .alreadyCanceled?: throw .orderCanceled(order.number)
        case .some: throw .cannotCancel(orderNumber: order.number, fulfillment: order.fulfillment)
        case nil: break
        }
        var refund: Refund?
        if order.isPaid {
            emit(.orderCanceled(orderNumber: order.number, .customer))
            refund = refundRemaining(order.number)
        } else {
            if let abandoned = Self.abandoned(order.currentPayment) {
                emit(.paymentUpdated(orderNumber: order.number, abandoned))
            }
            emit(.orderCanceled(orderNumber: order.number, .customer))
        }
        if let canceled = commerce.orders[order.number] {
            send(.orderCanceled, about: canceled, subject: "Order \(order.number) canceled", body: OrderMessages.canceled(canceled, refund: refund, at: now))
            if let refund {
                send(.refund, about: canceled, subject: "Refund of \(refund.amount) for order \(order.number)",
                     body: OrderMessages.refund(canceled, refund: refund, reason: "you canceled the order before it shipped"))
            }
        }
    }

    /// The payment attempt canceled, when it was still under way.
    static func abandoned(_ payment: Payment?) -> Payment? {
        switch payment {
        case var .card(card)?: return (try? card.cancel()).map { .card(card) }
        case var .wallet(wallet)?: return (try? wallet.cancel()).map { .wallet(wallet) }
        case var .cash(cash)?: return (try? cash.cancel()).map { .cash(cash) }
        case nil: return nil
        }
    }

    /// A return within 14 days of delivery (the 14th day included), perishables excepted, with a
    /// prepaid label whose parcel the courier tracks like any other.
    mutating func requestReturn(_ number: String, lines requested: [ReturnLine]?) throws(CommerceError) {
        let order = try ownOrder(number)
        guard order.state != .canceled else { throw .orderCanceled(order.number) }
        guard let lastDay = order.withdrawalLastDay, order.fulfillment == .delivered || order.fulfillment == .returned else {
            throw .notDelivered(order.number)
        }
        // Days are the shop's (Paris): the 14th day ends at midnight there.
        guard ShopTimeZone.paris.day(of: now) <= lastDay else { throw .withdrawalPeriodOver(orderNumber: order.number, lastDay: lastDay) }
        var lines: [ReturnLine] = []
        if let requested {
            for line in requested {
                guard let sold = order.lines.first(where: { $0.sku == line.sku }) else {
                    throw .notOnOrder(sku: line.sku, orderNumber: order.number)
                }
                guard !sold.perishable else { throw .perishable(title: sold.title) }
                let returnable = sold.quantity - order.returnedQuantity(of: sold.sku)
                guard line.quantity > 0, line.quantity <= returnable else {
                    throw .returnQuantity(title: sold.title, requested: line.quantity, returnable: returnable)
                }
                lines.append(line)
            }
        } else {
            for sold in order.lines where !sold.perishable {
                let returnable = sold.quantity - order.returnedQuantity(of: sold.sku)
                if returnable > 0 { lines.append(ReturnLine(sku: sold.sku, quantity: returnable)) }
            }
            if lines.isEmpty, let perishable = order.lines.first(where: \.perishable),
               order.lines.allSatisfy({ $0.perishable || order.returnedQuantity(of: $0.sku) >= $0.quantity }),
               order.returns.isEmpty {
                throw .perishable(title: perishable.title)
            }
        }
        guard !lines.isEmpty else { throw .nothingToReturn(order.number) }
        let index = order.returns.count
        var dice = SplitMix64(seed: Self.seed(Self.serial(of: order.number), order.customer.rawValue, "return", String(index)))
        Self.skipFormerNumberDraws(.colisRapide, &dice)
        let shipment = Shipment.returnParcel(
            trackingNumber: freshTrackingNumber(for: .colisRapide),
            from: TrackingPlace(city: order.address.city, countryCode: order.address.country.code),
            to: Self.warehouse, shippedAt: now, seed: dice.next())
        let request = ReturnRequest(lines: lines, requestedAt: now, shipment: shipment)
        emit(.returnRequested(orderNumber: order.number, request))
        if let current = commerce.orders[order.number] {
            send(.returnLabel, about: current, subject: "Return label for order \(order.number): \(shipment.trackingNumber)",
                 body: OrderMessages.returnLabel(current, request: request, value: current.expectedRefund(of: lines, besides: order.returns)))
        }
    }

    mutating func openTicket(_ number: String, topic: SupportTopic?, text: String) throws(CommerceError) {
        let order = try ownOrder(number)
        let question = text.trimmingSpaces()
        guard !question.isEmpty else { throw .emptyText }
        let topic = topic ?? SupportTopic.guess(question)
        let id = "T-\(zeroPadded(commerce.ticketIDs.count + 1, width: 4))"
        let firstLine = question.split(separator: "\n").first.map(String.init) ?? question
        let subject = firstLine.count > 60 ? String(firstLine.prefix(57)) + "..." : firstLine
        emit(.ticketOpened(SupportTicket(id: id, customer: order.customer, orderNumber: order.number, topic: topic, subject: subject,
                                         messages: [TicketMessage(author: .customer, at: now, text: question)])))
        answerAutomatically(id, order: order)
    }

    mutating func reply(_ id: String, text: String) throws(CommerceError) {
        let ticket = try ownTicket(id)
        guard ticket.status != .closed else { throw .ticketClosed(ticket.id) }
        let message = text.trimmingSpaces()
        guard !message.isEmpty else { throw .emptyText }
        emit(.ticketMessageAdded(ticketID: ticket.id, TicketMessage(author: .customer, at: now, text: message)))
        if ticket.status != .open { emit(.ticketStatusChanged(ticketID: ticket.id, .open)) }
    }

    mutating func close(_ id: String) throws(CommerceError) {
        let ticket = try ownTicket(id)
        guard ticket.status != .closed else { throw .ticketClosed(ticket.id) }
        emit(.ticketStatusChanged(ticketID: ticket.id, .closed))
    }

    private func ownTicket(_ id: String) throws(CommerceError) -> SupportTicket {
        let account = try customer()
        guard let ticket = commerce.tickets[id.trimmingSpaces().uppercased()], ticket.customer == account.id else {
            throw .unknownTicket(id)
        }
        return ticket
    }

    /// The automatic answer when a rule knows it; otherwise the customer is told when a person will
    /// answer, and the ticket stays open: waiting in the merchant's inbox.
    private mutating func answerAutomatically(_ id: String, order: Order) {
        guard let ticket = commerce.tickets[id] else { return }
        guard let answer = ticket.topic.automaticAnswer(for: order, now: now) else {
            let promise = SupportAnswer.personWillAnswer(order: order, now: now)
            emit(.ticketMessageAdded(ticketID: id, TicketMessage(author: .shop, at: now, text: promise)))
            send(.supportAnswer, about: order, subject: "Re: \(ticket.subject) [\(id)]", body: promise)
            return
        }
        emit(.ticketMessageAdded(ticketID: id, TicketMessage(author: .shop, at: now, text: answer)))
        emit(.ticketStatusChanged(ticketID: id, .answered))
        send(.supportAnswer, about: order, subject: "Re: \(ticket.subject) [\(id)]", body: answer + "\n\nReply with 'comptoir support reply \(id) TEXT'.")
    }
}
