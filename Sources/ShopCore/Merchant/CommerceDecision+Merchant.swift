/// The back office's decisions: who may act, then what each action changes, and the line it
/// leaves in the audit journal.
extension CommerceDecision {
    mutating func decideMerchant(_ action: MerchantAction, staff email: String?) throws(MerchantError) {
        if case let .logIn(verified) = action {
            try recordStaffLogin(email, verified: verified)
            return
        }
        let actor = try staffMember(email, for: action)
        let who = actor?.email ?? AuditEntry.dataFolder
        let done = try perform(action, by: actor)
        emit(.backOffice(.audited(AuditEntry(at: now, staff: who, action: done))))
    }

    /// The attempt counted by the login throttle, as a customer's is; refused while locked out.
    private mutating func recordStaffLogin(_ email: String?, verified: Bool) throws(MerchantError) {
        guard let email, let member = commerce.backOffice.staffMember(email: email) else { throw .notStaff(email ?? "") }
        let throttle = LoginThrottle.standard
        do throws(LoginError) {
            try throttle.checkNotLocked(member, at: now)
        } catch {
            throw .login(error)
        }
        let updated = verified ? throttle.recordingSuccess(on: member) : throttle.recordingFailure(on: member, at: now)
        guard updated != member else { return }
        emit(.backOffice(.staffLoginRecorded(email: member.email, failedLoginCount: updated.failedLoginCount,
                                             lockoutCount: updated.lockoutCount, lockedUntil: updated.lockedUntil)))
    }

    /// The member of staff who acts, allowed to; nil for the first owner, added by whoever can
    /// write the data folder.
    private func staffMember(_ email: String?, for action: MerchantAction) throws(MerchantError) -> StaffMember? {
        let office = commerce.backOffice
        guard let email else {
            guard office.staff.isEmpty else { throw .staffLoginNeeded }
            guard case let .addStaff(_, _, role, _) = action else { throw .noStaffYet }
            guard role == .owner else { throw .firstStaffMustBeOwner }
            return nil
        }
        guard let member = office.staffMember(email: email) else {
            if office.staff.isEmpty { throw .noStaffYet }
            if commerce.account(email: email) != nil { throw .customerNotStaff(email) }
            throw .notStaff(email)
        }
        guard member.role.may(action.permission) else {
            throw .notAllowed(email: member.email, role: member.role, permission: action.permission)
        }
        return member
    }

    /// Does the action; returns what the audit journal says of it.
    private mutating func perform(_ action: MerchantAction, by actor: StaffMember?) throws(MerchantError) -> String {
        switch action {
        case .logIn:
            return "logged in"
        case let .addStaff(email, name, role, hash):
            let address: EmailAddress
            do throws(EmailAddressError) { address = try EmailAddress(email) } catch { throw .invalidStaffEmail(email) }
            let cleanName = name.trimmingSpaces()
            guard !cleanName.isEmpty else { throw .emptyName }
            guard commerce.backOffice.staffMember(email: address.value) == nil else { throw .staffExists(address.value) }
            emit(.backOffice(.staffAdded(StaffMember(email: address.value, name: cleanName, role: role, passwordHash: hash, addedAt: now))))
            return "added \(address.value) (\(cleanName)) as \(role.rawValue)"
        case let .removeStaff(email):
            guard let member = commerce.backOffice.staffMember(email: email) else { throw .notStaff(email) }
            if member.role == .owner, commerce.backOffice.staff.filter({ $0.role == .owner }).count == 1 {
                throw .lastOwner(member.email)
            }
            emit(.backOffice(.staffRemoved(email: member.email)))
            return "removed \(member.email) from staff"
        case let .setFulfilment(mode):
            guard mode != commerce.backOffice.fulfilment else { throw .sameFulfilment(mode) }
            emit(.backOffice(.fulfilmentModeSet(mode)))
            // Orders that waited for staff and are ready leave now, not back-dated to when they were ready.
            if mode == .automatic {
                for order in commerce.ordersInProgress {
                    guard let ready = Self.plannedShipping(of: order), ready <= now else { continue }
                    handToCourier(order, at: now, carrier: order.delivery.carrier)
                }
            }
            return "set fulfilment to \(mode.rawValue)"
        case let .ship(number, carrier):
            return try ship(number, carrier: carrier)
        case let .receiveReturn(number):
            let order = try merchantOrder(number)
            guard let index = order.returns.firstIndex(where: { $0.receivedAt == nil }) else { throw .noReturnAwaiting(order.number) }
            let before = order.refunded
            receiveReturn(order.number, index: index, at: now)
            let refunded = commerce.orders[order.number].map { Money(minorUnits: $0.refunded.minorUnits - before.minorUnits, currency: before.currency) }
            return "received the return parcel \(order.returns[index].shipment.trackingNumber) of \(order.number)"
                + (refunded.map { $0.isZero ? "" : " and refunded \($0)" } ?? "")
        case let .refund(number, amount, reason):
            return try goodwillRefund(number, amount: amount, reason: reason)
        case let .replyToTicket(id, text):
            let ticket = try merchantTicket(id)
            let answer = text.trimmingSpaces()
            guard !answer.isEmpty else { throw .emptyText }
            emit(.ticketMessageAdded(ticketID: ticket.id, TicketMessage(author: .shop, at: now, text: answer)))
            emit(.ticketStatusChanged(ticketID: ticket.id, .answered))
            if let order = commerce.orders[ticket.orderNumber] {
                send(.supportAnswer, about: order, subject: "Re: \(ticket.subject) [\(ticket.id)]",
                     body: answer + "\n\nReply with 'comptoir support reply \(ticket.id) TEXT'.")
            }
            return "replied to \(ticket.id) about \(ticket.orderNumber)"
        case let .closeTicket(id):
            let ticket = try merchantTicket(id)
            emit(.ticketStatusChanged(ticketID: ticket.id, .closed))
            return "closed \(ticket.id)"
        case let .setStock(sku, onHand):
            let product = try product(sku)
            guard onHand >= 0 else { throw .stockNegative(onHand) }
            guard onHand <= ShopLimits.maximumStock else { throw .stockTooLarge(onHand) }
            guard onHand >= product.reservedStock else {
                throw .stockBelowReserved(sku: product.sku, requested: onHand, reserved: product.reservedStock)
            }
            emit(.backOffice(.stockSet(sku: product.sku, onHand: onHand)))
            return "set the stock of \(product.sku) from \(product.stockOnHand) to \(onHand)"
        case let .setPrice(sku, price):
            let product = try product(sku)
            guard price.currency == product.price.currency else { throw .currencyMismatch(sku: product.sku, expected: product.price.currency) }
            guard price.minorUnits > 0 else { throw .priceNotPositive }
            guard price.minorUnits <= ShopLimits.maximumPriceMinorUnits else { throw .priceTooLarge(price) }
            emit(.backOffice(.priceSet(sku: product.sku, price: price)))
            return "changed the price of \(product.sku) from \(product.price) to \(price)"
        case let .setListed(sku, listed):
            let product = try product(sku)
            let isListed = commerce.backOffice.isListed(product.sku)
            if listed && isListed { throw .alreadyListed(product.sku) }
            if !listed && !isListed { throw .alreadyUnlisted(product.sku) }
            emit(.backOffice(.listingChanged(sku: product.sku, listed: listed)))
            return "\(listed ? "relisted" : "unlisted") \(product.sku)"
        case let .addPromotion(code):
            try check(code)
            emit(.backOffice(.promotionAdded(code)))
            return "added the promotion \(code.code)"
        case let .endPromotion(text):
            guard let code = commerce.backOffice.promotion(named: text) else { throw .unknownPromotion(text) }
            guard code.endedAt == nil else { throw .promotionAlreadyEnded(code.code) }
            emit(.backOffice(.promotionEnded(code: code.code, at: now)))
            return "ended the promotion \(code.code)"
        }
    }

