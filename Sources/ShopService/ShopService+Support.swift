import ShopCore
import ShopStore

extension ShopService {
    /// The command that sends a customer's `text` about an order to the shop: one conversation an
    /// order, so it joins the order's newest ticket not closed, else opens a ticket (about `topic`,
    /// or the topic guessed from the question). Pure: screens that only ask for effects use it too.
    public static func supportMessage(
        about orderNumber: String, text: String, topic: SupportTopic? = nil, by shopper: Shopper, in commerce: Commerce
    ) -> CommerceCommand {
        let open = commerce.account(of: shopper).flatMap { account in
            commerce.tickets(of: account.id).last { $0.orderNumber == orderNumber && $0.status != .closed }
        }
        if let open { return .replyToTicket(ticketID: open.id, text: text, by: shopper) }
        return .openTicket(orderNumber: orderNumber, topic: topic, text: text, by: shopper)
    }

    /// Sends `text` about the order to the shop (see `supportMessage`); the ticket it went to.
    @discardableResult
    public func sendSupportMessage(
        about orderNumber: String, text: String, topic: SupportTopic? = nil, by shopper: Shopper
    ) throws(ServiceError) -> SupportTicket? {
        try? refresh()
        let command = Self.supportMessage(about: orderNumber, text: text, topic: topic, by: shopper, in: commerce)
        let events = try trade(command)
        for event in events {
            switch event {
            case let .commerce(.ticketOpened(ticket)): return commerce.tickets[ticket.id]
            case let .commerce(.ticketMessageAdded(id, _)): return commerce.tickets[id]
            default: continue
            }
        }
        return nil
    }
}
