/// The two messages of an order's contract: "Order received" at placement (what is due and by
/// when), and, once paid, the confirmation that serves as the voucher, with what EU directive
/// 2011/83 art. 8(7) asks a durable medium to carry (the seller, the order, the total, the
/// delivery arrangements, the right of withdrawal and the model withdrawal form of Annex I(B)).
enum OrderVoucher {
    /// Sent when the order is placed, before any payment: never a confirmation. When the card
    /// given at checkout pays at once (`paidAtOnce`), the confirmation follows in the same moment,
    /// so it says so instead of an amount due and a deadline that no longer hold.
    static func received(_ order: Order, deadline: ShopInstant, paidAtOnce: Bool, seller: SellerIdentity) -> String {
        let confirmation = paidAtOnce
            ? "Your card was charged \(order.totals.total) at checkout: our confirmation, the record of the contract to keep,\nfollows in a separate message."
            : "Our confirmation, the record of the contract to keep, follows once the payment is received."
        var text = """
        We have received your order \(order.number), placed \(MessageTime.text(order.placedAt)) with obligation to pay.
        \(confirmation)

        """
        text += "\n" + lines(order)
        if paidAtOnce { return text + "\n" + seller.block }
        text += """

        Due: \(order.totals.total), to be paid by \(MessageTime.text(deadline)) (\(CommerceDecision.unpaidOrderHours) hours after ordering).
        An order not paid by then is canceled automatically and its items released; nothing is owed.
        Pay with the method you chose at checkout, or another one: comptoir pay \(order.number) …

        \(seller.block)
        """
        return text
    }

    /// Sent once the money is taken: the receipt of the payment, what happens next, and the
    /// durable record of the contract. A card is named by brand and last four digits only.
    static func voucher(_ order: Order, payment: Payment, receivedAt: ShopInstant, seller: SellerIdentity) -> String {
        var text = """
        Your order \(order.number) is confirmed: on \(MessageTime.text(receivedAt)) we received \(payment.amount) by \(payment.method).
        What happens next: we are preparing your order now. When it leaves our warehouse, a message
        gives you the carrier and the tracking number.
        This message is your voucher: keep it.

        Seller
        \(seller.block)

        Order \(order.number), placed \(MessageTime.text(order.placedAt)) (order with obligation to pay)

        """
        text += lines(order)
        text += """

        \(deliveryArrangement(order))
        Promised between \(order.promise.lowerBound) and \(order.promise.upperBound); you get the tracking number when it ships.

        \(withdrawal(order, seller: seller))

        \(withdrawalForm(seller))
        """
        return text
    }

    /// Where the parcel goes: the address, or the relay point chosen and whose name it is kept under.
    static func deliveryArrangement(_ order: Order) -> String {
        let how = "Delivery: \(order.delivery.label) by \(order.delivery.carrier.name)"
        guard let point = order.relayPoint else {
            return "\(how), to\n  \(order.address.lines.joined(separator: "\n  "))"
        }
        return "\(how), to collect at\n  \(point.relayPointLine)\n  in the name of \(order.address.name)"
    }

    /// The order's lines and totals with VAT per rate.
    static func lines(_ order: Order) -> String {
        var text = ""
        for line in order.lines {
            text += "\(line.quantity) × \(line.title) (\(line.sku)) at \(line.unitPrice) = \(line.gross)\n"
        }
        let totals = order.totals
        text += "\nGoods: \(totals.goods)\n"
        if !totals.discount.isZero { text += "Discount (\(order.promoCode ?? "")): -\(totals.discount)\n" }
        text += "\(order.delivery.label): \(totals.shipping)\n"
        if let point = order.relayPoint { text += "  to collect at \(point.relayPointLine)\n" }
        for extra in order.extras { text += "\(extra.label): \(Money(minorUnits: extra.price, currency: totals.currency))\n" }
        text += "Total: \(totals.total) including VAT \(totals.vat)\n"
        for rate in totals.vatBreakdown {
            text += "  VAT \(rate.vatClass.label) on \(rate.net): \(rate.vat)\n"
        }
        return text
    }

    /// The right of withdrawal and how to use it (after the model instructions of Annex I(A)).
    static func withdrawal(_ order: Order, seller: SellerIdentity) -> String {
        let perishable = order.lines.contains(where: \.perishable)
            ? "\nPerishable groceries on this order are excepted (art. 16(d)): they cannot be returned.\n" : ""
        return """
        Right of withdrawal
        You have the right to withdraw from this contract within 14 days without giving any reason.
        The withdrawal period expires 14 days after the day on which you, or a third party other
        than the carrier indicated by you, take physical possession of the goods.
        To exercise it, inform us of your decision by an unequivocal statement:
        'comptoir return \(order.number)' (or r on the order in the shop) gives you a prepaid
        return label; or write to \(seller.contactEmail) or to the address above. You may use the
        model form below, but it is not obligatory. It is enough to send it before the 14 days end.
        Effects: we refund all payments received for the goods you withdraw from, including the
        standard delivery costs when you withdraw from the whole order, without undue delay and at
        the latest 14 days after we are informed, to your original payment method, at no cost to
        you; we may wait until the goods are back with us. We bear the cost of returning them.
        \(perishable)
        """
    }

    /// The model withdrawal form of Annex I(B), with the seller filled in.
    static func withdrawalForm(_ seller: SellerIdentity) -> String {
        """
        Model withdrawal form
        (complete and return this form only if you wish to withdraw from the contract)
        To \(seller.legalForm), \(seller.addressLines.joined(separator: ", ")), \(seller.contactEmail):
        I/We (*) hereby give notice that I/We (*) withdraw from my/our (*) contract of sale of the
        following goods (*)/for the provision of the following service (*),
        Ordered on (*)/received on (*),
        Name of consumer(s),
        Address of consumer(s),
        Signature of consumer(s) (only if this form is notified on paper),
        Date
        (*) Delete as appropriate.
        """
    }
}
