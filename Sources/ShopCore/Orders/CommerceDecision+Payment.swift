extension CommerceDecision {
    /// Starts a payment attempt through the simulated gateway. A declined card still records
    /// the failed attempt (the customer may pay again another way); invalid details are refused.
    mutating func startPayment(_ order: Order, _ request: PaymentRequest) throws(CommerceError) {
        let gateway = SimulatedGateway()
        let amount = order.totals.total
        do throws(PaymentError) {
            switch request {
            case let .card(entry):
                let payment = try gateway.authorize(entry.details, amount: amount, at: now, using: &random)
                emit(.paymentStarted(orderNumber: order.number, .card(payment)))
                switch payment.status {
                case let .requiresAction(challenge):
                    send(.threeDSecureCode, about: order, subject: "Your bank's code for order \(order.number)",
                         body: OrderMessages.threeDSecure(order, card: payment.card, challenge: challenge))
                case .authorized:
                    var captured = payment
                    try captured.capture()
                    paid(order.number, .card(captured))
                case let .failed(failure):
                    paymentFailed(order.number, failure)
                case .captured, .canceled:
                    break
                }
            case let .wallet(payer):
                let payment = try gateway.startWalletPayment(payer: payer, amount: amount, at: now, using: &random)
                emit(.paymentStarted(orderNumber: order.number, .wallet(payment)))
            case .cash:
                let payment = try gateway.issueCashReference(amount: amount, at: now, using: &random)
                emit(.paymentStarted(orderNumber: order.number, .cash(payment)))
                send(.cashPaymentReference, about: order, subject: "Pay order \(order.number) in cash: reference \(payment.reference)",
                     body: OrderMessages.cashReference(order, payment: payment))
            }
        } catch {
            throw .payment(error)
        }
    }

    /// The money is taken: the payment is recorded, the warehouse starts, and the confirmation
    /// with the voucher is sent.
    ///
    /// One mail per payment received. An order is paid once, whichever way the money comes: a
    /// card accepted at checkout, a card after the bank's 3-D Secure code or on a later `pay`
    /// after a failed attempt, a wallet payment the customer approves, cash an agent records.
    /// Each time the confirmation (`order-confirmation`) is that mail: it opens with the payment
    /// received (amount, method — a card by brand and last four only —, when) and what happens
    /// next, then carries the voucher. No separate "payment received" mail goes beside it: it
    /// would say the same thing twice. "Order received" (`order-received`), sent at placement,
    /// says what is due and never says paid; a declined payment gets `payment-failed` only.
    mutating func paid(_ number: String, _ payment: Payment) {
        emit(.paymentUpdated(orderNumber: number, payment))
        // Preparation starts first: the voucher carries the promise counted from the payment.
        emit(.preparationStarted(orderNumber: number, at: now))
        guard let order = commerce.orders[number] else { return }
        send(.orderConfirmation, about: order, subject: "Order \(number) paid and confirmed: your voucher",
             body: OrderVoucher.voucher(order, payment: payment, receivedAt: now, seller: state.seller))
    }

    mutating func paymentFailed(_ number: String, _ failure: PaymentFailure) {
        guard let order = commerce.orders[number] else { return }
        send(.paymentFailed, about: order, subject: "Payment failed for order \(number)",
             body: OrderMessages.paymentFailed(order, failure: failure))
    }

    mutating func confirmCode(_ number: String, code: String) throws(CommerceError) {
        let order = try ownOrder(number)
        guard case var .card(payment)? = order.currentPayment, payment.challenge != nil else {
            throw .noCodeAwaited(order.number)
        }
        do throws(PaymentError) {
            switch try payment.confirm(code: code, at: now) {
            case .accepted:
                try payment.capture()
                paid(order.number, .card(payment))
            case .rejected:
                emit(.paymentUpdated(orderNumber: order.number, .card(payment)))
            case let .failed(failure):
                emit(.paymentUpdated(orderNumber: order.number, .card(payment)))
                paymentFailed(order.number, failure)
            }
        } catch {
            throw .payment(error)
        }
    }

    mutating func approveWallet(_ number: String) throws(CommerceError) {
        let order = try ownOrder(number)
        guard case var .wallet(payment)? = order.currentPayment, payment.status == .created else {
            throw .noWalletPaymentAwaiting(order.number)
        }
        do throws(PaymentError) {
            try payment.approve()
            if let failure = payment.failure {
                emit(.paymentUpdated(orderNumber: order.number, .wallet(payment)))
                paymentFailed(order.number, failure)
                return
            }
            try payment.capture()
            paid(order.number, .wallet(payment))
        } catch {
            throw .payment(error)
        }
    }

    /// Cancels the payment waiting for the customer (code, wallet approval, cash), leaving the
    /// order placed and payable another way; unpaid, it is still canceled after 72 hours.
    mutating func abandonPayment(_ number: String) throws(CommerceError) {
        let order = try ownOrder(number)
        guard order.state == .placed else { throw .orderCanceled(order.number) }
        guard !order.isPaid else { throw .alreadyPaid(order.number) }
        let abandoned: Payment
        do throws(PaymentError) {
            switch order.currentPayment {
            case var .card(card)? where card.challenge != nil:
                try card.cancel()
                abandoned = .card(card)
            case var .wallet(wallet)? where wallet.status == .created:
                try wallet.cancel()
                abandoned = .wallet(wallet)
            case var .cash(cash)? where cash.status == .awaitingPayment:
                try cash.cancel()
                abandoned = .cash(cash)
            default:
                throw .invalidTransition(action: .cancel, from: order.paymentState)
            }
        } catch {
            throw .noPaymentUnderWay(order.number)
        }
        emit(.paymentUpdated(orderNumber: order.number, abandoned))
    }

    /// An agent records cash; any customer's order, no login needed.
    mutating func recordCash(_ reference: CashReference, amount: Money) throws(CommerceError) {
        guard let order = commerce.order(cashReference: reference),
              let index = order.payments.lastIndex(where: { if case let .cash(cash) = $0 { return cash.reference == reference }; return false }),
              case var .cash(payment) = order.payments[index]
        else { throw .unknownCashReference(reference.description) }
        guard index == order.payments.count - 1 else {
            throw .payment(.invalidTransition(action: .recordCash, from: .canceled))
        }
        do throws(PaymentError) {
            try payment.recordPayment(of: amount, at: now)
        } catch {
            throw .payment(error)
        }
        paid(order.number, .cash(payment))
    }
}
