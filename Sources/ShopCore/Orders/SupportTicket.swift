/// An after-sales conversation about an order.
public struct SupportTicket: Hashable, Sendable, Identifiable {
    public let id: String
    public let customer: AccountID
    public let orderNumber: String
    public let topic: SupportTopic
    public let subject: String
    public var messages: [TicketMessage]
    public var status: TicketStatus

    public init(id: String, customer: AccountID, orderNumber: String, topic: SupportTopic, subject: String,
                messages: [TicketMessage] = [], status: TicketStatus = .open) {
        self.id = id
        self.customer = customer
        self.orderNumber = orderNumber
        self.topic = topic
        self.subject = subject
        self.messages = messages
        self.status = status
    }
}

public struct TicketMessage: Hashable, Sendable {
    public enum Author: String, Hashable, Sendable { case customer, shop }
    public var author: Author
    public var at: ShopInstant
    public var text: String
    public init(author: Author, at: ShopInstant, text: String) {
        self.author = author
        self.at = at
        self.text = text
    }
}

public enum TicketStatus: String, CaseIterable, Hashable, Sendable {
    case open
    case answered
    case closed
}

/// What a ticket is about; delivery, returns and payment questions get an automatic first answer.
public enum SupportTopic: String, CaseIterable, Hashable, Sendable {
    case delivery
    case returns
    case payment
    case other

    /// The topic a question's words suggest.
    public static func guess(_ text: String) -> SupportTopic {
        let lower = text.lowercased()
        let keywords: [(SupportTopic, [String])] = [
            (.returns, ["return", "refund", "withdraw", "retour", "rembours"]),
            (.payment, ["pay", "card", "charge", "3-d", "3d secure", "paiement", "carte"]),
            (.delivery, ["deliver", "parcel", "track", "ship", "courier", "livraison", "colis"]),
        ]
        return keywords.first { $0.1.contains(where: lower.contains) }?.0 ?? .other
    }

    /// The automatic first answer, nil when a person must answer.
    public func automaticAnswer(for order: Order, now: ShopInstant) -> String? {
        switch self {
        case .delivery:
            let estimate = order.estimatedDelivery(now: now).map { "The courier now expects it on \($0)." }
                ?? "It has not left the warehouse yet; it was promised between \(order.promise.lowerBound) and \(order.promise.upperBound)."
            let tracking = order.shipment.map { " Tracking number: \($0.trackingNumber) (\($0.carrier.name))." } ?? ""
            return "Thank you for your question about the delivery of order \(order.number). \(estimate)\(tracking) Follow it with 'comptoir track \(order.number)'."
        case .returns:
            let limit = order.withdrawalLastDay.map { "until \($0)" } ?? "for 14 days after delivery"
            return "You may return items of order \(order.number) without giving a reason \(limit) (perishable groceries excepted): run 'comptoir return \(order.number)' to get a prepaid label. The refund goes back to your original payment method once the parcel reaches us."
        case .payment:
            return "Order \(order.number) is \(order.paymentState.label) (\(order.totals.total)). If a payment failed you may pay again by another card, the wallet or cash at an agent with 'comptoir pay'."
        case .other:
            return nil
        }
    }
}
