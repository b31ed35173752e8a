import ArgumentParser
import ShopCore

/// An order for people (text) and programs (JSON with money in minor units).
enum OrderView {
    static func money(_ amount: Money) -> JSONValue { .int(amount.minorUnits) }

    static func json(_ order: Order, now: ShopInstant) -> JSONValue {
        let totals = order.totals
        return .object([
            ("number", .string(order.number)),
            ("placed_at", .string(order.placedAt.iso8601)),
            ("state", .string(order.state.rawValue)),
            ("payment_state", .string(order.paymentState.rawValue)),
            ("fulfillment_state", .string(order.fulfillment.rawValue)),
            ("cancel_reason", .optional(order.cancelReason) { .string($0.rawValue) }),
            ("lines", .array(order.lines.map { line in
                .object([
                    ("sku", .string(line.sku)), ("title", .string(line.title)), ("quantity", .int(line.quantity)),
                    ("unit_price_minor", money(line.unitPrice)), ("total_minor", money(line.gross)),
                    ("vat_rate_bp", .int(line.vatClass.basisPoints)), ("perishable", .bool(line.perishable)),
                    ("returned", .int(order.returnedQuantity(of: line.sku))),
                ])
            })),
            ("delivery", .string(order.delivery.rawValue)),
            ("address", .string(order.address.description)),
            ("relay_point", .optional(order.relayPoint) { RelayPointsCommand.json($0, rank: nil) }),
            ("extras", .array(order.extras.map { .string($0.rawValue) })),
            ("promo_code", .optional(order.promoCode) { .string($0) }),
            ("currency", .string(totals.currency.code)),
            ("goods_minor", money(totals.goods)),
            ("discount_minor", money(totals.discount)),
            ("shipping_minor", money(totals.shipping)),
            ("extras_minor", money(totals.extras)),
            ("net_minor", money(totals.net)),
            ("vat_minor", money(totals.vat)),
            ("vat", .array(totals.vatBreakdown.map { rate in
                .object([("rate_bp", .int(rate.vatClass.basisPoints)), ("net_minor", money(rate.net)),
                         ("vat_minor", money(rate.vat)), ("gross_minor", money(rate.gross))])
            })),
            ("total_minor", money(totals.total)),
            ("refunded_minor", money(order.refunded)),
            ("promised_from", .optional(order.activePromise) { .string($0.lowerBound.iso8601) }),
            ("promised_to", .optional(order.activePromise) { .string($0.upperBound.iso8601) }),
            ("payment", .optional(order.currentPayment) { payment(order, $0) }),
            ("payment_attempts", .int(order.payments.count)),
            ("tracking_number", .optional(order.shipment) { .string($0.trackingNumber.value) }),
            ("carrier", .optional(order.shipment) { .string($0.carrier.rawValue) }),
            ("tracking_status", .optional(order.scans.last) { .string($0.status.rawValue) }),
            ("estimated_delivery", .optional(order.estimatedDelivery(now: now)) { .string($0.iso8601) }),
            ("delivered_at", .optional(order.deliveredAt) { .string($0.iso8601) }),
            ("return_until", .optional(order.withdrawalLastDay) { .string($0.iso8601) }),
            ("returns", .array(order.returns.map { request in
                .object([
                    ("tracking_number", .string(request.shipment.trackingNumber.value)),
                    ("status", .optional(request.scans.last) { .string($0.status.rawValue) }),
                    ("received_at", .optional(request.receivedAt) { .string($0.iso8601) }),
                    ("lines", .array(request.lines.map { .object([("sku", .string($0.sku)), ("quantity", .int($0.quantity))]) })),
                ])
            })),
        ])
    }

