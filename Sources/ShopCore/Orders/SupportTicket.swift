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

/// What a ticket is about, as the customer picks it; a question about the delivery, a return, a
/// refund or a payment gets an automatic first answer, something else a person's.
public enum SupportTopic: String, CaseIterable, Hashable, Sendable {
    case delivery
    case returns
    case refund
    case payment
    case other

    /// The topic in the customer's words, for the list they pick it from.
    public var label: String {
        switch self {
        case .delivery: return "Where is my parcel?"
        case .returns: return "A return"
        case .refund: return "A refund"
        case .payment: return "A payment"
        case .other: return "Something else"
        }
    }

    /// Who answers and when: at once from the order, or a person (`SupportAnswer`).
    public var answeredBy: String {
        self == .other ? "a person answers by the next working day" : "answered at once from your order"
    }

    /// The topic a question's words suggest.
    public static func guess(_ text: String) -> SupportTopic {
        let lower = text.lowercased()
        let keywords: [(SupportTopic, [String])] = [
            (.refund, ["refund", "money back", "rembours"]),
            (.returns, ["return", "withdraw", "retour"]),
            (.payment, ["pay", "card", "charge", "3-d", "3d secure", "paiement", "carte"]),
            (.delivery, ["deliver", "parcel", "track", "ship", "courier", "livraison", "colis"]),
        ]
        return keywords.first { $0.1.contains(where: lower.contains) }?.0 ?? .other
    }

    /// The automatic first answer, read from the order as it stands now; nil when a person must answer.
    public func automaticAnswer(for order: Order, now: ShopInstant) -> String? {
        SupportAnswer(order: order, now: now).answer(self)
    }
}