    private mutating func ship(_ number: String, carrier: Carrier?) throws(MerchantError) -> String {
        let order = try merchantOrder(number)
        guard order.state == .placed else { throw .notToShip(orderNumber: order.number, why: "it is \(order.state.rawValue)") }
        guard order.shipment == nil else { throw .notToShip(orderNumber: order.number, why: "it has already shipped") }
        guard order.isPaid, order.fulfillment == .preparing else {
            throw .notToShip(orderNumber: order.number, why: "it is not paid yet (\(order.paymentState.label))")
        }
        handToCourier(order, at: now, carrier: carrier ?? order.delivery.carrier)
        let shipment = commerce.orders[order.number]?.shipment
        return "shipped \(order.number)" + (shipment.map { " with \($0.carrier.name) (\($0.trackingNumber))" } ?? "")
    }

    private mutating func goodwillRefund(_ number: String, amount: Money, reason: String) throws(MerchantError) -> String {
        let order = try merchantOrder(number)
        let why = reason.trimmingSpaces()
        guard !why.isEmpty else { throw .emptyReason }
        guard amount.minorUnits > 0 else { throw .refundNotPositive }
        guard order.isPaid else { throw .notPaid(order.number) }
        let remaining = order.refundable
        guard amount.currency == remaining.currency, amount.minorUnits <= remaining.minorUnits else {
            throw .refundTooLarge(orderNumber: order.number, requested: amount, remaining: remaining)
        }
        guard let refund = refund(amount, on: order.number), let refunded = commerce.orders[order.number] else {
            throw .refundTooLarge(orderNumber: order.number, requested: amount, remaining: remaining)
        }
        send(.refund, about: refunded, subject: "Refund of \(refund.amount) for order \(order.number)",
             body: OrderMessages.refund(refunded, refund: refund, reason: why))
        return "refunded \(refund.amount) on \(order.number): \(why)"
    }

    private func check(_ code: PromoCode) throws(MerchantError) {
        let text = code.code
        guard (3...20).contains(text.count), text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .invalidPromoCode(text)
        }
        if let existing = commerce.backOffice.promotion(named: text), existing.endedAt == nil { throw .promoExists(text) }
        switch code.benefit {
        case let .percent(basisPoints):
            guard (1...10_000).contains(basisPoints) else { throw .percentOutOfRange(basisPoints: basisPoints) }
        case let .fixed(minorUnits):
            guard minorUnits > 0, minorUnits <= PromoCode.largestFixedAmount else { throw .amountNotPositive }
        }
        guard code.minimumBasket >= 0 else { throw .minimumNegative }
        guard code.lastDay >= now.calendarDay else { throw .lastDayPassed(code.lastDay) }
        guard code.lastDay <= PromoCode.latestLastDay else { throw .lastDayTooFar(code.lastDay) }
    }

    private func merchantOrder(_ number: String) throws(MerchantError) -> Order {
        guard let order = commerce.order(numbered: number) else { throw .unknownOrder(number) }
        return order
    }

    private func merchantTicket(_ id: String) throws(MerchantError) -> SupportTicket {
        guard let ticket = commerce.tickets[id.trimmingSpaces().uppercased()] else { throw .unknownTicket(id) }
        guard ticket.status != .closed else { throw .ticketClosed(ticket.id) }
        return ticket
    }

    private func product(_ sku: String) throws(MerchantError) -> Product {
        guard let product = state.catalogue.product(sku: sku.trimmingSpaces()) else { throw .unknownProduct(sku) }
        return product
    }
}