    static func payment(_ order: Order, _ payment: Payment) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("method", .string(payment.method.description)),
            // The current attempt's state is the order's payment state (refunds included).
            ("state", .string(order.paymentState.rawValue)),
            ("amount_minor", money(payment.amount)),
            ("failure", .optional(payment.failure) { .string($0.customerMessage) }),
        ]
        if case let .cash(cash) = payment {
            members.append(("reference", .string(cash.reference.description)))
            members.append(("expires_at", .string(cash.expiresAt.iso8601)))
        }
        if case let .card(card) = payment, let challenge = card.challenge {
            members.append(("code_expires_at", .string(challenge.expiresAt.iso8601)))
            members.append(("attempts_left", .int(challenge.attemptsLeft)))
        }
        return .object(members)
    }

    static func text(_ order: Order, locale: ShopLocale, zone: ShopTimeZone, now: ShopInstant) -> String {
        let format = MoneyFormatter(locale: locale)
        let totals = order.totals
        var lines = [
            "Order \(order.number) — placed \(zone.dateAndTime(order.placedAt))",
            "State: \(order.state.rawValue) · payment: \(order.paymentState.rawValue) · fulfillment: \(order.fulfillment.rawValue)",
        ]
        if let reason = order.cancelReason { lines.append("Canceled: \(reason.label)") }
        var table = TextTable([
            .init(title: "SKU"), .init(title: "Title", maxWidth: 40), .init(title: "Qty", alignment: .right),
            .init(title: "Unit", alignment: .right), .init(title: "Total", alignment: .right), .init(title: "VAT"),
        ])
        for line in order.lines {
            table.add([line.sku, line.title, "\(line.quantity)", format.format(line.unitPrice), format.format(line.gross), line.vatClass.label])
        }
        lines.append(table.rendered())
        lines.append("Goods \(format.format(totals.goods))")
        if !totals.discount.isZero { lines.append("Discount \(order.promoCode ?? "") -\(format.format(totals.discount))") }
        lines.append("\(order.delivery.label) \(format.format(totals.shipping))")
        for extra in order.extras { lines.append("\(extra.label) \(format.format(Money(minorUnits: extra.price, currency: totals.currency)))") }
        lines.append("Net \(format.format(totals.net))")
        for rate in totals.vatBreakdown { lines.append("VAT \(rate.vatClass.label) on \(format.format(rate.net)): \(format.format(rate.vat))") }
        lines.append("Total incl. VAT \(format.format(totals.total))")
        if !order.refunds.isEmpty { lines.append("Refunded \(format.format(order.refunded)) to \(order.refunds[0].method)") }
        if let promise = order.activePromise {
            let destination = order.relayPoint.map { "at \($0.relayPointLine), for \(order.address.name)" } ?? "to \(order.address)"
            lines.append("Delivery promised between \(promise.lowerBound) and \(promise.upperBound) \(destination)")
        } else if let point = order.relayPoint {
            lines.append("Relay point: \(point.relayPointLine)")
        }
        if let payment = order.currentPayment {
            lines.append("Payment: \(payment.method), \(order.paymentState.label)\(payment.failure.map { " — \($0.customerMessage)" } ?? "")")
            if case let .cash(cash) = payment, cash.status == .awaitingPayment {
                lines.append("Pay \(format.format(cash.amount)) at an agent with reference \(cash.reference) before \(zone.dateAndTime(cash.expiresAt))")
            }
        }
        if let shipment = order.shipment {
            let estimate = order.estimatedDelivery(now: now).map { ", estimated delivery \($0)" } ?? ""
            lines.append("Parcel \(shipment.trackingNumber) with \(shipment.carrier.name): \(order.scans.last?.status.label ?? "label created")\(estimate)")
        }
        for (index, request) in order.returns.enumerated() {
            let items = request.lines.reduce(0) { $0 + $1.quantity }
            let progress = request.receivedAt.map { "received on \(zone.dateAndTime($0))" } ?? (request.scans.last?.status.label.lowercased() ?? "label created")
            let refund = order.refund(ofReturnAt: index).map { "refunded \(format.format($0))" }
                ?? "refund \(format.format(order.shownRefund(ofReturnAt: index))) on arrival"
            lines.append("Return \(index + 1): parcel \(request.shipment.trackingNumber) with \(request.shipment.carrier.name), \(items) item\(items == 1 ? "" : "s"), \(progress), \(refund)")
        }
        if let lastDay = order.withdrawalLastDay {
            lines.append(zone.day(of: now) <= lastDay ? "Returns accepted until \(lastDay)" : "Returns closed on \(lastDay) (14 days after delivery)")
        }
        return lines.joined(separator: "\n")
    }
}

/// What a command that placed or paid an order prints, and its exit status.
enum OrderOutput {
    static func report(_ order: Order, json: Bool, locale: ShopLocale, zone: ShopTimeZone, now: ShopInstant) throws {
        if json {
            printJSON(OrderView.json(order, now: now))
        } else {
            printText(OrderView.text(order, locale: locale, zone: zone, now: now))
            printText(summary(order, locale: locale, zone: zone))
        }
        if order.state != .canceled, let failure = order.currentPayment?.failure {
            printError("comptoir: the payment of order \(order.number) failed: \(failure.customerMessage)")
            throw ExitCode(ExitStatus.paymentFailed.rawValue)
        }
    }

    static func summary(_ order: Order, locale: ShopLocale, zone: ShopTimeZone) -> String {
        let format = MoneyFormatter(locale: locale)
        let head = "Order \(order.number): \(format.format(order.totals.total)), payment \(order.paymentState.rawValue), fulfillment \(order.fulfillment.rawValue)"
        switch order.currentPayment {
        case let .card(card)? where card.challenge != nil:
            return head + "\nYour bank sent a code (see 'comptoir messages'): comptoir pay confirm \(order.number) --code NNNNNN"
        case let .wallet(wallet)? where wallet.status == .created:
            return head + "\nApprove the payment in the wallet: comptoir pay approve \(order.number)"
        case let .cash(cash)? where cash.status == .awaitingPayment:
            return head + "\nPay \(format.format(cash.amount)) at an agent with reference \(cash.reference) before \(zone.dateAndTime(cash.expiresAt))"
        default:
            return head
        }
    }
}
